import { usingKit } from '../../../components/ui/native-components'

export default definePageConfig({
  navigationBarTitleText: '申报详情',
  usingComponents: usingKit('Button', 'CellGroup', 'DatePicker', 'Input', 'Search', 'Steps', 'Tag', 'Textarea', 'PageState'),
})
