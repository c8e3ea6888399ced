import { usingKit } from '../../../components/ui/native-components'

export default definePageConfig({
  navigationBarTitleText: '申请审核',
  usingComponents: usingKit('Tag', 'PageState'),
})
