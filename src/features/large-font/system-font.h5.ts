import type { SystemFontIsLarge } from './system-font.types'

/** Browsers default to 16 px; a reader who raised it to 20 px or more wants large text. */
const LARGE_FROM_PX = 20

/**
 * The browser's default font size. Taro's H5 runtime sets the root element's font size for rem, so read the keyword
 * `medium` — it always resolves to the user's default, whatever the page sets on <html>.
 */
export const systemFontIsLarge: SystemFontIsLarge = () => {
  if (typeof document === 'undefined' || !document.body) return false
  const probe = document.createElement('span')
  probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium'
  document.body.appendChild(probe)
  const px = parseFloat(getComputedStyle(probe).fontSize)
  probe.remove()
  return Number.isFinite(px) && px >= LARGE_FROM_PX
}
