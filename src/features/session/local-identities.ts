/**
 * Demo identities the emulator lists for the H5 sign-in page (`GET /local/identities`). Checked by hand, not with
 * zod: this is the sign-in page's first content, and its chunk must not carry the schema library (issue 13, first
 * load on a slow network). An item that is not an identity is left out; a role the app does not know reads as none.
 */
import { ROLES, type Role } from '@mutual-aid/contracts/role-labels'

/** A demo identity listed by the emulator. */
export interface LocalIdentity {
  openid: string
  role: Role | null
  name: string
  label: string
  home?: string
}

declare global {
  interface Window {
    /** The request index.html starts for the list while the scripts download (src/index.html). */
    __maIdentities?: Promise<Response>
  }
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '')

/** One listed item as an identity, or null when it is not one (no openid). */
export function toLocalIdentity(item: unknown): LocalIdentity | null {
  if (typeof item !== 'object' || item === null) return null
  const { openid, role, name, label, home } = item as Record<string, unknown>
  if (typeof openid !== 'string') return null
  return {
    openid,
    role: (ROLES as readonly unknown[]).includes(role) ? (role as Role) : null,
    name: text(name),
    label: text(label),
    ...(typeof home === 'string' ? { home } : {}),
  }
}

/** The request index.html started, taken once (a retry asks again); else a new one. */
function request(): Promise<Response> {
  const early = typeof window === 'undefined' ? undefined : window.__maIdentities
  if (early) {
    window.__maIdentities = undefined
    return early
  }
  return fetch('/local/identities')
}

export async function fetchLocalIdentities(): Promise<{ ok: true; data: LocalIdentity[] } | { ok: false; message: string }> {
  try {
    const response = await request()
    if (!response.ok) return { ok: false, message: '本地身份列表暂时无法读取，请确认本地云环境已启动' }
    const raw: unknown = await response.json()
    if (!Array.isArray(raw)) return { ok: false, message: '本地身份列表格式不对，请重新导入演示数据' }
    return { ok: true, data: raw.flatMap((item) => toLocalIdentity(item) ?? []) }
  } catch {
    return { ok: false, message: '网络不稳定，请稍后重试' }
  }
}

/** A fresh WeChat-like openid for "新微信用户": matches the emulator's `^[A-Za-z0-9_-]{6,64}$`. */
export function freshOpenid(): string {
  const bytes = new Uint8Array(12)
  crypto.getRandomValues(bytes)
  return `new_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}
