/**
 * The cron of a WeChat cloud function timer trigger (config.json `triggers[].config`), as SCF reads it: seven fields
 * `秒 分 时 日 月 星期 年`, e.g. `0 0 2 * * * *` for 02:00 every day, in China Standard Time.
 *
 * Field rules (SCF "定时触发器说明", cloud.tencent.com/document/product/583/9708): seconds and minutes 0–59, hours
 * 0–23, day of month 1–31, month 1–12 or JAN–DEC, day of week 0–6 or SUN–SAT with 0 = Sunday, year 1970–2099; `,`
 * lists, `-` ranges, `*` every value, `/` steps (`1/10` = from 1 every 10); `?` in the day fields; `L` and `nW` in
 * the day of month, `n#k` (k-th weekday n of the month) in the day of week. When both the day of month and the day
 * of week are restricted, either one matching is enough (as in Vixie cron). Older WeChat docs counted 0 = Monday;
 * SCF, which runs the triggers, documents 0 = Sunday.
 *
 * Matching and "next time" come from croner (made for this, 7-part mode with seconds and year); this module checks
 * the expression against SCF's narrower grammar first, so what croner alone would accept (`7` for Sunday, a `+`
 * modifier, year 2150, six fields) is refused here as the deploy would refuse it.
 */
import { Cron } from 'croner'

/** CloudBase's timer triggers run on Beijing time. */
export const TIMER_TIME_ZONE = 'Asia/Shanghai'

export interface TimerCron {
  readonly expression: string
  /** Whether the trigger fires in the second that `at` falls in. */
  matches(at: Date): boolean
  /** The first firing strictly after `after`, or null when the expression never fires again (a past year). */
  next(after: Date): Date | null
}

interface FieldRule {
  label: string
  min: number
  max: number
  names?: readonly string[]
  /** Extra single-item forms this field accepts besides numbers, ranges, steps and `*`. */
  special?: RegExp
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const

const FIELDS: readonly FieldRule[] = [
  { label: '秒', min: 0, max: 59 },
  { label: '分', min: 0, max: 59 },
  { label: '时', min: 0, max: 23 },
  { label: '日', min: 1, max: 31, special: /^(\?|L|([1-9]|[12]\d|3[01])W)$/ },
  { label: '月', min: 1, max: 12, names: MONTHS },
  { label: '星期', min: 0, max: 6, names: WEEKDAYS, special: /^(\?|([0-6]|SUN|MON|TUE|WED|THU|FRI|SAT)#[1-5])$/i },
  { label: '年', min: 1970, max: 2099 },
]

const EXAMPLE = '例如 "0 0 2 * * * *" 表示每天 2:00'

/** Parses a timer trigger's cron; a malformed one throws an Error saying which field is wrong and why. */
export function parseTimerCron(expression: string): TimerCron {
  const fields = expression.trim().split(/\s+/)
  if (expression.trim() === '' || fields.length !== 7) {
    throw new Error(`定时触发器的 cron 须有 7 段（秒 分 时 日 月 星期 年），"${expression}" 有 ${expression.trim() === '' ? 0 : fields.length} 段；${EXAMPLE}`)
  }
  fields.forEach((field, i) => checkField(field, FIELDS[i], expression))
  let cron: Cron
  try {
    cron = new Cron(fields.join(' '), {
      mode: '7-part',
      timezone: TIMER_TIME_ZONE,
      // SCF's `1/10` (from 1, every 10) is what croner calls a sloppy range.
      sloppyRanges: true,
      domAndDow: false,
      paused: true,
    })
  } catch (error) {
    throw new Error(`定时触发器的 cron "${expression}" 无效：${(error as Error).message}`)
  }
  return {
    expression,
    matches: (at) => cron.match(new Date(Math.floor(at.getTime() / 1000) * 1000)),
    next: (after) => cron.nextRun(after),
  }
}

function checkField(field: string, rule: FieldRule, expression: string): void {
  const problem = (why: string) => new Error(`定时触发器的 cron "${expression}" 的「${rule.label}」段 "${field}" 无效：${why}`)
  for (const item of field.split(',')) {
    if (item === '') throw problem('逗号之间不能为空')
    if (rule.special?.test(item)) continue
    const [range, step, extra] = item.split('/')
    if (extra !== undefined) throw problem('只能有一个 /')
    if (step !== undefined && !/^[1-9]\d*$/.test(step)) throw problem(`步长 "${step}" 须是正整数`)
    if (range === '*') continue
    const bounds = range.split('-')
    if (bounds.length > 2) throw problem(`"${range}" 不是有效的范围`)
    const values = bounds.map((b) => valueOf(b, rule))
    if (values.some((v) => v === null)) {
      throw problem(`取值须是 ${rule.min}–${rule.max} 的整数${rule.names ? `或 ${rule.names[0]}–${rule.names[rule.names.length - 1]}` : ''}`)
    }
    const [from, to] = values as number[]
    if (to !== undefined && to < from) throw problem(`范围 ${range} 的起点大于终点`)
  }
}

function valueOf(text: string, rule: FieldRule): number | null {
  if (/^\d+$/.test(text)) {
    const n = Number(text)
    return n >= rule.min && n <= rule.max ? n : null
  }
  const index = rule.names?.indexOf(text.toUpperCase() as never) ?? -1
  return index >= 0 ? index + rule.min : null
}
