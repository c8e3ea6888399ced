import { Text, View } from '@tarojs/components'
import type { PreparedDeclaration } from '@mutual-aid/contracts'

/** The period chips (this year and next) and the unit's card with the scheme and its enrolment window. */
export function DeclareHeader({ prepared, onYear }: { prepared: PreparedDeclaration; onYear: (year: number) => void }) {
  const currentYear = Number(prepared.today.slice(0, 4))
  return (
    <>
      <View className="enrol-chip-row">
        {[currentYear, currentYear + 1].map((y) => (
          <View key={y} className={`enrol-chip ${y === prepared.year ? 'enrol-chip--on' : ''}`} onClick={() => y !== prepared.year && onYear(y)}>
            {y} 年度
          </View>
        ))}
      </View>
      <View className="enrol-card">
        <Text className="enrol-card__title">{prepared.unit.name}</Text>
        <Text className="enrol-card__line">
          {prepared.year} 年度 · {prepared.scheme.name}
        </Text>
        {prepared.window.from ? (
          <Text className="enrol-card__line">
            参保时间：{prepared.window.from} 至 {prepared.window.to}
          </Text>
        ) : null}
      </View>
    </>
  )
}
