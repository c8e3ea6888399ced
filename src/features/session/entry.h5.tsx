import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageState } from '@/components/page-state'
import { Cell, CellGroup, Tag, toast } from '@/components/ui'
import { currentOpenid, signIn } from '@/services/cloud'
import { useLoad } from '@/services/use-load'
import { fetchLocalIdentities, freshOpenid } from './local-identities'
import { ROLE_LABEL, ROLE_ORDER, landingPage } from './roles'
import { fetchWhoami, invalidateSession } from './use-session'
import './entry.scss'

/**
 * H5 entry = the local sign-in page. There is no WeChat here, so a person picks one of the demo identities
 * the seed stored (or a brand-new unbound user) and the emulator issues a token for that OPENID.
 */
export function EntryScreen() {
  const list = useLoad(async () => {
    const answer = await fetchLocalIdentities()
    return answer.ok ? answer : { ok: false as const, code: 'LOCAL_IDENTITIES', message: answer.message }
  }, [])
  const [busy, setBusy] = useState<string | null>(null)
  const signedInAs = currentOpenid()

  const enterAs = useCallback(async (openid: string) => {
    if (busy) return
    setBusy(openid)
    const signedIn = await signIn(openid)
    if (!signedIn.ok) {
      setBusy(null)
      toast(signedIn.message, 'error')
      return
    }
    invalidateSession()
    const who = await fetchWhoami()
    setBusy(null)
    if (!who.ok) {
      toast(who.message, 'error')
      return
    }
    void Taro.reLaunch({ url: landingPage(who.data) })
  }, [busy])

  return (
    <View className="entry">
      <View className="entry__hero">
        <Text className="entry__title">职工医疗互助</Text>
        <Text className="entry__subtitle">本地体验环境 · 请选择一个身份登录</Text>
      </View>

      {signedInAs ? (
        <CellGroup title="当前登录">
          <Cell title="继续使用当前身份" description={signedInAs} arrow onClick={() => void enterAs(signedInAs)} />
        </CellGroup>
      ) : null}

      {list.status === 'loading' ? <PageState status="loading" text="正在读取演示身份…" /> : null}
      {list.status === 'error' ? (
        <PageState status="error" message={list.message} onRetry={list.reload} />
      ) : null}
      {list.status === 'ready' && list.data.length === 0 ? (
        <PageState status="empty" description="还没有演示身份：请先运行 npm start 或导入演示数据" />
      ) : null}

      {list.status === 'ready'
        ? ROLE_ORDER.map((role) => {
            const group = list.data.filter((identity) => identity.role === role)
            if (group.length === 0) return null
            return (
              <CellGroup key={role} title={ROLE_LABEL[role]}>
                {group.map((identity) => (
                  <Cell
                    key={identity.openid}
                    title={identity.name || identity.openid}
                    description={identity.label}
                    note={busy === identity.openid ? '登录中…' : undefined}
                    arrow
                    onClick={() => void enterAs(identity.openid)}
                  />
                ))}
              </CellGroup>
            )
          })
        : null}

      {list.status === 'ready' ? (
        <CellGroup title="其他">
          <Cell
            title="新微信用户（未绑定）"
            description="模拟第一次打开小程序的微信用户，需先绑定职工或单位"
            note={<Tag theme="primary">新用户</Tag>}
            arrow
            onClick={() => void enterAs(freshOpenid())}
          />
        </CellGroup>
      ) : null}

      <View className="entry__footnote">
        <Text>此页面仅用于本地演示环境；正式小程序使用微信身份自动登录。</Text>
      </View>
    </View>
  )
}
