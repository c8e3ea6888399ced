import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { PageState } from '@/components/page-state'
import { LoadMore } from '@/components/load-more'
import { FAMILY_SHORT_LABEL, STATUS_LABEL } from '@mutual-aid/contracts'
import { CLAIM_STATUSES, type ClaimStatus, type Family } from '@mutual-aid/shared-rules'
import { usePagedLoad } from '@/services/use-load'
import { claimsApi } from '@/features/claims'
import { ClaimCard } from '@/features/claims/claim-card'
import { useSession } from '@/features/session'
import '@/features/claims/claims.scss'
import { withPageFrame } from '@/features/large-font'

/** What each reviewer works on by default: the status waiting for their level. */
const DEFAULT_STATUS: Record<string, ClaimStatus> = { clerk: 'submitted', agent: 'clerk_confirmed', office: 'agent_confirmed' }

/** The review queue in the caller's scope: counts per status, filters, overdue and nearly due first. */
function ReviewQueuePage() {
  const session = useSession()
  const role = session.status === 'ready' ? session.whoami.role : null
  const [status, setStatus] = useState<ClaimStatus | ''>('')
  const [family, setFamily] = useState<Family | ''>('')
  const [agentId, setAgentId] = useState('')
  const [touched, setTouched] = useState(false)

  const effectiveStatus = touched ? status : (role ? DEFAULT_STATUS[role] ?? '' : '')
  // Coming back from a claim's page loads it again (the claim may have moved on).
  const queue = usePagedLoad(
    (cursor) => claimsApi.queue({ status: effectiveStatus || undefined, family: family || undefined, agentId: agentId || undefined }, cursor),
    [effectiveStatus, family, agentId],
    { enabled: role !== null },
  )

  if (session.status === 'loading') return <PageState status="loading" />
  if (session.status === 'error') return <PageState status="error" message={session.error.message} onRetry={session.reload} />
  if (queue.status === 'error') return <PageState status="error" message={queue.message} onRetry={queue.reload} />

  const pick = (s: ClaimStatus | '', f: Family | '' = family, a: string = agentId) => {
    setTouched(true)
    setStatus(s)
    setFamily(f)
    setAgentId(a)
  }
  const data = queue.status === 'ready' ? queue.data : null

  return (
    <View className="claims-page claims-review">
      <View className="claims-filters">
        <Text className={`claims-chip ${effectiveStatus === '' ? 'claims-chip--active' : ''}`} onClick={() => pick('')}>
          全部 {data?.all ?? ''}
        </Text>
        {CLAIM_STATUSES.map((s) => (
          <Text key={s} className={`claims-chip ${effectiveStatus === s ? 'claims-chip--active' : ''}`} onClick={() => pick(s)}>
            {STATUS_LABEL[s]} {data ? data.counts[s] : ''}
          </Text>
        ))}
      </View>
      <View className="claims-filters">
        {/* Only the office sees both schemes' claims; a clerk's or an agent's scope is one scheme, so no filter. */}
        {(role === 'office' ? (['', 'WH', 'TZ'] as const) : []).map((f) => (
          <Text key={f || 'all'} className={`claims-chip ${family === f ? 'claims-chip--active' : ''}`} onClick={() => pick(effectiveStatus, f)}>
            {f === '' ? '全部方案' : FAMILY_SHORT_LABEL[f]}
          </Text>
        ))}
        {role === 'office' && data && data.agents.length > 1
          ? [{ id: '', name: '全部代理单位' }, ...data.agents].map((a) => (
              <Text key={a.id || 'all-agents'} className={`claims-chip ${agentId === a.id ? 'claims-chip--active' : ''}`} onClick={() => pick(effectiveStatus, family, a.id)}>
                {a.name}
              </Text>
            ))
          : null}
      </View>
      {data === null ? (
        <PageState status="loading" />
      ) : data.items.length === 0 ? (
        <PageState status="empty" description={effectiveStatus ? `没有「${STATUS_LABEL[effectiveStatus]}」的申请` : '暂无申请'} />
      ) : (
        <>
          {data.items.map((item) => (
            <ClaimCard key={item.id} item={item} showUnit />
          ))}
          <LoadMore total={data.total} shown={data.items.length} hasMore={data.nextCursor !== null} loading={queue.loadingMore} error={queue.moreError} onMore={queue.loadMore} unit="件" />
        </>
      )}
    </View>
  )
}

export default withPageFrame(ReviewQueuePage)
