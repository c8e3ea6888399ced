/**
 * A function's `config.json`, as CloudBase reads it at deploy: `timeout` in seconds (CloudBase's default is 3 s; an
 * event function may run up to 900 s) and `permissions.openapi`, the open APIs (e.g. `subscribeMessage.send`) the
 * function may call. A missing file means the defaults; a malformed one is an error, as the deploy would refuse it.
 */
import { promises as fsp } from 'node:fs'
import { z } from 'zod'

/** CloudBase's time limit for a function whose config sets none, in seconds. */
export const DEFAULT_TIMEOUT_SECONDS = 3
/** The longest time limit CloudBase accepts for an event function, in seconds. */
export const MAX_TIMEOUT_SECONDS = 900

export interface FunctionConfig {
  timeoutSeconds: number
  openapi: readonly string[]
}

const configSchema = z.object({
  timeout: z.number().int().min(1).max(MAX_TIMEOUT_SECONDS).optional(),
  permissions: z.object({ openapi: z.array(z.string()).optional() }).passthrough().optional(),
}).passthrough()

export async function readFunctionConfig(file: string): Promise<FunctionConfig> {
  let text: string
  try {
    text = await fsp.readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { timeoutSeconds: DEFAULT_TIMEOUT_SECONDS, openapi: [] }
    throw error
  }
  let parsed: z.infer<typeof configSchema>
  try {
    parsed = configSchema.parse(JSON.parse(text))
  } catch (error) {
    throw new Error(`${file} 无效：${(error as Error).message}`)
  }
  return {
    timeoutSeconds: parsed.timeout ?? DEFAULT_TIMEOUT_SECONDS,
    openapi: parsed.permissions?.openapi ?? [],
  }
}
