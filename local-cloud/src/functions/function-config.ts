/**
 * A function's `config.json`, as CloudBase reads it at deploy: `timeout` in seconds (CloudBase's default is 3 s; an
 * event function may run up to 900 s), `permissions.openapi`, the open APIs (e.g. `subscribeMessage.send`) the
 * function may call, and `triggers`, its timer trigger. A missing file means the defaults; a malformed one is an
 * error, as the deploy would refuse it.
 */
import { promises as fsp } from 'node:fs'
import { z } from 'zod'
import { parseTimerCron, type TimerCron } from '../timers/timer-cron'

/** CloudBase's time limit for a function whose config sets none, in seconds. */
export const DEFAULT_TIMEOUT_SECONDS = 3
/** The longest time limit CloudBase accepts for an event function, in seconds. */
export const MAX_TIMEOUT_SECONDS = 900
/**
 * WeChat's config.json takes one timer trigger per function ("triggers 字段是触发器数组，目前仅支持一个触发器，即数组只
 * 能填写一个，不可添加多个" — WeChat cloud docs, 定时触发器); a function needing several schedules dispatches inside one.
 */
export const MAX_TRIGGERS = 1

export interface TimerTrigger {
  name: string
  /** The 7-field cron as written in config.json. */
  config: string
  cron: TimerCron
}

export interface FunctionConfig {
  timeoutSeconds: number
  openapi: readonly string[]
  triggers: readonly TimerTrigger[]
}

const triggerSchema = z.object({
  // WeChat docs: at most 60 characters of a-z, A-Z, 0-9, - and _, starting with a letter.
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,59}$/, '触发器名称须以字母开头，只含字母、数字、- 和 _，至多 60 个字符'),
  type: z.literal('timer', { message: '只支持定时触发器（type: "timer"）' }),
  config: z.string(),
}).passthrough()

const configSchema = z.object({
  timeout: z.number().int().min(1).max(MAX_TIMEOUT_SECONDS).optional(),
  permissions: z.object({ openapi: z.array(z.string()).optional() }).passthrough().optional(),
  triggers: z.array(triggerSchema).max(MAX_TRIGGERS, `每个云函数只能配置 ${MAX_TRIGGERS} 个定时触发器（微信云开发 config.json 的限制）`).optional(),
}).passthrough()

export async function readFunctionConfig(file: string): Promise<FunctionConfig> {
  let text: string
  try {
    text = await fsp.readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { timeoutSeconds: DEFAULT_TIMEOUT_SECONDS, openapi: [], triggers: [] }
    throw error
  }
  let parsed: z.infer<typeof configSchema>
  let triggers: TimerTrigger[]
  try {
    parsed = configSchema.parse(JSON.parse(text))
    triggers = (parsed.triggers ?? []).map((t) => ({ name: t.name, config: t.config, cron: parseTimerCron(t.config) }))
  } catch (error) {
    const why = error instanceof z.ZodError ? error.issues.map((i) => `${i.path.join('.') || '(根)'}：${i.message}`).join('；') : (error as Error).message
    throw new Error(`${file} 无效：${why}`)
  }
  return {
    timeoutSeconds: parsed.timeout ?? DEFAULT_TIMEOUT_SECONDS,
    openapi: parsed.permissions?.openapi ?? [],
    triggers,
  }
}
