/**
 * The pages the app sends people to: the main package's two (app.config.ts `pages`) — the entry (sign-in on H5,
 * identity check on weapp) and the role home — and binding, where a WeChat user without a role lands. Here rather
 * than in the session feature so the H5 page frame can name them without loading that feature's schemas.
 */
export const ENTRY_PAGE = '/pages/index/index'
export const HOME_PAGE = '/pages/home/index'
export const BIND_PAGE = '/packages/enrol/bind/index'
