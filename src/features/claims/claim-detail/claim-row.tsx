import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'

/** One labelled line of a claim's details: the label on the left, its value beside it. */
export function ClaimRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="claims-row">
      <Text className="claims-row__label">{label}</Text>
      <Text className="claims-row__value">{children}</Text>
    </View>
  )
}
