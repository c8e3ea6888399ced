/**
 * The accessibility attributes WeChat's screen reader (读屏) takes on its built-in components — `aria-role` (WeChat's
 * name for `role`) and `aria-label` (developers.weixin.qq.com/miniprogram/dev/component/aria-component, base library
 * ≥ 2.7.1) — added to the components that carry `buttonA11y` and photo names (`Photo`).
 *
 * Taro's weapp templates list only each component's documented attributes, so an `aria-*` prop set in React never
 * reached the WXML. config/plugins/weapp-aria.ts adds these to the templates at build time and a11y-runtime.weapp.ts
 * to the runtime's attribute table: the runtime sends each attribute under a short alias (p0, p1 …) numbered from that
 * table, so the build and the runtime must be given the same one. '' = no default (an attribute left unset stays empty).
 */
export const WEAPP_ARIA_ATTRIBUTES: Record<'View' | 'Text' | 'Image', Record<string, ''>> = {
  View: { 'aria-role': '', 'aria-label': '' },
  Text: { 'aria-role': '', 'aria-label': '' },
  Image: { 'aria-role': '', 'aria-label': '' },
}
