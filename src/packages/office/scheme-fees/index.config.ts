import { usingKit } from '../../../components/ui/native-components'

export default definePageConfig({
  navigationBarTitleText: '公布缴费标准',
  usingComponents: usingKit('Button', 'CellGroup', 'Input', 'DatePicker', 'PageState'),
})
