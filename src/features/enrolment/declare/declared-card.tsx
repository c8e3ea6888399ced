import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ENROLMENT_STATUS_LABEL } from '@mutual-aid/contracts'
import { Button } from '@/components/ui'
import { formatDateCn, formatYuan } from '@/components/format'
import type { Enrolment } from './declare-rules'

/** The period's annual declaration once made: its status, people, amount, and a way to open it. */
export function DeclaredCard({ annual }: { annual: Enrolment }) {
  return (
    <View className="enrol-card declared">
      <Text className="enrol-card__title">本年度已申报</Text>
      <Text className="enrol-card__line">
        状态：{ENROLMENT_STATUS_LABEL[annual.status]} · {annual.participantCount} 人 · {formatYuan(annual.totalFen)}
      </Text>
      {annual.coverageStart ? <Text className="enrol-card__line">保障自 {formatDateCn(annual.coverageStart)} 起</Text> : null}
      {annual.status === 'submitted' || annual.status === 'approved' ? (
        <Text className="enrol-card__line">收款账户、金额和转账附言见“查看申报”。</Text>
      ) : null}
      <View className="enrol-actions">
        <Button theme="primary" onClick={() => void Taro.redirectTo({ url: `/packages/enrol/declaration/index?id=${annual._id}` })}>
          查看申报
        </Button>
      </View>
    </View>
  )
}
