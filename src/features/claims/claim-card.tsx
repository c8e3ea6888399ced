import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { FILED_AS_LABEL, KIND_LABEL, PRODUCT_LABEL, STATUS_LABEL, type ClaimListItem } from '@mutual-aid/contracts'
import { formatYuan } from '@mutual-aid/shared-rules'
import { Tag } from '@/components/ui'
import { DUE_TEXT } from './format'
import { STATUS_THEME } from './labels'

/** One claim in a list; tapping opens its detail page (a proposal waiting for the worker: the page to confirm it). */
export function ClaimCard({ item, showUnit }: { item: ClaimListItem; showUnit?: boolean }) {
  const page = item.status === 'proposed' ? 'proposal' : 'detail'
  return (
    <View
      className="claims-list-item"
      data-claim-no={item.claimNo}
      onClick={() => void Taro.navigateTo({ url: `/packages/claims/${page}/index?id=${item.id}` })}
    >
      <View className="claims-list-item__top">
        <Text className="claims-list-item__no">{item.claimNo}</Text>
        {item.source === 'settlement' ? <Tag theme="success">来自医保结算</Tag> : null}
        <Tag theme={STATUS_THEME[item.status]}>{STATUS_LABEL[item.status]}</Tag>
      </View>
      <Text className="claims-list-item__meta">
        {item.personName}
        {showUnit ? ` · ${item.unitName}` : ''} · {PRODUCT_LABEL[item.product]} · {KIND_LABEL[item.kind]}
      </Text>
      <Text className="claims-list-item__meta">
        {/* Nobody filed a proposal from the bureau's data: 本人申请 · 提交于 told the worker they had. */}
        {item.source === 'settlement' ? `根据医保结算数据生成于 ${item.submittedOn}` : `${FILED_AS_LABEL[item.filedAs]} · 提交于 ${item.submittedOn}`}
        {item.amountFen !== null ? ` · 核准 ${formatYuan(item.amountFen)}` : ''}
      </Text>
      {item.dueDate ? (
        <Text className="claims-list-item__meta" style={{ color: item.dueState === 'overdue' ? '#d54941' : item.dueState === 'due_soon' ? '#be5a00' : undefined }}>
          审批期限 {item.dueDate}
          {item.dueState ? ` · ${DUE_TEXT[item.dueState]}` : ''}
        </Text>
      ) : null}
    </View>
  )
}
