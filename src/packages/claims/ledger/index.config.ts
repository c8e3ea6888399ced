import { usingKit } from '../../../components/ui/native-components'

export default definePageConfig({
  navigationBarTitleText: '基金台账',
  usingComponents: usingKit('PageState'),
})
