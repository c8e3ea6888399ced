import { usingKit } from '../../../components/ui/native-components'

export default definePageConfig({
  navigationBarTitleText: '我的申请',
  usingComponents: usingKit('Button', 'Tag', 'PageState'),
})
