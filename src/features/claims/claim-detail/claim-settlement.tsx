import { Text, View } from '@tarojs/components'
import { formatYuan } from '@mutual-aid/shared-rules'
import { INSURANCE_LABEL, type ClaimDetail } from '@mutual-aid/contracts'
import { Tag } from '@/components/ui'
import { ClaimRow } from './claim-row'

/**
 * A claim proposed from the medical-insurance bureau's settlement data (免申即享): the settlement is its evidence
 * instead of photos — the stay, the hospital and the amounts as the bureau settled them, to the fen.
 */
export function ClaimSettlement({ claim: c }: { claim: ClaimDetail }) {
  const st = c.settlement
  if (c.source !== 'settlement' || !st) return null
  return (
    <View className="claims-section claims-settlement" data-testid="claim-settlement">
      <View className="claims-settlement__title">
        <Text className="claims-section__title">医保结算信息</Text>
        <Tag theme="success">来自医保结算</Tag>
      </View>
      <Text className="claims-section__hint">以下数据由医保部门提供，无需上传发票和结算单照片。</Text>
      <ClaimRow label="住院">
        {st.admission} 至 {st.discharge}
      </ClaimRow>
      <ClaimRow label="医院">
        {st.hospitalName}（{st.designated ? '定点医院' : '非定点医院'}）
      </ClaimRow>
      <ClaimRow label="险种">{INSURANCE_LABEL[st.insurance]}</ClaimRow>
      <ClaimRow label="医疗总费用">{formatYuan(st.totalFen)}</ClaimRow>
      <ClaimRow label="统筹基金支付">{formatYuan(st.fundFen)}</ClaimRow>
      <ClaimRow label="个人自负">{formatYuan(st.selfPayFen)}</ClaimRow>
      <ClaimRow label="个人自理">{formatYuan(st.selfFundedFen)}</ClaimRow>
      <ClaimRow label="结算">
        {st.settledOn} · 流水号 {st.serial}
      </ClaimRow>
      {c.linkedClaimNo ? <ClaimRow label="同次住院申请">{c.linkedClaimNo}</ClaimRow> : null}
    </View>
  )
}
