import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { PageState } from '@/components/page-state'
import { signOut, supportsLocalSignIn } from '@/services/cloud'
import { BIND_PAGE, ENTRY_PAGE, ROLE_LABEL } from './roles'
import type { Role, Whoami } from './session.schema'
import { invalidateSession, useSession } from './use-session'

export interface RoleGateProps {
  /** Roles allowed on this page. */
  roles: readonly Role[]
  /** Rendered once the user is known and allowed. */
  children: (whoami: Whoami & { role: Role }) => ReactNode
}

function signInAgain(): void {
  signOut()
  invalidateSession()
  void Taro.reLaunch({ url: ENTRY_PAGE })
}

/**
 * Wraps a feature page: shows loading while `whoami` runs, an error with 重试 (or 重新登录 when the local
 * session expired), sends an unbound user to binding, and refuses roles the page is not for. The cloud
 * functions enforce the same rules; this only keeps people from landing on a page that cannot work for them.
 */
export function RoleGate({ roles, children }: RoleGateProps) {
  const session = useSession()
  if (session.status === 'loading') return <PageState status="loading" />
  if (session.status === 'error') {
    if (session.error.code === 'UNAUTHENTICATED' && supportsLocalSignIn) {
      return <PageState status="error" message={session.error.message} onRetry={signInAgain} retryText="重新登录" />
    }
    return <PageState status="error" message={session.error.message} onRetry={session.reload} />
  }
  const { whoami } = session
  const role = whoami.role
  if (role === null) {
    return <PageState status="error" message="请先绑定职工或单位身份" onRetry={() => void Taro.redirectTo({ url: BIND_PAGE })} retryText="去绑定" />
  }
  if (!roles.includes(role)) {
    const allowed = roles.map((r) => ROLE_LABEL[r]).join('、')
    return <PageState status="error" message={`此页面仅供${allowed}使用，您当前的身份是${ROLE_LABEL[role]}`} />
  }
  return <>{children({ ...whoami, role })}</>
}
