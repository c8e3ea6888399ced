import { usingKit } from '../../../components/ui/native-components'

export default definePageConfig({
  navigationBarTitleText: '银行批量支付',
  usingComponents: usingKit('Picker', 'Checkbox', 'Button', 'Tag', 'PageState'),
})
