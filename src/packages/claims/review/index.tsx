import { useCallback, useEffect, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageState } from '@/components/page-state'
import { FAMILY_SHORT_LABEL, STATUS_LABEL, type ClaimListItem } from '@mutual-aid/contracts'
import { CLAIM_STATUSES, type ClaimStatus, type Family } from '@mutual-aid/shared-rules'
import { claimsApi } from '@/features/claims'
import { ClaimCard } from '@/features/claims/claim-card'
import { useSession } from '@/features/session'
import '@/features/claims/claims.scss'

interface Queue {
  counts: Record<ClaimStatus, number>
  total: number
  items: ClaimListItem[]
  agents: { id: string; name: string }[]
}

/** What each reviewer works on by default: the status waiting for their level. */
const DEFAULT_STATUS: Record<string, ClaimStatus> = { clerk: 'submitted', agent: 'clerk_confirmed', office: 'agent_confirmed' }

/** The review queue in the caller's scope: counts per status, filters, overdue and nearly due first. */
export default function ReviewQueuePage() {
  const session = useSession()
  const role = session.status === 'ready' ? session.whoami.role : null
  const [status, setStatus] = useState<ClaimStatus | ''>('')
  const [family, setFamily] = useState<Family | ''>('')
  const [agentId, setAgentId] = useState('')
  const [queue, setQueue] = useState<Queue | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [touched, setTouched] = useState(false)

  const effectiveStatus = touched ? status : (role ? DEFAULT_STATUS[role] ?? '' : '')

  const load = useCallback(async (s: ClaimStatus | '', f: Family | '', a: string) => {
    setError(null)
    const r = await claimsApi.queue({ status: s || undefined, family: f || undefined, agentId: a || undefined })
    if (!r.ok) return setError(r.message)
    setQueue(r.data)
  }, [])

  useEffect(() => {
    if (role) void load(effectiveStatus, family, agentId)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [role])
  // Coming back from a claim's page: refresh (it may have moved on).
  useDidShow(() => {
    if (role && queue) void load(effectiveStatus, family, agentId)
  })

  if (session.status === 'loading') return <PageState status="loading" />
  if (session.status === 'error') return <PageState status="error" message={session.error.message} onRetry={session.reload} />
  if (error) return <PageState status="error" message={error} onRetry={() => void load(effectiveStatus, family, agentId)} />

  const pick = (s: ClaimStatus | '', f: Family | '' = family, a: string = agentId) => {
    setTouched(true)
    setStatus(s)
    setFamily(f)
    setAgentId(a)
    setQueue(null)
    void load(s, f, a)
  }

  return (
    <View className="claims-page claims-review">
      <View className="claims-filters">
        <Text className={`claims-chip ${effectiveStatus === '' ? 'claims-chip--active' : ''}`} onClick={() => pick('')}>
          全部 {queue?.total ?? ''}
        </Text>
        {CLAIM_STATUSES.map((s) => (
          <Text key={s} className={`claims-chip ${effectiveStatus === s ? 'claims-chip--active' : ''}`} onClick={() => pick(s)}>
            {STATUS_LABEL[s]} {queue ? queue.counts[s] : ''}
          </Text>
        ))}
      </View>
      <View className="claims-filters">
        {(['', 'WH', 'TZ'] as const).map((f) => (
          <Text key={f || 'all'} className={`claims-chip ${family === f ? 'claims-chip--active' : ''}`} onClick={() => pick(effectiveStatus, f)}>
            {f === '' ? '全部方案' : FAMILY_SHORT_LABEL[f]}
          </Text>
        ))}
        {role === 'office' && queue && queue.agents.length > 1
          ? [{ id: '', name: '全部代理单位' }, ...queue.agents].map((a) => (
              <Text key={a.id || 'all-agents'} className={`claims-chip ${agentId === a.id ? 'claims-chip--active' : ''}`} onClick={() => pick(effectiveStatus, family, a.id)}>
                {a.name}
              </Text>
            ))
          : null}
      </View>
      {queue === null ? (
        <PageState status="loading" />
      ) : queue.items.length === 0 ? (
        <PageState status="empty" description={effectiveStatus ? `没有「${STATUS_LABEL[effectiveStatus]}」的申请` : '暂无申请'} />
      ) : (
        queue.items.map((item) => <ClaimCard key={item.id} item={item} showUnit />)
      )}
    </View>
  )
}
