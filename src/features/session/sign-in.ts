import Taro from '@tarojs/taro'
import { signIn } from '@/services/cloud'
import { landingPage } from './roles'
import { fetchWhoami, invalidateSession } from './use-session'

/**
 * Signs in on the local emulator as `openid` and opens where that identity lands (its home, or binding). The H5
 * sign-in page loads this module when its list is on screen, not with the page: it brings the cloud client and the
 * contract's schemas, which the list itself does not need.
 */
export async function signInAndEnter(openid: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const signedIn = await signIn(openid)
  if (!signedIn.ok) return { ok: false, message: signedIn.message }
  invalidateSession()
  const who = await fetchWhoami()
  if (!who.ok) return { ok: false, message: who.message }
  void Taro.reLaunch({ url: landingPage(who.data) })
  return { ok: true }
}
