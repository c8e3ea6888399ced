/**
 * Attributes that make a tappable view a button for screen readers (H5 and WeChat's 读屏) and the keyboard (H5).
 * `label` '' names the button by its text.
 */
export type ButtonA11y = (label: string, activate: () => void) => Record<string, unknown>

/** Makes every page container the router adds a named, focusable region (H5); nothing on weapp. Call once at launch. */
export type NamePageRegions = () => void
