import type ExcelJS from 'exceljs'
import { isValidDate } from '@mutual-aid/shared-rules'

/**
 * Reading spreadsheet cells the way people fill them in Excel or WPS, shared by the file imports (the unit roster,
 * the bureau's settlement export): text as typed, dates in the usual Chinese forms, CSV in UTF-8 or GB18030.
 */

/** UTF-8 (with or without BOM), else GB18030 — what Excel on a Chinese Windows saves a CSV as. */
export function decodeText(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '')
  } catch {
    return new TextDecoder('gb18030').decode(buffer)
  }
}

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value)
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('text' in value && typeof value.text === 'string') return value.text
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
  }
  return String(value)
}

// Excel's day 0 is 1899-12-30 (the 1900 leap-year bug included).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30)

/**
 * A date cell as `YYYY-MM-DD`: a Date (exceljs gives calendar dates as UTC midnight), an Excel serial number, or text
 * such as 2015-03-01, 2015/3/1, 2015.3.1, 2015年3月1日, 20150301. Anything else is returned as typed, for the error.
 */
export function dateText(value: ExcelJS.CellValue): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'number' && value > 0 && value < 100_000) {
    return new Date(EXCEL_EPOCH_MS + Math.round(value) * 86_400_000).toISOString().slice(0, 10)
  }
  const text = cellText(value).trim()
  if (/^\d{5}$/.test(text)) return dateText(Number(text))
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text)
  if (m) {
    const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`
    if (isValidDate(iso)) return iso
  }
  return text
}
