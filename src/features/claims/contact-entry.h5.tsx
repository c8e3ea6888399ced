import { Text, View } from '@tarojs/components'
import { OFFICE_PHONE } from './contact'

/**
 * 有疑问？ — the office's phone as a `tel:` link (a browser has no WeChat customer service); without a configured phone,
 * the unit's union clerk. Same export as contact-entry.weapp.tsx.
 */
export function ContactEntry() {
  return (
    <View className="claims-section claims-contact">
      <Text className="claims-section__title">有疑问？</Text>
      {OFFICE_PHONE ? (
        <a className="claims-link" href={`tel:${OFFICE_PHONE.replace(/-/g, '')}`}>
          致电互助办：{OFFICE_PHONE}
        </a>
      ) : (
        <Text>请联系本单位工会经办人。</Text>
      )}
    </View>
  )
}
