export { largeFontChoice, largeFontOn, setLargeFont, useLargeFont, LARGE_FONT_CLASS, type LargeFontChoice } from './large-font-store'
export { withPageFrame } from './page-frame'
export { LargeFontSwitch } from './large-font-switch'
