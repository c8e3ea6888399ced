import { usingKit } from '../../../components/ui/native-components'

export default definePageConfig({
  navigationBarTitleText: '医保结算导入',
  usingComponents: usingKit('Button', 'Tabs', 'Tag', 'PageState'),
})
