import { Text, View } from '@tarojs/components'
import type { QuoteLine } from '@mutual-aid/shared-rules'
import { formatYuan } from '@/components/format'

/** The live fee lines of a declaration ("女职工特殊病 12 人 × 20.00 元"), for the coverage start they assume. */
export function QuoteCard({ lines, coverageStart }: { lines: readonly QuoteLine[]; coverageStart: string }) {
  if (!lines.length) return null
  return (
    <View className="enrol-card quote-card">
      <Text className="enrol-card__title">费用明细（预计 {coverageStart} 起保）</Text>
      {lines.map((l) => (
        <View key={l.benefit + l.label} className="enrol-quote-line">
          <Text>
            {l.label} {l.persons} 人 × {formatYuan(l.perPersonFen)}
          </Text>
          <Text className="enrol-quote-line__amount">{formatYuan(l.amountFen)}</Text>
        </View>
      ))}
    </View>
  )
}
