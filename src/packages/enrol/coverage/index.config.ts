import { usingKit } from '../../../components/ui/native-components'

export default definePageConfig({
  navigationBarTitleText: '我的保障',
  usingComponents: usingKit('Button', 'Tag', 'PageState'),
})
