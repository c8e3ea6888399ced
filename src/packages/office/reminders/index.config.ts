import { usingKit } from '../../../components/ui/native-components'

export default definePageConfig({
  navigationBarTitleText: '提醒记录',
  usingComponents: usingKit('Tag', 'PageState'),
})
