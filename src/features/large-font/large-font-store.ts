import { useSyncExternalStore } from 'react'
import Taro from '@tarojs/taro'
import { systemFontIsLarge } from './system-font'

/**
 * 长辈模式 (large-font mode): body text ≥ 18 px, key actions ≥ 48 px tall, higher contrast (WeChat's 适老化 guidance).
 *
 * The user's choice is remembered on the device. Until they choose, the mode follows the system: on when the phone's
 * (WeChat's) font size is set large, or on H5 when the browser's default font size is large.
 */
export type LargeFontChoice = 'on' | 'off' | 'auto'

const STORAGE_KEY = 'ma-large-font'

/** The root class the styles key on (src/app.scss). */
export const LARGE_FONT_CLASS = 'ma-elder'

type Listener = () => void
const listeners = new Set<Listener>()

function readChoice(): LargeFontChoice {
  try {
    const stored = Taro.getStorageSync(STORAGE_KEY) as unknown
    return stored === 'on' || stored === 'off' ? stored : 'auto'
  } catch {
    // Storage unavailable (private mode): behave as if nothing was chosen.
    return 'auto'
  }
}

let choice: LargeFontChoice | null = null
let systemLarge: boolean | null = null

function currentChoice(): LargeFontChoice {
  if (choice === null) choice = readChoice()
  return choice
}

/** Whether large-font mode is on now. */
export function largeFontOn(): boolean {
  const c = currentChoice()
  if (c !== 'auto') return c === 'on'
  if (systemLarge === null) systemLarge = systemFontIsLarge()
  return systemLarge
}

/** The user's explicit choice, or 'auto' while the mode follows the system font size. */
export function largeFontChoice(): LargeFontChoice {
  return currentChoice()
}

/** Turns the mode on or off and remembers it on this device. */
export function setLargeFont(on: boolean): void {
  choice = on ? 'on' : 'off'
  try {
    Taro.setStorageSync(STORAGE_KEY, choice)
  } catch {
    // Not remembered, but still applied for this session.
  }
  for (const listener of listeners) listener()
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Re-renders the caller when the mode changes. */
export function useLargeFont(): boolean {
  return useSyncExternalStore(subscribe, largeFontOn, largeFontOn)
}

/** Subscribes outside React (the H5 root class). */
export function onLargeFontChange(listener: Listener): () => void {
  return subscribe(listener)
}
