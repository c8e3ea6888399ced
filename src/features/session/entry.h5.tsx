import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { ROLE_LABEL } from '@mutual-aid/contracts/role-labels'
import { buttonA11y } from '@/components/a11y'
import { localOpenid } from '@/services/local-session'
import { useLoad } from '@/services/use-load'
import { fetchLocalIdentities, freshOpenid, type LocalIdentity } from './local-identities'
import { ROLE_ORDER } from './roles'
import './entry.scss'

/*
 * The first page of the H5 build, so it loads only what it shows (issue 13: first paint on a slow phone network):
 * Taro's View and Text styled by entry.scss — no UI kit, no schema library. Signing in needs the cloud client and the
 * contract's schemas; they come in ./sign-in, fetched as soon as the list is on screen, so a tap rarely waits.
 */
type SignInModule = typeof import('./sign-in')
let signInModule: Promise<SignInModule> | null = null

function loadSignIn(): Promise<SignInModule> {
  if (signInModule === null) {
    signInModule = import('./sign-in')
    // A failed download is tried again on the next tap.
    signInModule.catch(() => {
      signInModule = null
    })
  }
  return signInModule
}

const NEW_USER = 'new-user'

interface RowProps {
  title: string
  description: string
  note?: string
  tag?: string
  onPress: () => void
}

/** One identity: a button with the name, what it is, and 登录中… while signing in. */
function IdentityRow({ title, description, note, tag, onPress }: RowProps) {
  return (
    <View className="entry__row" {...buttonA11y('', onPress)} onClick={onPress}>
      <View className="entry__row-text">
        <View className="entry__row-title">
          <Text>{title}</Text>
          {tag ? <Text className="entry__tag">{tag}</Text> : null}
        </View>
        {description ? <Text className="entry__row-description">{description}</Text> : null}
      </View>
      {note ? <Text className="entry__row-note">{note}</Text> : null}
      <View className="entry__row-arrow" aria-hidden="true" />
    </View>
  )
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className="entry__group" role="group" aria-label={title}>
      <Text className="entry__group-title">{title}</Text>
      <View className="entry__group-rows">{children}</View>
    </View>
  )
}

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
  const [failure, setFailure] = useState<string | null>(null)
  const failureTimer = useRef<ReturnType<typeof setTimeout>>()
  const signedInAs = localOpenid()

  const listShown = list.status === 'ready'
  useEffect(() => {
    if (listShown) void loadSignIn().catch(() => undefined)
  }, [listShown])
  useEffect(() => () => clearTimeout(failureTimer.current), [])

  const showFailure = useCallback((message: string) => {
    setFailure(message)
    clearTimeout(failureTimer.current)
    failureTimer.current = setTimeout(() => setFailure(null), 4000)
  }, [])

  /** `row` names the row that says 登录中… (the new user's openid is made at the tap). */
  const enterAs = useCallback(
    async (openid: string, row: string = openid) => {
      if (busy) return
      setBusy(row)
      setFailure(null)
      const answer = await loadSignIn().then(
        (module) => module.signInAndEnter(openid),
        () => ({ ok: false as const, message: '网络不稳定，请稍后重试' }),
      )
      setBusy(null)
      if (!answer.ok) showFailure(answer.message)
    },
    [busy, showFailure],
  )

  const row = (identity: LocalIdentity) => (
    <IdentityRow
      key={identity.openid}
      title={identity.name || identity.openid}
      description={identity.label}
      note={busy === identity.openid ? '登录中…' : undefined}
      onPress={() => void enterAs(identity.openid)}
    />
  )

  return (
    <View className="entry">
      <View className="entry__hero">
        <View className="entry__title" role="heading" aria-level={1}>
          职工医疗互助
        </View>
        <Text className="entry__subtitle">本地体验环境 · 请选择一个身份登录</Text>
      </View>

      {signedInAs ? (
        <Group title="当前登录">
          <IdentityRow
            title="继续使用当前身份"
            description={signedInAs}
            note={busy === signedInAs ? '登录中…' : undefined}
            onPress={() => void enterAs(signedInAs)}
          />
        </Group>
      ) : null}

      {list.status === 'loading' ? (
        <View className="entry__state" role="status">
          <View className="entry__spinner" aria-hidden="true" />
          <Text>正在读取演示身份…</Text>
        </View>
      ) : null}
      {list.status === 'error' ? (
        <View className="entry__state entry__state--error" role="alert">
          <Text>{list.message}</Text>
          <View className="entry__retry" {...buttonA11y('', list.reload)} onClick={list.reload}>
            <Text>重试</Text>
          </View>
        </View>
      ) : null}
      {list.status === 'ready' && list.data.length === 0 ? (
        <View className="entry__state" role="status">
          <Text>还没有演示身份：请先运行 npm start 或导入演示数据</Text>
        </View>
      ) : null}

      {list.status === 'ready'
        ? ROLE_ORDER.map((role) => {
            const group = list.data.filter((identity) => identity.role === role)
            return group.length === 0 ? null : (
              <Group key={role} title={ROLE_LABEL[role]}>
                {group.map(row)}
              </Group>
            )
          })
        : null}

      {list.status === 'ready' ? (
        <Group title="其他">
          <IdentityRow
            title="新微信用户（未绑定）"
            description="模拟第一次打开小程序的微信用户，需先绑定职工或单位"
            tag="新用户"
            note={busy === NEW_USER ? '登录中…' : undefined}
            onPress={() => void enterAs(freshOpenid(), NEW_USER)}
          />
        </Group>
      ) : null}

      <View className="entry__footnote">
        <Text>此页面仅用于本地演示环境；正式小程序使用微信身份自动登录。</Text>
      </View>

      {failure ? (
        <View className="entry__alert" role="alert">
          <Text>{failure}</Text>
        </View>
      ) : null}
    </View>
  )
}
