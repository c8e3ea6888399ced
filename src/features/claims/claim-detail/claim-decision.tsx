import { Text, View } from '@tarojs/components'
import { formatYuan, readableBasis } from '@mutual-aid/shared-rules'
import { BENEFIT_LABEL, rejectLabel, type ClaimDetail } from '@mutual-aid/contracts'
import { formatDateTimeCn } from '@/components/format'

/** The decision once made: the amount with each line's article, or the refusal with its reasons; and the payment. */
export function ClaimDecision({ claim: c }: { claim: ClaimDetail }) {
  if (!c.decision) return null
  const d = c.decision
  return (
    <View className="claims-section claims-decision">
      <Text className="claims-section__title">审批结论</Text>
      {d.outcome === 'approve' ? (
        <>
          <Text className="claims-amount">{formatYuan(d.amountFen)}</Text>
          {c.assessmentAtDecision?.lines.map((l) => (
            <View key={`${l.benefit}-${l.basis}`} className="claims-row">
              <Text className="claims-row__label">{BENEFIT_LABEL[l.benefit] ?? l.benefit}（{readableBasis(l.basis)}）</Text>
              <Text className="claims-row__value">{formatYuan(l.amountFen)}</Text>
            </View>
          ))}
          {d.overridden ? (
            <Text className="claims-section__hint">
              互助办调整了金额（规则计算 {formatYuan(d.computedFen)}）：{d.note}
            </Text>
          ) : null}
          {d.proposedBy ? (
            <Text className="claims-section__hint">
              两人审批：{d.proposedBy} 提议，{[...c.history].reverse().find((h) => h.event === 'approve')?.name || '另一位审批人'} 确认。
            </Text>
          ) : null}
        </>
      ) : (
        <>
          <Text className="claims-section__hint">不予给付：{rejectLabel(d.reasonCode ?? '')}</Text>
          <Text className="claims-section__hint">说明：{d.note}</Text>
          {c.assessmentAtDecision?.reasons.map((r) => (
            <Text key={r.code} className="claims-section__hint">
              • {r.message}（{readableBasis(r.basis)}）
            </Text>
          ))}
        </>
      )}
      {c.paid ? (
        <View className="claims-row">
          <Text className="claims-row__label">支付</Text>
          <Text className="claims-row__value">已支付 · {c.paid.paidOn} · 凭证 {c.paid.reference}</Text>
        </View>
      ) : null}
      {!c.paid && c.paymentBatch ? (
        <View className="claims-row">
          <Text className="claims-row__label">支付</Text>
          <Text className="claims-row__value">银行批量转账办理中 · 批次 {c.paymentBatch.batchNo}</Text>
        </View>
      ) : null}
      {!c.paid && c.payFailure ? (
        <Text className="claims-error claims-error--flush" data-pay-failure="">
          {c.payFailure.on} 银行转账未成功（批次 {c.payFailure.batchNo}）：{c.payFailure.reason}。互助办将核对收款信息后重新支付。
        </Text>
      ) : null}
      <Text className="claims-section__hint">审批时间：{formatDateTimeCn(d.at)}</Text>
    </View>
  )
}
