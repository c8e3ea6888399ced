import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BATCH_STATUS_LABEL, FAMILY_SHORT_LABEL, type PayableClaim } from '@mutual-aid/contracts'
import type { Family } from '@mutual-aid/shared-rules'
import { PageState } from '@/components/page-state'
import { LoadMore } from '@/components/load-more'
import { Button, Checkbox, Picker, Tag, confirm, toast } from '@/components/ui'
import { formatYuan, formatDateTimeCn } from '@/components/format'
import { usePagedLoad } from '@/services/use-load'
import { goOn } from '@/services/go-on'
import { RoleGate } from '@/features/session'
import { fundApi } from '@/features/fund'
import { randomId } from '@/features/claims'
import '@/features/claims/claims-layout.scss'
import '@/features/fund/fund.scss'
import { withPageFrame } from '@/features/large-font'

const FAMILIES = [{ value: '', label: '全部方案' }, ...(['WH', 'TZ'] as const).map((f) => ({ value: f, label: FAMILY_SHORT_LABEL[f] }))]

/** 银行批量支付: choose approved claims, make a batch for the bank, and see the batches made. Office only. */
function BatchesPage() {
  return <RoleGate roles={['office']}>{() => <BatchesScreen />}</RoleGate>
}

function BatchesScreen() {
  const [family, setFamily] = useState<Family | ''>('')
  const [agentId, setAgentId] = useState('')
  const [chosen, setChosen] = useState<Map<string, PayableClaim>>(new Map())
  const [creating, setCreating] = useState(false)
  // One request id per selection: a retry after a cut-off continues the same batch instead of making another.
  const requestId = useRef<string | null>(null)
  const payable = usePagedLoad((cursor) => fundApi.payable({ family: family || undefined, agentId: agentId || undefined }, cursor), [family, agentId])
  const batches = usePagedLoad((cursor) => fundApi.batches(cursor), [])

  const toggle = (c: PayableClaim, on: boolean) => {
    requestId.current = null
    setChosen((m) => {
      const next = new Map(m)
      if (on) next.set(c.claimId, c)
      else next.delete(c.claimId)
      return next
    })
  }
  const totalFen = [...chosen.values()].reduce((n, c) => n + c.amountFen, 0)

  const create = async () => {
    const ok = await confirm({
      title: '生成支付批次？',
      content: `共 ${chosen.size} 笔，合计 ${formatYuan(totalFen)}。生成后这些申请只能通过该批次支付，直到导入银行回单。`,
    })
    if (!ok) return
    requestId.current ??= `r${randomId(20)}`
    setCreating(true)
    const answer = await fundApi.createBatch(requestId.current, [...chosen.keys()])
    if (!answer.ok) {
      setCreating(false)
      return toast(answer.message, 'error')
    }
    requestId.current = null
    setChosen(new Map())
    if (answer.data.skipped.length) toast(`${answer.data.skipped.length} 笔未能纳入，详见批次页`, 'warning')
    goOn({ navigateTo: `/packages/fund/batch/index?id=${answer.data.id}` }, () => setCreating(false))
  }

  const agents = payable.status === 'ready' ? [{ value: '', label: '全部代理单位' }, ...payable.data.agents.map((a) => ({ value: a.id, label: a.name }))] : []

  return (
    <View className="claims-page fund-page fund-batches">
      <View className="claims-notice">选择已核准、尚未支付的申请生成银行批量转账文件（收款账号、户名、开户行、金额、附言），交银行办理后导入银行回单登记结果。</View>
      <View className="fund-filters">
        <Picker label="方案" value={family} options={FAMILIES} onChange={(v) => setFamily(v as Family | '')} />
        {agents.length ? <Picker label="代理单位" value={agentId} options={agents} onChange={setAgentId} /> : null}
      </View>
      <View className="claims-section" data-section="payable">
        <Text className="claims-section__title">待支付申请</Text>
        {payable.status === 'loading' ? <PageState status="loading" /> : null}
        {payable.status === 'error' ? <PageState status="error" message={payable.message} onRetry={payable.reload} /> : null}
        {payable.status === 'ready' && payable.data.items.length === 0 ? <Text className="claims-section__hint">没有待支付的已核准申请。</Text> : null}
        {payable.status === 'ready'
          ? payable.data.items.map((c) => (
              <View key={c.claimId} className="fund-line" data-claim={c.claimNo}>
                <Checkbox
                  checked={chosen.has(c.claimId)}
                  onChange={(on) => toggle(c, on)}
                  label={`${c.personName} · ${formatYuan(c.amountFen)}`}
                  description={`${c.claimNo} · ${c.unitName} · 收款 ${c.payeeName} ${c.bank} ${c.accountMasked}`}
                />
                {c.lastFailure ? <Text className="fund-line__fail">{c.lastFailure}。请核对收款信息后再支付。</Text> : null}
              </View>
            ))
          : null}
        {payable.status === 'ready' ? (
          <LoadMore total={payable.data.total} shown={payable.data.items.length} hasMore={Boolean(payable.data.nextCursor)} loading={payable.loadingMore} error={payable.moreError} onMore={payable.loadMore} unit="笔" />
        ) : null}
      </View>
      <View className="claims-section" data-section="batches">
        <Text className="claims-section__title">支付批次</Text>
        {batches.status === 'loading' ? <PageState status="loading" /> : null}
        {batches.status === 'error' ? <PageState status="error" message={batches.message} onRetry={batches.reload} /> : null}
        {batches.status === 'ready' && batches.data.items.length === 0 ? <Text className="claims-section__hint">还没有支付批次。</Text> : null}
        {batches.status === 'ready'
          ? batches.data.items.map((b) => (
              <View key={b.id} className="fund-line" onClick={() => void Taro.navigateTo({ url: `/packages/fund/batch/index?id=${b.id}` })}>
                <View className="fund-line__head">
                  <Text className="fund-line__name">{b.batchNo}</Text>
                  <Tag theme={b.status === 'done' ? 'success' : b.status === 'open' ? 'warning' : 'primary'} variant="light">
                    {BATCH_STATUS_LABEL[b.status]}
                  </Tag>
                </View>
                <Text className="fund-line__meta">
                  {b.lines} 笔 · {formatYuan(b.totalFen)} · {formatDateTimeCn(b.createdAt)} {b.createdByName}
                  {b.status === 'done' ? ` · 成功 ${b.paid} 笔，失败 ${b.failed} 笔` : ''}
                </Text>
              </View>
            ))
          : null}
        {batches.status === 'ready' ? (
          <LoadMore total={batches.data.total} shown={batches.data.items.length} hasMore={Boolean(batches.data.nextCursor)} loading={batches.loadingMore} error={batches.moreError} onMore={batches.loadMore} unit="个" />
        ) : null}
      </View>
      {chosen.size > 0 ? (
        <View className="fund-footer">
          <Text className="fund-footer__summary">
            已选 {chosen.size} 笔，合计 {formatYuan(totalFen)}
          </Text>
          <Button theme="primary" block loading={creating} disabled={creating} onClick={() => void create()}>
            生成支付批次
          </Button>
        </View>
      ) : null}
    </View>
  )
}

export default withPageFrame(BatchesPage)
