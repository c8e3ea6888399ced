import type { ButtonA11y } from './a11y.types'

/**
 * A `View` with `onClick` renders as a bare element on H5: no role, no name, out of the Tab order. Spread these onto
 * it (`<View {...buttonA11y('消息，3 条未读', open)} onClick={open}>`) so it is announced as a button, reached with
 * Tab and pressed with Enter or Space like one.
 */
export const buttonA11y: ButtonA11y = (label, activate) => ({
  role: 'button',
  tabIndex: 0,
  // '' = the name comes from the view's own text (no aria-label that could disagree with what is shown).
  ...(label ? { 'aria-label': label } : {}),
  onKeyDown: (e: { key: string; preventDefault(): void }) => {
    if (e.key !== 'Enter' && e.key !== ' ') return
    e.preventDefault()
    activate()
  },
})
