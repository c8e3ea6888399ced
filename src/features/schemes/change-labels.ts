import { PRODUCT_LABEL, UNIT_TYPE_LABEL } from '@mutual-aid/contracts'
import type { Family, Product, UnitType } from '@mutual-aid/shared-rules'
import { SECTIONS, WINDOW_LISTS } from './fields'
import { pathKey } from './paths'

/** The fields of a benefit window, as the editor labels them. */
const WINDOW_FIELD: Record<string, string> = { fromDay: '自第几天起', toDay: '至第几天', perShareFen: '每份金额', benefit: '给付项目', basis: '依据' }

/**
 * A changed value's path in words, for the preview (`critical.severeFen` → `重大疾病（重度）互助金（元）`): the editor's
 * own labels where it has one, else the list it belongs to and the entry.
 */
export function changeLabel(family: Family, path: string): string {
  for (const section of SECTIONS[family]) for (const f of section.fields) if (pathKey(f.path) === path) return f.label
  const disease = /^diseases\.(\w+)\[(\w+)\](?:\.(\w+))?$/.exec(path)
  if (disease) return `${PRODUCT_LABEL[disease[1] as Product] ?? disease[1]}约定疾病 ${disease[2]}${disease[3] === 'name' ? ' 名称' : ''}`
  const fee = /^fees\[(\w+)\]\.(\w+)(?:\.(\w+))?$/.exec(path)
  if (fee) return `缴费标准 · ${PRODUCT_LABEL[fee[1] as Product] ?? fee[1]}${fee[3] ? ` · ${UNIT_TYPE_LABEL[fee[3] as UnitType] ?? fee[3]}` : ''}`
  for (const w of WINDOW_LISTS) {
    if (!path.startsWith(`${pathKey(w.path)}[`)) continue
    const part = /\[(\d+)\](?:\.(\w+))?$/.exec(path)
    const field = part?.[2] ? WINDOW_FIELD[part[2]] ?? part[2] : ''
    return `${w.title} · 第 ${Number(part?.[1] ?? 0) + 1} 段${field ? ` · ${field}` : ''}`
  }
  return path
}

/** A changed value as the office reads it: fen fields in yuan. */
export function changeValue(path: string, value: string): string {
  return /Fen$/.test(path) && /^\d+$/.test(value) ? `${(Number(value) / 100).toFixed(2)} 元` : value
}
