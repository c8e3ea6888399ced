import { Text, View } from '@tarojs/components'
import { formatYuan } from '@mutual-aid/shared-rules'
import { INSURANCE_LABEL, RELATIONSHIP_LABEL, type ClaimDetail } from '@mutual-aid/contracts'
import { diseaseName } from './claim-view'
import { ClaimRow } from './claim-row'

/** What the filer stated: disease, dates, hospital, amounts, and the payee's account (its last four digits). */
export function ClaimFacts({ claim: c }: { claim: ClaimDetail }) {
  const f = c.facts
  const disease = diseaseName(c)
  return (
    <View className="claims-section">
      <Text className="claims-section__title">申请信息</Text>
      {disease ? <ClaimRow label="疾病">{disease}</ClaimRow> : null}
      {f.eventDate ? <ClaimRow label={c.kind === 'death' ? '身故日期' : '确诊日期'}>{f.eventDate}</ClaimRow> : null}
      <ClaimRow label="医院">
        {f.hospital}
        {f.designatedHospital ? '（指定医院）' : '（非指定医院）'}
      </ClaimRow>
      {f.admission ? (
        <ClaimRow label="住院">
          {f.admission} 至 {f.discharge ?? '—'}
        </ClaimRow>
      ) : null}
      {f.selfPayFen !== undefined ? (
        <ClaimRow label="自负 / 自理">
          {formatYuan(f.selfPayFen)} / {formatYuan(f.selfFundedFen ?? 0)}
          {f.medicalInsurance ? ` · ${INSURANCE_LABEL[f.medicalInsurance]}` : ''}
        </ClaimRow>
      ) : null}
      {f.payee?.account ? (
        <ClaimRow label="收款">
          {f.payee.name} · {f.payee.bank} · <Text className="claims-keep">尾号 {f.payee.account.slice(-4)}</Text>
        </ClaimRow>
      ) : null}
      {f.applicant?.relationship || f.applicant?.phone ? (
        <ClaimRow label="申请人">
          {c.filedBy.name}
          {f.applicant.relationship ? `（${RELATIONSHIP_LABEL[f.applicant.relationship]}）` : ''}
          {f.applicant.phone ? <Text className="claims-keep"> · 电话 {f.applicant.phone}</Text> : null}
        </ClaimRow>
      ) : null}
    </View>
  )
}
