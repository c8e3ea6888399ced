import { Text, View } from '@tarojs/components'
import { Button } from '@/components/ui'
import { setLargeFont, useLargeFont } from './large-font-store'
import './large-font.scss'

/** The 长辈模式 row on the home and sign-in pages: one large button that says what it will do. */
export function LargeFontSwitch() {
  const on = useLargeFont()
  return (
    <View className="large-font-switch">
      <View className="large-font-switch__text">
        <Text className="large-font-switch__title">长辈模式（大字）</Text>
        <Text className="large-font-switch__state">{on ? '已开启：字更大、按钮更大' : '未开启'}</Text>
      </View>
      <Button
        className="large-font-switch__button"
        theme={on ? 'default' : 'primary'}
        variant={on ? 'outline' : 'base'}
        size="medium"
        onClick={() => setLargeFont(!on)}
      >
        {on ? '关闭大字' : '开启大字'}
      </Button>
    </View>
  )
}
