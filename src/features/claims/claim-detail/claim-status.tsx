import { Text, View } from '@tarojs/components'
import { FILED_AS_LABEL, KIND_LABEL, PRODUCT_LABEL, STATUS_LABEL, type ClaimDetail } from '@mutual-aid/contracts'
import { Steps, Tag } from '@/components/ui'
import { ROLE_TEXT } from '../format'
import { STATUS_THEME } from '../labels'
import { claimProgress, nextStepText, noticeTone } from './claim-view'

/** The claim's number and status, who filed it, its place on the five steps, and what happens now. */
export function ClaimStatus({ claim: c }: { claim: ClaimDetail }) {
  const steps = claimProgress(c)
  const tone = noticeTone(c.status)
  return (
    <>
      <View className="claims-section">
        <View className="claims-list-item__top">
          <Text className="claims-list-item__no">{c.claimNo}</Text>
          <Tag theme={STATUS_THEME[c.status]}>{STATUS_LABEL[c.status]}</Tag>
        </View>
        <Text className="claims-section__hint">
          {PRODUCT_LABEL[c.product]} · {KIND_LABEL[c.kind]} · {c.personName} · {c.unitName}
        </Text>
        <Text className="claims-section__hint">
          {c.source === 'settlement'
            ? `根据医保结算数据生成于 ${c.submittedOn}`
            : `${FILED_AS_LABEL[c.filedBy.as]}${c.filedBy.name ? `（${c.filedBy.name}）` : ''} · 提交于 ${c.submittedOn}`}
        </Text>
        <View className="claims-gap-top">
          <Steps
            current={steps.current}
            currentStatus={steps.status}
            items={[{ title: '提交' }, { title: '单位' }, { title: '代理' }, { title: '互助办' }, { title: '支付' }]}
          />
        </View>
      </View>

      <View className={`claims-notice ${tone ? `claims-notice--${tone}` : ''}`}>
        <Text className="claims-notice__title">现在怎么办</Text>
        <Text>{nextStepText(c)}</Text>
        {c.returned ? <Text>{`\n退回原因（${ROLE_TEXT[c.returned.by]}）：${c.returned.reason}`}</Text> : null}
      </View>
    </>
  )
}
