import { Text, View } from '@tarojs/components'
import { formatYuan, isReasonCode, readableBasis, reasonTitle } from '@mutual-aid/shared-rules'
import { BENEFIT_LABEL, type ClaimDetail } from '@mutual-aid/contracts'
import { DUE_TEXT } from '../format'

/** For reviewers: the rules' assessment (amount, lines with articles, reasons), the claim and review deadlines. */
export function ClaimAssessment({ claim: c }: { claim: ClaimDetail }) {
  if (!c.assessmentAtSubmit) return null
  const a = c.assessmentAtDecision ?? c.assessmentAtSubmit
  // The review period the due date counts (WH 第十九条: 30 working days from complete materials).
  const review = c.rules.review
  const changed = c.assessmentAtDecision && c.assessmentAtDecision.amountFen !== c.assessmentAtSubmit.amountFen
  return (
    <View className="claims-section claims-assessment">
      <Text className="claims-section__title">规则核定（供审核参考）</Text>
      <Text className="claims-amount">{a.payable ? formatYuan(a.amountFen) : '不符合给付条件'}</Text>
      {a.lines.map((l) => (
        <View key={`${l.benefit}-${l.basis}`} className="claims-row">
          <Text className="claims-row__label">{BENEFIT_LABEL[l.benefit] ?? l.benefit} · {readableBasis(l.basis)}</Text>
          <Text className="claims-row__value">{formatYuan(l.amountFen)}</Text>
        </View>
      ))}
      {a.reasons.map((r) => (
        <Text key={r.code} className="claims-error claims-error--flush">
          {isReasonCode(r.code) ? reasonTitle(r.code) : '其他原因'}（{readableBasis(r.basis)}）：{r.message}
        </Text>
      ))}
      {changed ? (
        <Text className="claims-section__hint">
          提交时核定 {formatYuan(c.assessmentAtSubmit.amountFen)}，审批时重新核定 {formatYuan(c.assessmentAtDecision?.amountFen ?? 0)}。
        </Text>
      ) : null}
      <View className="claims-row">
        <Text className="claims-row__label">申请期限</Text>
        <Text className="claims-row__value">
          {c.claimDeadline.date} 前（{readableBasis(c.claimDeadline.basis)}）· {c.submittedOn <= c.claimDeadline.date ? '按期提交' : '逾期'}
        </Text>
      </View>
      <View className="claims-row">
        <Text className="claims-row__label">审批期限</Text>
        <Text className="claims-row__value">
          {c.dueDate ? `${c.dueDate}（材料齐全日 ${c.materialsCompleteOn} 起${review ? ` ${review.workingDays} 个工作日` : ''}）` : '代理单位确认后开始计算'}
          {c.dueState ? ` · ${DUE_TEXT[c.dueState]}` : ''}
        </Text>
      </View>
    </View>
  )
}
