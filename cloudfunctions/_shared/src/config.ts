/**
 * A function's configuration, read from its environment once (by `createMain`) and handed to handlers as
 * `ctx.config`. Production refuses to run on a missing or development secret rather than hashing resident IDs with a
 * key anyone can read in this repository; only the local emulator falls back to development values.
 */
import { TEMPLATE_KEYS } from '@mutual-aid/contracts'
import { z } from 'zod'

/** The fallback secret of the local emulator. Never valid outside it. */
export const DEV_KEY = 'mutual-aid-local-development-key-not-for-production'

/** Shortest secret accepted outside the emulator (the deploy guide asks for long random strings). */
export const MIN_SECRET_LENGTH = 32

export interface FunctionConfig {
  /** True when the function talks to the local emulator (see {@link isLocalEmulator}). */
  local: boolean
  /** Resident-ID secrets: `idHash` keys the HMAC that matches people, `idEnc` the AES-GCM that stores the number. */
  secrets: { idHash: string; idEnc: string }
  /** Subscribe-message template ids by template key (`{"claimReceived":"<id>",…}`). */
  templates: Record<string, string>
}

/** Environment variables as a function sees them (`process.env`, or a test's own). */
export type Env = Readonly<Record<string, string | undefined>>

export type ConfigResult = { ok: true; config: FunctionConfig } | { ok: false; problems: string[] }

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1'])

/**
 * Whether the SDK is pointed at the local emulator. The emulator (local-cloud/src/functions/function-env.ts) and a
 * test process using the SDK directly (scripts/sdk-env.ts) both set `TCB_CONTEXT_CNFG.URL` to a loopback address; a
 * function on CloudBase never has a loopback endpoint, so this cannot be true in production without the function also
 * being unable to reach any database.
 */
export function isLocalEmulator(env: Env): boolean {
  try {
    const url = (JSON.parse(env.TCB_CONTEXT_CNFG ?? '') as { URL?: unknown }).URL
    return typeof url === 'string' && LOOPBACK.has(new URL(url).hostname)
  } catch {
    return false
  }
}

const templatesSchema = z.record(z.string(), z.string().trim().min(1))

function readSecret(env: Env, name: 'ID_HASH_KEY' | 'ID_ENC_KEY', local: boolean, problems: string[]): string {
  const value = env[name]?.trim() ?? ''
  if (local) return value || `${DEV_KEY}:${name}`
  if (!value) problems.push(`${name} 未设置`)
  else if (value.startsWith(DEV_KEY)) problems.push(`${name} 是本地开发用的密钥，不能用于正式环境`)
  else if (value.length < MIN_SECRET_LENGTH) problems.push(`${name} 过短（至少 ${MIN_SECRET_LENGTH} 个字符的随机字符串）`)
  return value
}

function readTemplates(env: Env, local: boolean, problems: string[]): Record<string, string> {
  const raw = env.SUBSCRIBE_TEMPLATES?.trim() ?? ''
  if (!raw) {
    if (!local) problems.push('SUBSCRIBE_TEMPLATES 未设置')
    return {}
  }
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    problems.push('SUBSCRIBE_TEMPLATES 不是有效的 JSON')
    return {}
  }
  const parsed = templatesSchema.safeParse(json)
  if (!parsed.success) {
    problems.push('SUBSCRIBE_TEMPLATES 应为 {"模板键":"模板 ID"} 形式的 JSON 对象')
    return {}
  }
  const unknown = Object.keys(parsed.data).filter((k) => !(TEMPLATE_KEYS as readonly string[]).includes(k))
  if (unknown.length) problems.push(`SUBSCRIBE_TEMPLATES 有未知的模板键：${unknown.join('、')}（应为 ${TEMPLATE_KEYS.join('、')}）`)
  // Every notice the functions send needs its template outside the emulator: a missing one would silently never push.
  const missing = TEMPLATE_KEYS.filter((k) => !parsed.data[k])
  if (!local && missing.length) problems.push(`SUBSCRIBE_TEMPLATES 缺少模板：${missing.join('、')}`)
  return parsed.data
}

/** Reads and checks the configuration; every problem is named so a deploy can be fixed in one go. */
export function readConfig(env: Env = process.env): ConfigResult {
  const local = isLocalEmulator(env)
  const problems: string[] = []
  const secrets = { idHash: readSecret(env, 'ID_HASH_KEY', local, problems), idEnc: readSecret(env, 'ID_ENC_KEY', local, problems) }
  const templates = readTemplates(env, local, problems)
  return problems.length ? { ok: false, problems } : { ok: true, config: { local, secrets, templates } }
}
