import { usingKit } from '../../../components/ui/native-components'

export default definePageConfig({
  navigationBarTitleText: '消息',
  usingComponents: usingKit('Button', 'Tag', 'PageState'),
})
