import { usingKit } from '../../../components/ui/native-components'

export default definePageConfig({
  navigationBarTitleText: '职工名册',
  usingComponents: usingKit('Button', 'CellGroup', 'DatePicker', 'Input', 'RadioGroup', 'Search', 'Tag', 'PageState'),
})
