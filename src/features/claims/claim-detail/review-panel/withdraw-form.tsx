import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { formatYuan } from '@mutual-aid/shared-rules'
import type { ClaimDetail } from '@mutual-aid/contracts'
import { useIntoView } from './use-into-view'
import { Button, Textarea } from '@/components/ui'
import { withdrawConsequences } from '../claim-view'

export interface WithdrawFormProps {
  claim: ClaimDetail
  busy: boolean
  onCancel: () => void
  onSubmit: (reason: string) => void
}

/**
 * 撤回申请: what withdrawing does (and, when the bureau's proposal for the same stay is held because of this claim,
 * that it becomes available), an optional reason for the reviewers, and the button that asks once more.
 */
export function WithdrawForm({ claim, busy, onCancel, onSubmit }: WithdrawFormProps) {
  useIntoView('claim-withdraw-form', true)
  const [reason, setReason] = useState('')
  const held = claim.heldProposal
  return (
    <View className="claims-section" id="claim-withdraw-form" data-testid="withdraw-form">
      <Text className="claims-section__title">撤回申请</Text>
      <Text className="claims-section__hint">{withdrawConsequences(claim)}</Text>
      {held ? (
        <View className="claims-notice" data-testid="withdraw-held-proposal">
          {held.amountFen !== null
            ? `系统已根据医保结算为您生成了同一次住院的补助 ${formatYuan(held.amountFen)}。撤回这份申请后，这笔补助转为待您确认，核对后确认收款账户即可领取，不需要拍照上传材料。`
            : '医保结算数据已为同一次住院生成了补助。撤回这份申请后，这笔补助转给职工本人确认领取。'}
        </View>
      ) : null}
      <Textarea label="撤回原因（选填）" value={reason} onChange={setReason} placeholder="例如：提交错了 / 改为领取医保结算生成的补助" maxLength={200} />
      <View className="claims-inline-actions">
        <Button variant="outline" onClick={onCancel}>取消</Button>
        <Button theme="danger" loading={busy} onClick={() => onSubmit(reason)}>
          确认撤回
        </Button>
      </View>
    </View>
  )
}
