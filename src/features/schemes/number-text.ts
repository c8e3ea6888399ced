import { fenToYuan, yuanToFen } from '@mutual-aid/shared-rules'
import type { FieldKind } from './fields'

/** A stored value as the field shows it: fen as yuan, percentages and counts as digits, null as empty. */
export function toText(kind: FieldKind, value: unknown): string {
  if (value === null || value === undefined) return ''
  if (kind === 'yuan' || kind === 'optionalYuan') return typeof value === 'number' ? fenToYuan(value) : ''
  return String(value)
}

/** What a field's text means, or why it cannot be read (`{ error }`). Empty optional fields are `null`. */
export function fromText(kind: FieldKind, text: string): { value: unknown } | { error: string } {
  const t = text.trim()
  if (kind === 'text' || kind === 'date') return { value: t }
  if (t === '') return kind === 'optionalYuan' || kind === 'optionalCount' ? { value: null } : { error: '请填写' }
  if (kind === 'yuan' || kind === 'optionalYuan') {
    try {
      const fen = yuanToFen(t)
      return fen < 0 ? { error: '金额不能为负数' } : { value: fen }
    } catch {
      return { error: '请填写金额，如 30 或 30.50' }
    }
  }
  if (kind === 'percent') return /^\d+(\.\d+)?$/.test(t) ? { value: Number(t) } : { error: '请填写 0–100 的数字' }
  return /^\d+$/.test(t) ? { value: Number(t) } : { error: '请填写整数' }
}
