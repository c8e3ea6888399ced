import { usingKit } from '../../../components/ui/native-components'

export default definePageConfig({
  navigationBarTitleText: '绑定身份',
  usingComponents: usingKit('Button', 'CellGroup', 'Input', 'Tabs'),
})
