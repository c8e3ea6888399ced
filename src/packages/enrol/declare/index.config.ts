import { usingKit } from '../../../components/ui/native-components'

export default definePageConfig({
  navigationBarTitleText: '网上申报',
  usingComponents: usingKit('Button', 'Search', 'Stepper', 'Tabs', 'Tag', 'PageState'),
})
