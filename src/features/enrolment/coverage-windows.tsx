import { Text, View } from '@tarojs/components'
import { formatYuan } from '@/components/format'
import { BENEFIT_LABEL, type CoverageWindowView } from '@mutual-aid/contracts'

/** The benefit windows of a coverage period: dates, benefit and amount per share (e.g. the observation windows). */
export function CoverageWindows({ windows, className }: { windows: CoverageWindowView[]; className?: string }) {
  return (
    <View className={className}>
      {windows.map((w) => (
        <View key={`${w.from}-${w.benefit}`} className="enrol-window">
          <Text className="enrol-window__dates">
            {w.from} 至 {w.to}
          </Text>
          <Text>
            {BENEFIT_LABEL[w.benefit] ?? w.benefit}
            {/* The inpatient allowance window carries its rate per day. */}
            {w.amountFen ? ` ${w.benefit === 'inpatient_allowance' ? '每天 ' : ''}${formatYuan(w.amountFen)}` : ''}
          </Text>
        </View>
      ))}
    </View>
  )
}
