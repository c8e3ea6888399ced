/**
 * Accessibility rules with serious/critical violations still open on the H5 build (issue 13 item 12), measured by the
 * axe-core audit of every screen the e2e suite photographs: TDesign's grey secondary texts (color-contrast), photo
 * thumbnails and icons rendered without text alternatives (image-alt), form fields not tied to a label (label), and
 * scrolling chip rows that can't take the keyboard focus (scrollable-region-focusable). The runner prints every
 * screen's count on each run and fails on any other rule; remove a rule here once its count is 0.
 */
export const KNOWN_A11Y_DEBT: readonly string[] = ['color-contrast', 'image-alt', 'label', 'scrollable-region-focusable']
