import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { PageState } from '@/components/page-state'
import { landingPage } from './roles'
import { useSession } from './use-session'

/** Weapp entry: WeChat already knows who this is; ask `auth` and go to the right place. */
export function EntryScreen() {
  const session = useSession()

  useEffect(() => {
    if (session.status === 'ready') void Taro.reLaunch({ url: landingPage(session.whoami) })
  }, [session])

  if (session.status === 'error') {
    return <PageState status="error" message={session.error.message} onRetry={session.reload} />
  }
  return <PageState status="loading" text="正在识别身份…" />
}
