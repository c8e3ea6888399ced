/**
 * The main package's two pages (app.config.ts `pages`): the entry (sign-in on H5, identity check on weapp) and the
 * role home. Here rather than in the session feature so the H5 page frame can name them without loading that
 * feature's schemas into every page.
 */
export const ENTRY_PAGE = '/pages/index/index'
export const HOME_PAGE = '/pages/home/index'
