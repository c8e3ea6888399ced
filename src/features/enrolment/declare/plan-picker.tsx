import { Text, View } from '@tarojs/components'
import type { Product } from '@mutual-aid/shared-rules'
import type { PreparedDeclaration } from '@mutual-aid/contracts'
import { Stepper } from '@/components/ui'

export interface PlanPickerProps {
  scheme: PreparedDeclaration['scheme']
  shares: number
  onShares: (n: number) => void
  products: readonly Product[]
  onToggleProduct: (p: Product) => void
}

/** What the unit declares per person: shares (WH, the same for the whole unit) or products (TZ). */
export function PlanPicker({ scheme, shares, onShares, products, onToggleProduct }: PlanPickerProps) {
  if (scheme.shares) {
    return (
      <View className="enrol-row">
        <View className="enrol-row__main">
          <Text className="enrol-row__name">每人参加份额</Text>
          <Text className="enrol-row__sub">全单位相同，{scheme.shares.min}–{scheme.shares.max} 份</Text>
        </View>
        <Stepper label="每人参加份额" value={shares} min={scheme.shares.min} max={scheme.shares.max} onChange={onShares} />
      </View>
    )
  }
  return (
    <View>
      <Text className="enrol-section-title">保障项目（女职工特殊病仅女职工参加）</Text>
      <View className="enrol-chip-row">
        {scheme.products.map((p) => {
          const on = products.includes(p.id)
          return (
            <View key={p.id} className={`enrol-chip ${on ? 'enrol-chip--on' : ''}`} onClick={() => onToggleProduct(p.id)}>
              {on ? '✓ ' : ''}
              {p.name}
            </View>
          )
        })}
      </View>
    </View>
  )
}
