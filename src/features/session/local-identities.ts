import { z } from 'zod'
import { localIdentitySchema, type LocalIdentity } from './session.schema'

const identitiesSchema = z.array(z.unknown())

/** Demo identities the emulator lists for the local sign-in page (`GET /local/identities`). */
export async function fetchLocalIdentities(): Promise<{ ok: true; data: LocalIdentity[] } | { ok: false; message: string }> {
  try {
    const response = await fetch('/local/identities')
    if (!response.ok) return { ok: false, message: '本地身份列表暂时无法读取，请确认本地云环境已启动' }
    const raw = identitiesSchema.parse(await response.json())
    const identities = raw.flatMap((item) => {
      const parsed = localIdentitySchema.safeParse(item)
      return parsed.success ? [parsed.data] : []
    })
    return { ok: true, data: identities }
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
