/**
 * Accessibility TDesign's H5 components cannot be given through their props (issue 13 item 12). They pass only
 * `data-*` / `aria-*` props to their outer element, so each hook marks that element with a `data-ui-a11y` id and fixes
 * the DOM inside it after every render. Imported by the kit's `.h5.tsx` files only (weapp's TDesign names its controls).
 */
import { useEffect, useId, useLayoutEffect } from 'react'

type Marker = { 'data-ui-a11y': string }

const marked = (id: string, inner = ''): Element | null => document.querySelector(`[data-ui-a11y="${id}"]${inner}`)

/**
 * TDesign renders a field's label in a div beside its `<input>` / `<textarea>`, tied to nothing: a screen reader said
 * "edit text" with no name. Names the control from the `label` prop and says when it is required or invalid.
 */
export function useNamedControl(label: string, required?: boolean, error?: string): Marker {
  const id = useId()
  useLayoutEffect(() => {
    const control = marked(id, ' :is(input, textarea)')
    if (!control) return
    control.setAttribute('aria-label', label)
    if (required) control.setAttribute('aria-required', 'true')
    else control.removeAttribute('aria-required')
    if (error) control.setAttribute('aria-invalid', 'true')
    else control.removeAttribute('aria-invalid')
  })
  return { 'data-ui-a11y': id }
}

/**
 * A tappable TDesign cell (a picker's row, a menu entry) is a bare div: no role, out of the Tab order. Makes it a
 * button named `label` (''= by its own text) that Enter and Space press, as `buttonA11y` does for our own views.
 * `activate` null: not tappable, nothing added.
 */
export function useButtonRole(label: string, activate: (() => void) | null): Marker {
  const id = useId()
  const on = activate !== null
  useLayoutEffect(() => {
    const el = marked(id)
    if (!el) return
    if (on) {
      el.setAttribute('role', 'button')
      el.setAttribute('tabindex', '0')
      if (label) el.setAttribute('aria-label', label)
      else el.removeAttribute('aria-label')
    } else {
      for (const name of ['role', 'tabindex', 'aria-label']) el.removeAttribute(name)
    }
  })
  useEffect(() => {
    const el = marked(id)
    if (!el || !activate) return
    const onKey = (e: Event) => {
      const key = (e as KeyboardEvent).key
      if (key !== 'Enter' && key !== ' ') return
      e.preventDefault()
      activate()
    }
    el.addEventListener('keydown', onKey)
    return () => el.removeEventListener('keydown', onKey)
  }, [id, activate])
  return { 'data-ui-a11y': id }
}
