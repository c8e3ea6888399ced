import { usingKit } from '../../../components/ui/native-components'

export default definePageConfig({
  navigationBarTitleText: '参加单位',
  usingComponents: usingKit('Button', 'CellGroup', 'Checkbox', 'Input', 'Picker', 'RadioGroup', 'Search', 'Tag', 'PageState'),
})
