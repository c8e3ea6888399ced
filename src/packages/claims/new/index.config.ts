import { usingKit } from '../../../components/ui/native-components'

export default definePageConfig({
  navigationBarTitleText: '申请互助金',
  usingComponents: usingKit('Button', 'Checkbox', 'DatePicker', 'Input', 'Picker', 'RadioGroup', 'Search', 'Steps', 'Tag', 'PageState'),
})
