import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageState } from '@/components/page-state'
import { buttonA11y } from '@/components/a11y'
import { Icon, Tag } from '@/components/ui'
import {
  ENTRY_PAGE,
  ROLE_LABEL,
  ROLE_MENU,
  affiliation,
  displayName,
  invalidateSession,
  landingPage,
  useSession,
} from '@/features/session'
import { WorkerCoverageCard } from '@/features/enrolment/worker-coverage-card'
import { signOut, supportsLocalSignIn } from '@/services/cloud'
import { LargeFontSwitch, withPageFrame } from '@/features/large-font'
import { badgeText, useHomeBadges } from '@/features/home-badges'
import { ROLE_NOTES } from './role-notes'
import './index.scss'

function switchIdentity(): void {
  signOut()
  invalidateSession()
  void Taro.reLaunch({ url: ENTRY_PAGE })
}

/** The signed-in user's home: who they are, and the entries of their role. */
function HomePage() {
  const session = useSession({ fresh: true })
  const badges = useHomeBadges(session.status === 'ready' ? session.whoami.role : null)

  const unbound = session.status === 'ready' && session.whoami.role === null
  useEffect(() => {
    if (unbound) void Taro.redirectTo({ url: landingPage({ role: null }) })
  }, [unbound])

  if (session.status === 'loading' || unbound) return <PageState status="loading" />
  if (session.status === 'error') {
    if (session.error.code === 'UNAUTHENTICATED' && supportsLocalSignIn) {
      return <PageState status="error" message={session.error.message} onRetry={switchIdentity} retryText="重新登录" />
    }
    return <PageState status="error" message={session.error.message} onRetry={session.reload} />
  }

  const { whoami } = session
  const role = whoami.role
  if (role === null) return null
  const name = displayName(whoami)
  const org = affiliation(whoami)

  return (
    <View className="home" data-role={role}>
      <View className="home__header">
        <View className="home__avatar">
          <Text>{name.slice(-2)}</Text>
        </View>
        <View className="home__who">
          <View className="home__name-row">
            <Text className="home__name">{name}</Text>
            <Tag theme="primary" variant="light" size="small">{ROLE_LABEL[role]}</Tag>
          </View>
          {org ? <Text className="home__org">{org}</Text> : null}
        </View>
        {supportsLocalSignIn ? (
          <View className="home__switch" {...buttonA11y('切换身份', switchIdentity)} onClick={switchIdentity}>
            <Icon name="swap" size={28} color="#ffffff" />
            <Text>切换身份</Text>
          </View>
        ) : null}
      </View>

      <View className="home__menu">
        {ROLE_MENU[role].map((entry) => {
          const count = badges[entry.key] ?? 0
          const open = () => void Taro.navigateTo({ url: entry.url })
          // On weapp named explicitly: WeChat's screen reader would read the badge's number before the title. On H5 the
          // name comes from the entry's own text (badge included, with its hidden 项待处理), so it cannot disagree
          // with what is shown (axe's label-content-name-mismatch).
          const label = process.env.TARO_ENV !== 'weapp' ? '' : count > 0 ? `${entry.title}，${badgeText(count)} 项待处理` : entry.title
          return (
            <View
              key={entry.key}
              {...buttonA11y(label, open)}
              className="home__menu-item"
              hoverClass="home__menu-item--pressed"
              onClick={open}
            >
              <View className="home__menu-icon">
                <Icon name={entry.icon} size={48} color="#0052d9" />
                {count > 0 ? (
                  <Text className="home__badge">
                    {badgeText(count)}
                    <Text className="ma-visually-hidden"> 项待处理：</Text>
                  </Text>
                ) : null}
              </View>
              <Text className="home__menu-title">{entry.title}</Text>
            </View>
          )
        })}
      </View>

      <View className="home__prefs">
        <LargeFontSwitch />
      </View>

      <View className="home__cards">
        {whoami.roles.includes('worker') ? <WorkerCoverageCard /> : null}
        {ROLE_NOTES[role].map((note) => (
          <View key={note.title} className="home__card">
            <Text className="home__card-title">{note.title}</Text>
            <Text className="home__card-body">{note.body}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

export default withPageFrame(HomePage)
