import { Button, Text, View } from '@tarojs/components'
import { OFFICE_PHONE } from './contact'

/**
 * 有疑问？ — WeChat's customer-service conversation (`open-type="contact"`, answered by the office in the mini-program's
 * customer-service tool) and, when configured, the office's phone. Same export as contact-entry.h5.tsx.
 */
export function ContactEntry() {
  return (
    <View className="claims-section claims-contact">
      <Text className="claims-section__title">有疑问？</Text>
      <Button className="claims-contact__button" openType="contact">
        在线咨询互助办
      </Button>
      {OFFICE_PHONE ? <Text className="claims-link">互助办电话：{OFFICE_PHONE}</Text> : null}
    </View>
  )
}
