import { usingKit } from '../../../components/ui/native-components'

export default definePageConfig({
  navigationBarTitleText: '编辑方案草稿',
  usingComponents: usingKit('Button', 'CellGroup', 'Checkbox', 'Input', 'DatePicker', 'Textarea', 'PageState'),
})
