import { usingKit } from '../../../components/ui/native-components'

export default definePageConfig({
  navigationBarTitleText: '住院补助确认',
  usingComponents: usingKit('Button', 'Input', 'Picker', 'Steps', 'Tag', 'Textarea', 'PageState'),
})
