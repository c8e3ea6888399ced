import { usingKit } from '../../../components/ui/native-components'

export default definePageConfig({
  navigationBarTitleText: '申请详情',
  usingComponents: usingKit('Button', 'DatePicker', 'Input', 'Picker', 'RadioGroup', 'Steps', 'Tag', 'Textarea', 'PageState'),
})
