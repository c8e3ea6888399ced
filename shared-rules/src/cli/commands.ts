import { assess } from '../assess/assess'
import { deadline } from '../deadlines/deadline'
import { quote } from '../fees/quote'
import { checkParticipation } from '../participation/check-participation'
import { assessInputSchema } from '../schemas/assess-input'
import { formatIssues } from '../schemas/common'
import { deadlineInputSchema } from '../schemas/deadline-input'
import { participationInputSchema } from '../schemas/participation-input'
import { quoteInputSchema } from '../schemas/quote-input'
import { fastAssessInput } from './fast-assess-input'

/** Commands of the rules CLI. */
export const COMMANDS = ['assess', 'participation', 'quote', 'deadline'] as const
export type CommandName = (typeof COMMANDS)[number]

function errorLine(code: string, message: string): string {
  return JSON.stringify({ error: { code, message } })
}

type SafeParser = { safeParse(v: unknown): { success: true; data: unknown } | { success: false; error: import('zod').ZodError } }

function parseWith<T>(schema: SafeParser, value: unknown): { ok: true; data: T } | { ok: false; line: string } {
  const result = schema.safeParse(value)
  if (result.success) return { ok: true, data: result.data as T }
  return { ok: false, line: errorLine('INVALID_INPUT', `输入不正确：${formatIssues(result.error)}`) }
}

/**
 * Answer one input line of a command with one JSON line (no newline). Never throws: a bad line
 * gives `INVALID_INPUT`, an unexpected failure `INTERNAL_ERROR`.
 */
export function runCommand(command: CommandName, text: string): string {
  const line = text.endsWith('\r') ? text.slice(0, -1) : text
  if (line.trim() === '') return errorLine('INVALID_INPUT', '输入不正确：空行，应为一个 JSON 对象')
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return errorLine('INVALID_INPUT', '输入不正确：不是合法的 JSON')
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return errorLine('INVALID_INPUT', '输入不正确：每行应为一个 JSON 对象')
  }
  try {
    switch (command) {
      case 'assess': {
        const fast = fastAssessInput(value)
        const parsed = fast ? { ok: true as const, data: fast } : parseWith<Parameters<typeof assess>[0]>(assessInputSchema, value)
        if (!parsed.ok) return parsed.line
        const a = assess(parsed.data)
        return JSON.stringify({ payable: a.payable, amountFen: a.amountFen, lines: a.lines, reasons: a.reasons, endsCoverage: a.endsCoverage })
      }
      case 'participation': {
        const parsed = parseWith<Parameters<typeof checkParticipation>[0]>(participationInputSchema, value)
        if (!parsed.ok) return parsed.line
        const r = checkParticipation(parsed.data)
        return JSON.stringify({ ok: r.ok, reasons: r.reasons })
      }
      case 'quote': {
        const parsed = parseWith<Parameters<typeof quote>[0]>(quoteInputSchema, value)
        if (!parsed.ok) return parsed.line
        const q = quote(parsed.data)
        return q.ok ? JSON.stringify({ totalFen: q.totalFen, lines: q.lines }) : errorLine(q.code, q.message)
      }
      case 'deadline': {
        const parsed = parseWith<Parameters<typeof deadline>[0]>(deadlineInputSchema, value)
        if (!parsed.ok) return parsed.line
        const d = deadline(parsed.data)
        return d.ok ? JSON.stringify({ date: d.date, basis: d.basis }) : errorLine(d.code, d.message)
      }
    }
  } catch (error) {
    return errorLine('INTERNAL_ERROR', `规则计算出错：${error instanceof Error ? error.message : String(error)}`)
  }
  return errorLine('INVALID_INPUT', `未知命令 ${String(command)}`)
}
