// Straight from the files, not the features' index: this is the first page, and those indexes bring the UI kit and
// the schemas with them (issue 13, first load on a slow network).
import { EntryScreen } from '@/features/session/entry'
import { withPageFrame } from '@/features/large-font/page-frame'

/** Entry page: local sign-in on h5, WeChat identity check and redirect on weapp. */
function IndexPage() {
  return <EntryScreen />
}

export default withPageFrame(IndexPage)
