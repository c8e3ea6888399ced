import { EntryScreen } from '@/features/session'
import { withPageFrame } from '@/features/large-font'

/** Entry page: local sign-in on h5, WeChat identity check and redirect on weapp. */
function IndexPage() {
  return <EntryScreen />
}

export default withPageFrame(IndexPage)
