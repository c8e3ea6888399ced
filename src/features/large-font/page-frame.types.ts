import type { ComponentType } from 'react'

/**
 * Wraps a page's default export so it follows large-font mode (and, on H5, gets its accessible frame).
 * `export default withPageFrame(RosterPage)`.
 */
export type WithPageFrame = <P extends object>(Page: ComponentType<P>) => ComponentType<P>
