import { usingKit } from '../../components/ui/native-components'

export default definePageConfig({
  navigationBarTitleText: '职工医疗互助',
  enablePullDownRefresh: false,
  usingComponents: usingKit('Icon', 'Tag', 'PageState'),
})
