import { Text, View } from '@tarojs/components'
import { BENEFIT_LABELS, type DayWindow } from '@mutual-aid/shared-rules'
import { ValueField } from './value-field'

export interface WindowListEditorProps {
  title: string
  windows: readonly DayWindow[]
  onChange: (windows: DayWindow[]) => void
  errors?: Record<string, string>
}

/**
 * WH benefit windows by coverage day (day 1 = the start date printed on the certificate, [I-1]): from which day to
 * which day (empty = to the end of the period) a benefit pays how much per share.
 */
export function WindowListEditor({ title, windows, onChange, errors = {} }: WindowListEditorProps) {
  const set = (i: number, patch: Partial<DayWindow>) => onChange(windows.map((w, j) => (j === i ? { ...w, ...patch } : w)))
  return (
    <View className="schemes-block">
      <Text className="schemes-block__title">{title}</Text>
      {windows.map((w, i) => (
        <View key={i} className="schemes-window">
          <Text className="schemes-window__title">
            第 {i + 1} 段 · {BENEFIT_LABELS[w.benefit]} · 保障第 {w.fromDay} 天{w.toDay === null ? '起至期末' : `至第 ${w.toDay} 天`}
          </Text>
          <Text className="schemes-block__basis">依据：{w.basis}</Text>
          <ValueField label="自第几天起" kind="count" value={w.fromDay} onChange={(v) => set(i, { fromDay: v as number })} error={errors[`${i}.fromDay`]} />
          <ValueField label="至第几天（不填 = 至期末）" kind="optionalCount" value={w.toDay} onChange={(v) => set(i, { toDay: v as number | null })} error={errors[`${i}.toDay`]} />
          <ValueField label="每份金额（元）" kind="yuan" value={w.perShareFen} onChange={(v) => set(i, { perShareFen: v as number })} error={errors[`${i}.perShareFen`]} />
        </View>
      ))}
    </View>
  )
}
