import { usingKit } from '../../../components/ui/native-components'

export default definePageConfig({
  navigationBarTitleText: '基金报表',
  usingComponents: usingKit('Picker', 'Button', 'PageState'),
})
