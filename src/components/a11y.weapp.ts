import type { ButtonA11y, NamePageRegions } from './a11y.types'

/** WeChat reads a view's text and treats a view with a tap handler as tappable; extra props would only cost setData. */
export const buttonA11y: ButtonA11y = () => ({})

/** WeChat scrolls a page itself; there is no container to name. */
export const namePageRegions: NamePageRegions = () => undefined
