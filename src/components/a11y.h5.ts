import type { ButtonA11y, NamePageRegions } from './a11y.types'

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

interface TaroRoute {
  path: string
  navigationBarTitleText?: string
}

/** The page's title from its config (`navigationBarTitleText`), which Taro's H5 build keeps in the routes. */
function pageTitle(page: Element): string {
  const path = page.id.split('?')[0].replace(/^\//, '')
  const routes = (window as unknown as { __taroAppConfig?: { routes?: TaroRoute[] } }).__taroAppConfig?.routes ?? []
  return routes.find((r) => r.path.replace(/^\//, '') === path)?.navigationBarTitleText ?? document.title
}

function nameRegion(page: Element): void {
  page.setAttribute('role', 'region')
  page.setAttribute('aria-label', pageTitle(page))
  page.setAttribute('tabindex', '0')
}

/**
 * Taro's router shows each page in its own scrolling container (`.taro_page`, overflow-y: scroll). On a page with
 * nothing focusable inside (a claim's details), a keyboard user could not scroll it (axe: scrollable-region-focusable):
 * each container becomes a region named by the page's title that takes the focus.
 */
export const namePageRegions: NamePageRegions = () => {
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined') return
  document.querySelectorAll('.taro_page').forEach(nameRegion)
  new MutationObserver((changes) => {
    for (const change of changes) {
      for (const node of change.addedNodes) {
        if (node instanceof Element && node.classList.contains('taro_page')) nameRegion(node)
      }
    }
  }).observe(document.body, { childList: true, subtree: true })
}
