import { usingKit } from '../../../components/ui/native-components'

export default definePageConfig({
  navigationBarTitleText: '单位信息',
  usingComponents: usingKit('Button', 'CellGroup', 'DatePicker', 'Input', 'Tag', 'PageState'),
})
