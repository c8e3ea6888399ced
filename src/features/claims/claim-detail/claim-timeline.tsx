import { Text, View } from '@tarojs/components'
import { STATUS_LABEL, type ClaimDetail } from '@mutual-aid/contracts'
import { formatDateTimeCn } from '@/components/format'
import { EVENT_TEXT, ROLE_TEXT } from '../format'

/** 办理记录: each step taken, when, by whom, with its note. */
export function ClaimTimeline({ claim: c }: { claim: ClaimDetail }) {
  return (
    <View className="claims-section">
      <Text className="claims-section__title">办理记录</Text>
      <View className="claims-timeline">
        {c.history.map((h, i) => (
          <View key={i} className="claims-timeline__item">
            <Text className="claims-timeline__title">
              {EVENT_TEXT[h.event] ?? h.event} → {STATUS_LABEL[h.to]}
            </Text>
            <Text className="claims-timeline__meta">
              {formatDateTimeCn(h.at)} · {ROLE_TEXT[h.role] ?? h.role}
              {h.name ? ` ${h.name}` : ''}
            </Text>
            {h.note ? <Text className="claims-timeline__note">{h.note}</Text> : null}
          </View>
        ))}
      </View>
    </View>
  )
}
