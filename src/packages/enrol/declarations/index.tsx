import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageState } from '@/components/page-state'
import { Button, Tabs, Tag } from '@/components/ui'
import { formatDateCn, formatYuan } from '@/components/format'
import { LoadMore } from '@/components/load-more'
import { usePagedLoad } from '@/services/use-load'
import { enrolmentPages } from '@/features/enrolment/api'
import { useSession } from '@/features/session'
import '@/features/enrolment/enrol.scss'
import { ENROLMENT_KIND_LABEL, ENROLMENT_STATUS_LABEL } from '@mutual-aid/contracts'
import { withPageFrame } from '@/features/large-font'

type Status = 'all' | 'submitted' | 'returned' | 'approved' | 'paid'
const THEME = { draft: 'default', submitted: 'warning', returned: 'danger', approved: 'primary', paid: 'success' } as const

const TABS: { value: Status; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'submitted', label: '待审核' },
  { value: 'returned', label: '已退回' },
  { value: 'approved', label: '待缴费' },
  { value: 'paid', label: '已缴费' },
]

/** The empty list names the tab: the office opens on 待缴费, and a bare 暂无申报记录 read as if nothing was declared. */
const emptyText = (status: Status) => (status === 'all' ? '暂无申报记录' : `没有${TABS.find((t) => t.value === status)?.label}的申报，可切换上方标签查看其他申报`)

/** Declarations: the clerk's own, the agent's units' (to review), all for the office (to record payments). */
function DeclarationsPage() {
  const session = useSession()
  const role = session.status === 'ready' ? session.whoami.role : null
  const defaultTab: Status = role === 'agent' ? 'submitted' : role === 'office' ? 'approved' : 'all'
  const [tab, setTab] = useState<Status | null>(null)
  const status = tab ?? defaultTab
  const state = usePagedLoad(enrolmentPages.declarations(status === 'all' ? undefined : status), [status])

  return (
    <View className="enrol-page declarations-page">
      <Tabs
        value={status}
        items={TABS}
        onChange={(v) => setTab(v)}
      />
      {role === 'clerk' ? (
        <View className="enrol-actions">
          <Button theme="primary" onClick={() => void Taro.navigateTo({ url: '/packages/enrol/declare/index' })}>
            去申报
          </Button>
        </View>
      ) : null}
      {state.status === 'loading' ? <PageState status="loading" /> : null}
      {state.status === 'error' ? <PageState status="error" message={state.message} onRetry={state.reload} /> : null}
      {state.status === 'ready' && state.data.items.length === 0 ? <PageState status="empty" description={emptyText(status)} /> : null}
      {state.status === 'ready'
        ? state.data.items.map((e) => (
            <View key={e._id} className="enrol-card declaration-item" onClick={() => void Taro.navigateTo({ url: `/packages/enrol/declaration/index?id=${e._id}` })}>
              <View>
                <Text className="enrol-card__title">{e.unitName}</Text>
                <Tag theme={THEME[e.status]}>{ENROLMENT_STATUS_LABEL[e.status]}</Tag> <Tag>{ENROLMENT_KIND_LABEL[e.kind]}</Tag>
              </View>
              <Text className="enrol-card__line">
                {e.year} 年度 · {e.participantCount} 人 · 应缴 {formatYuan(e.totalFen)}
              </Text>
              {e.coverageStart ? <Text className="enrol-card__line">保障自 {formatDateCn(e.coverageStart)} 起</Text> : null}
              {e.status === 'returned' && e.returnReason ? <Text className="enrol-card__line">退回原因：{e.returnReason}</Text> : null}
            </View>
          ))
        : null}
      {state.status === 'ready' && state.data.items.length > 0 ? (
        <LoadMore total={state.data.total} shown={state.data.items.length} hasMore={state.data.nextCursor !== null} loading={state.loadingMore} error={state.moreError} onMore={state.loadMore} unit="份" />
      ) : null}
    </View>
  )
}

export default withPageFrame(DeclarationsPage)
