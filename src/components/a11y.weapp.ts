import type { ButtonA11y, NamePageRegions } from './a11y.types'

/**
 * WeChat's screen reader announces a view as a button from `aria-role` (WeChat's name for `role`) and reads
 * `aria-label` in place of its text ('' = it reads the view's own text). The templates carry both attributes because
 * config/plugins/weapp-aria.ts adds them; a tap is a tap, so there is no key handling as on H5.
 */
export const buttonA11y: ButtonA11y = (label) => ({ 'aria-role': 'button', ...(label ? { 'aria-label': label } : {}) })

/** WeChat scrolls a page itself; there is no container to name. */
export const namePageRegions: NamePageRegions = () => undefined
