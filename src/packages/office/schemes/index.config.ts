import { usingKit } from '../../../components/ui/native-components'

export default definePageConfig({
  navigationBarTitleText: '方案管理',
  usingComponents: usingKit('Button', 'Tag', 'PageState'),
})
