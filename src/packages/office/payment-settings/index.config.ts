import { usingKit } from '../../../components/ui/native-components'

export default definePageConfig({
  navigationBarTitleText: '缴费账户',
  usingComponents: usingKit('Button', 'CellGroup', 'Checkbox', 'Input', 'Stepper', 'PageState'),
})
