import { usingKit } from '../../../components/ui/native-components'

export default definePageConfig({
  navigationBarTitleText: '支付批次',
  usingComponents: usingKit('Button', 'Tag', 'PageState'),
})
