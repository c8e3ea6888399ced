/**
 * Accessibility TDesign's H5 components cannot be given through their props (issue 13 item 12). They pass only
 * `data-*` / `aria-*` props to their outer element, so each hook marks that element with a `data-ui-a11y` id and fixes
 * the DOM inside it after every render. Imported by the kit's `.h5.tsx` files only (weapp's TDesign names its controls).
 */
import { useEffect, useId, useLayoutEffect, useRef, type RefObject } from 'react'

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

/**
 * TDesign's tabs are divs in a horizontally scrolling strip: no roles, and neither the strip nor a tab takes the
 * keyboard focus (axe's scrollable-region-focusable). Makes the strip a tablist of focusable tabs, the current one
 * marked selected, Enter and Space choosing one. Spread the marker onto a div around the tabs (TDesign's own root
 * takes no extra props).
 */
export function useTabsA11y(): Marker {
  const id = useId()
  useLayoutEffect(() => {
    const root = marked(id)
    if (!root) return
    root.querySelector('.t-tabs__wrapper')?.setAttribute('role', 'tablist')
    for (const tab of root.querySelectorAll('.t-tabs__item')) {
      tab.setAttribute('role', 'tab')
      tab.setAttribute('tabindex', '0')
      tab.setAttribute('aria-selected', String(tab.classList.contains('t-tabs__item--active')))
    }
  })
  useEffect(() => {
    const root = marked(id)
    if (!root) return
    const onKey = (e: Event) => {
      const key = (e as KeyboardEvent).key
      const tab = (e.target as Element).closest('.t-tabs__item')
      if (!tab || (key !== 'Enter' && key !== ' ')) return
      e.preventDefault()
      ;(tab as HTMLElement).click()
    }
    root.addEventListener('keydown', onKey)
    return () => root.removeEventListener('keydown', onKey)
  }, [id])
  return { 'data-ui-a11y': id }
}

/**
 * TDesign's radio keeps a transparent `<input type="radio">` beside the text it shows, tied to nothing. Names each
 * input inside the marked element from its option's text. Spread the marker onto a div around the group.
 */
export function useNamedChoices(): Marker {
  const id = useId()
  useLayoutEffect(() => {
    const root = marked(id)
    if (!root) return
    root.setAttribute('role', 'radiogroup')
    for (const option of root.querySelectorAll('.t-radio')) {
      const text = option.querySelector('.t-radio__title')?.textContent ?? ''
      const input = option.querySelector('input')
      input?.setAttribute('aria-label', text)
      // Says the option is unavailable (its greyed text is then exempt from the contrast minimum, as WCAG allows).
      if (input?.disabled) option.setAttribute('aria-disabled', 'true')
      else option.removeAttribute('aria-disabled')
    }
  })
  return { 'data-ui-a11y': id }
}

/**
 * TDesign's checkbox is a tappable div with no input inside: Tab passed it by and a screen reader heard only its text.
 * Makes it a checkbox (role, aria-checked, named by `label`, its description tied as the description) that Tab reaches
 * and Space toggles, as a native checkbox does; a disabled one says so and leaves the Tab order. Pass the returned ref
 * to TDesign's Checkbox (it forwards it to its root; the root takes no other props).
 */
export function useCheckboxA11y(label: string, checked: boolean, disabled: boolean): RefObject<HTMLDivElement> {
  const ref = useRef<HTMLDivElement>(null)
  const descriptionId = useId()
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    el.setAttribute('role', 'checkbox')
    el.setAttribute('aria-checked', String(checked))
    el.setAttribute('aria-label', label)
    el.setAttribute('tabindex', disabled ? '-1' : '0')
    if (disabled) el.setAttribute('aria-disabled', 'true')
    else el.removeAttribute('aria-disabled')
    const description = el.querySelector('.t-checkbox__description')
    if (description?.textContent) {
      description.id = descriptionId
      el.setAttribute('aria-describedby', descriptionId)
    } else el.removeAttribute('aria-describedby')
  })
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== ' ') return
      // Space would also scroll the page; the click is TDesign's own toggle (it ignores a disabled box).
      e.preventDefault()
      el.click()
    }
    el.addEventListener('keydown', onKey)
    return () => el.removeEventListener('keydown', onKey)
  }, [])
  return ref
}
