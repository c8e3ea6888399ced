import { usingKit } from '../../../components/ui/native-components'

export default definePageConfig({
  navigationBarTitleText: '申报记录',
  usingComponents: usingKit('Button', 'Tabs', 'Tag', 'PageState'),
})
