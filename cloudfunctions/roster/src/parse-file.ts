import { Readable } from 'node:stream'
import type ExcelJS from 'exceljs'
import { loadExcelJS } from './load-exceljs'
import { isValidDate } from '@mutual-aid/shared-rules'
import { AppError } from '@cloud-shared/errors'
import { COLUMNS, type ColumnKey } from './columns'

/** One data row of the file as text, with its row number as the spreadsheet shows it (header = row 1). */
export interface RawRow {
  row: number
  cells: Record<ColumnKey, string>
  /** A cell problem found while reading (e.g. an ID stored as a number and rounded by Excel). */
  problems: { field: ColumnKey; message: string }[]
}

const MAX_ROWS = 50_000

/** Reads an xlsx or csv roster file into text rows. Refuses files it cannot read, in words the clerk can act on. */
export async function readRosterFile(buffer: Buffer, fileName: string): Promise<RawRow[]> {
  const { Workbook } = await loadExcelJS()
  const wb = new Workbook()
  const isCsv = /\.csv$/i.test(fileName) || !(buffer[0] === 0x50 && buffer[1] === 0x4b) // xlsx is a zip: "PK"
  let sheet: ExcelJS.Worksheet | undefined
  try {
    if (isCsv) {
      // Keep every cell as text (IDs must not become numbers); exceljs types want parser options we do not set.
      sheet = await wb.csv.read(Readable.from([decodeText(buffer)]), { map: (v: string) => v } as unknown as Parameters<typeof wb.csv.read>[1])
    } else {
      await wb.xlsx.load(buffer as unknown as Parameters<typeof wb.xlsx.load>[0])
      sheet = wb.worksheets.find((ws) => ws.actualRowCount > 0)
    }
  } catch {
    throw new AppError('BAD_FILE', '无法读取该文件。请使用下载的名册模板，保存为 Excel（.xlsx）或 CSV 格式后重新上传。')
  }
  if (!sheet || sheet.actualRowCount === 0) throw new AppError('BAD_FILE', '文件中没有数据。请在模板中填写职工信息后再上传。')

  const header = sheet.getRow(1)
  const colOf = new Map<ColumnKey, number>()
  header.eachCell((cell, col) => {
    const text = cellText(cell.value).replace(/\s|\*|（必填）|\(必填\)/g, '')
    const column = COLUMNS.find((c) => (c.aliases as readonly string[]).includes(text))
    if (column && !colOf.has(column.key)) colOf.set(column.key, col)
  })
  const missing = COLUMNS.filter((c) => c.key !== 'status' && !colOf.has(c.key)).map((c) => c.header)
  if (missing.length) {
    throw new AppError('BAD_FILE', `第 1 行缺少表头：${missing.join('、')}。请使用下载的名册模板（表头依次为 ${COLUMNS.map((c) => c.header).join('、')}）。`)
  }
  if (sheet.actualRowCount - 1 > MAX_ROWS) throw new AppError('BAD_FILE', `一次最多导入 ${MAX_ROWS} 行，请拆分文件后分批导入。`)

  const rows: RawRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return
    const cells = {} as Record<ColumnKey, string>
    const problems: RawRow['problems'] = []
    for (const c of COLUMNS) {
      const col = colOf.get(c.key)
      const value = col ? row.getCell(col).value : null
      if (c.key === 'idNumber' && typeof value === 'number' && value > Number.MAX_SAFE_INTEGER) {
        problems.push({ field: 'idNumber', message: '身份证号码被 Excel 存成了数字，末几位已丢失。请把该列设置为“文本”格式后重新填写' })
      }
      cells[c.key] = c.key === 'hireDate' ? dateText(value) : cellText(value).trim()
    }
    if (Object.values(cells).every((v) => v === '')) return
    rows.push({ row: rowNumber, cells, problems })
  })
  return rows
}

/** UTF-8 (with or without BOM), else GB18030 — what Excel on a Chinese Windows saves a CSV as. */
function decodeText(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '')
  } catch {
    return new TextDecoder('gb18030').decode(buffer)
  }
}

function cellText(value: ExcelJS.CellValue): string {
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
