/**
 * The H5 build's local session — the demo identity signed in on the emulator and its bearer token — kept in
 * localStorage. Checked by hand rather than with zod: the sign-in page reads it for its first paint, which must not
 * wait for the schema library to download (issue 13, first load on a slow network). Only H5 code imports this.
 */
export interface LocalSession {
  openid: string
  token: string
}

const SESSION_KEY = 'mutual-aid.local-session'

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.length > 0

/** The stored session, or null when there is none or it is not a session (then it is as if signed out). */
export function readLocalSession(): LocalSession | null {
  try {
    const raw = window.localStorage.getItem(SESSION_KEY)
    if (raw === null) return null
    const parsed: unknown = JSON.parse(raw)
    if (typeof parsed !== 'object' || parsed === null) return null
    const { openid, token } = parsed as Record<string, unknown>
    return nonEmpty(openid) && nonEmpty(token) ? { openid, token } : null
  } catch {
    return null
  }
}

export function writeLocalSession(session: LocalSession | null): void {
  if (session === null) window.localStorage.removeItem(SESSION_KEY)
  else window.localStorage.setItem(SESSION_KEY, JSON.stringify({ openid: session.openid, token: session.token }))
}

/** The signed-in demo identity's openid, or null. */
export function localOpenid(): string | null {
  return readLocalSession()?.openid ?? null
}
