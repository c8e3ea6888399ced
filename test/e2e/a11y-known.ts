/**
 * Accessibility rules whose serious/critical violations the e2e run still tolerates on the H5 build (issue 13 item 12),
 * measured by the axe-core audit of every screen the suite photographs, in normal and 长辈模式. Empty: any serious or
 * critical violation fails the run, printed with the first offending elements. Add a rule here only for markup that
 * cannot be reached (inside a third-party component), with a comment saying why, and remove it once fixed.
 */
export const KNOWN_A11Y_DEBT: readonly string[] = []
