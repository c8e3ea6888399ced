import { usingKit } from '../../../components/ui/native-components'

export default definePageConfig({
  navigationBarTitleText: '预览并发布',
  usingComponents: usingKit('Button', 'Tag', 'PageState'),
})
