import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { formatYuan } from '@mutual-aid/shared-rules'
import type { ClaimDetail, ProposalView } from '@mutual-aid/contracts'
import { Button, Textarea, confirm, toast } from '@/components/ui'
import { formatDateTimeCn } from '@/components/format'
import { claimsApi } from './api'

const REASON_TEXT: Record<ProposalView['reasons'][number], (p: ProposalView) => string> = {
  above_computed: (p) => `高于规则核定金额 ${formatYuan(p.computedFen)}`,
  above_threshold: (p) => `超过须两人审批的金额 ${formatYuan(p.thresholdFen)}`,
}

export interface SecondApprovalPanelProps {
  claim: Pick<ClaimDetail, 'id' | 'version' | 'proposal'>
  /** Called after confirming or sending back, to reload the claim. */
  onDone: () => Promise<void> | void
}

/**
 * Four eyes on the claim page: an approval one office user proposed waits here "待第二位审批人确认". Another office
 * user confirms it (the approval then takes effect) or sends it back with a reason; its proposer can only withdraw it.
 * Shown to reviewers only (the function sends the proposal to nobody else).
 */
export function SecondApprovalPanel({ claim, onDone }: SecondApprovalPanelProps) {
  const [returning, setReturning] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const p = claim.proposal
  if (!p) return null

  async function run(label: string, call: () => Promise<{ ok: boolean; message?: string }>): Promise<void> {
    setBusy(true)
    const r = await call()
    setBusy(false)
    if (!r.ok) {
      toast(r.message ?? `${label}失败，请重试`, 'error')
      return
    }
    toast(`${label}成功`, 'success')
    setReturning(false)
    setReason('')
    await onDone()
  }

  async function confirmIt(): Promise<void> {
    if (!p) return
    const ok = await confirm({ title: '确认核准？', content: `确认后按 ${formatYuan(p.amountFen)} 核准，生成支付记录并终止相应保障，不能撤销。`, confirmText: '确认核准' })
    if (ok) await run('确认核准', () => claimsApi.confirmApproval(claim.id, claim.version))
  }

  async function sendBack(): Promise<void> {
    const label = p?.byMe ? '撤回提议' : '退回提议'
    const ok = await confirm({ title: `${label}？`, content: '该申请将回到待审批状态，由互助办重新审批。', confirmText: label, danger: true })
    if (ok) await run(label, () => claimsApi.returnProposal(claim.id, claim.version, reason.trim()))
  }

  return (
    <View className="claims-section claims-second-approval">
      <Text className="claims-section__title">待第二位审批人确认</Text>
      <Text className="claims-amount">{formatYuan(p.amountFen)}</Text>
      <Text className="claims-section__hint">
        {p.byName || '互助办'} 于 {formatDateTimeCn(p.at)} 提议核准，因{p.reasons.map((r) => REASON_TEXT[r](p)).join('、')}，须由另一位互助办工作人员确认后才生效。
      </Text>
      {p.note ? <Text className="claims-section__hint">提议说明：{p.note}</Text> : null}
      {p.byMe ? <Text className="claims-section__hint">这是您提出的提议，请由另一位同事确认；如需更改，可撤回后重新审批。</Text> : null}
      {returning ? (
        <>
          <Textarea label={p.byMe ? '撤回理由' : '退回理由'} value={reason} onChange={setReason} placeholder="例如：提高金额的依据不足" maxLength={300} />
          <View className="claims-inline-actions">
            <Button variant="outline" onClick={() => setReturning(false)}>取消</Button>
            <Button theme="danger" loading={busy} disabled={reason.trim().length < 4} onClick={() => void sendBack()}>
              {p.byMe ? '确认撤回' : '确认退回'}
            </Button>
          </View>
        </>
      ) : (
        <View className="claims-inline-actions">
          {p.canReturn ? (
            <Button theme="danger" variant="outline" onClick={() => setReturning(true)}>
              {p.byMe ? '撤回提议' : '退回提议'}
            </Button>
          ) : null}
          {p.canConfirm ? (
            <Button theme="primary" loading={busy} onClick={() => void confirmIt()}>
              确认核准
            </Button>
          ) : null}
        </View>
      )}
    </View>
  )
}
