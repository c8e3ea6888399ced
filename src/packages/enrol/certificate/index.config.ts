import { usingKit } from '../../../components/ui/native-components'

export default definePageConfig({
  navigationBarTitleText: '履约确认书',
  enableShareAppMessage: true,
  usingComponents: usingKit('Button', 'Tag', 'PageState'),
})
