/**
 * `cloudfunctions/<name>/config.json`: the one place a function's deploy settings live — WeChat's own keys
 * (`permissions.openapi`, `triggers`) and its time limit — read by `npm run deploy` and by the local emulator.
 *
 *   { "timeout": 20, "permissions": { "openapi": ["subscribeMessage.send"] },
 *     "triggers": [{ "name": "daily", "type": "timer", "config": "0 0 2 * * * *" }] }
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { MAX_TRIGGERS } from '../../local-cloud/src/functions/function-config'
import { parseTimerCron } from '../../local-cloud/src/timers/timer-cron'

/** Memory of every function, MB (CloudBase's default; the bundles need ~60 MB). */
export const DEFAULT_MEMORY_MB = 256
/** SCF memory sizes, MB. */
const MEMORY_SIZES = [64, 128, 256, 512, 1024, 2048, 3072]

/**
 * WeChat's timer trigger: a 7-field cron — second minute hour day-of-month month day-of-week year
 * (`秒 分 时 日 月 星期 年`), e.g. `0 0 2 * * * *` for 02:00 every day. Checked by the same SCF grammar the local
 * cloud runs the triggers with (local-cloud/src/timers/timer-cron.ts), so the two never disagree on what deploys.
 */
export function isSevenFieldCron(expression: string): boolean {
  try {
    parseTimerCron(expression)
    return true
  } catch {
    return false
  }
}

const triggerSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,59}$/, '触发器名称须以字母开头，只含字母、数字、- 和 _，至多 60 个字符'),
    type: z.literal('timer', { message: '只支持定时触发器（type: "timer"）' }),
    config: z.string().refine(isSevenFieldCron, '定时触发器须是 7 段 cron 表达式：秒 分 时 日 月 星期 年，例如 "0 0 2 * * * *"'),
  })
  .strict()

export const functionConfigSchema = z
  .object({
    timeout: z.number().int().min(1).max(900),
    memorySize: z.number().refine((v) => MEMORY_SIZES.includes(v), `内存须是 ${MEMORY_SIZES.join('、')} MB 之一`).optional(),
    permissions: z.object({ openapi: z.array(z.string().regex(/^[a-zA-Z]+\.[a-zA-Z]+$/)) }).strict(),
    // WeChat's config.json takes one timer trigger per function (the local cloud refuses more, as WeChat does).
    triggers: z.array(triggerSchema).max(MAX_TRIGGERS, `每个云函数只能配置 ${MAX_TRIGGERS} 个定时触发器（微信云开发 config.json 的限制）`).optional(),
  })
  .strict()

export type Trigger = z.infer<typeof triggerSchema>

export interface FunctionSpec {
  name: string
  /** Seconds. */
  timeout: number
  /** MB. */
  memorySize: number
  openapi: string[]
  triggers: Trigger[]
}

/** Reads and checks one function's config.json; a problem names the file and the field. */
export function readFunctionSpec(functionsDir: string, name: string): FunctionSpec {
  const file = join(functionsDir, name, 'config.json')
  if (!existsSync(file)) throw new Error(`${name}: 缺少 ${file}（至少要有 timeout 和 permissions.openapi）`)
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'))
  } catch (err) {
    throw new Error(`${file} 不是有效的 JSON：${err instanceof Error ? err.message : String(err)}`)
  }
  const parsed = functionConfigSchema.safeParse(raw)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(根)'}：${i.message}`).join('；')
    throw new Error(`${file}：${issues}`)
  }
  const triggers = parsed.data.triggers ?? []
  const names = new Set<string>()
  for (const t of triggers) {
    if (names.has(t.name)) throw new Error(`${file}：触发器名称 ${t.name} 重复`)
    names.add(t.name)
  }
  return {
    name,
    timeout: parsed.data.timeout,
    memorySize: parsed.data.memorySize ?? DEFAULT_MEMORY_MB,
    openapi: parsed.data.permissions.openapi,
    triggers,
  }
}
