import Taro from '@tarojs/taro'
import type { SystemFontIsLarge } from './system-font.types'

/**
 * WeChat's 「我-设置-通用-字体大小」 in px: 16–17 is standard, each step up adds 2–3 px. 20 and above is "large" —
 * the setting older users pick.
 */
const LARGE_FROM_PX = 20

function fontSizeSetting(): number | undefined {
  // getAppBaseInfo replaces the deprecated getSystemInfoSync (base library 2.20.1+); fall back on older clients.
  const base = typeof Taro.getAppBaseInfo === 'function' ? (Taro.getAppBaseInfo() as { fontSizeSetting?: unknown }) : null
  const fromBase = base?.fontSizeSetting
  if (typeof fromBase === 'number') return fromBase
  const info = Taro.getSystemInfoSync() as { fontSizeSetting?: unknown }
  return typeof info.fontSizeSetting === 'number' ? info.fontSizeSetting : undefined
}

export const systemFontIsLarge: SystemFontIsLarge = () => {
  try {
    const px = fontSizeSetting()
    return px !== undefined && px >= LARGE_FROM_PX
  } catch {
    return false
  }
}
