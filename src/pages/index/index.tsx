import { EntryScreen } from '@/features/session'

/** Entry page: local sign-in on h5, WeChat identity check and redirect on weapp. */
export default function IndexPage() {
  return <EntryScreen />
}
