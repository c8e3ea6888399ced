// Temporary placeholder so the subpackage builds; the feature owner replaces this page.
import { PageState } from '@/components/page-state'

export default function Placeholder() {
  return <PageState status="empty" description="此功能正在建设中" />
}
