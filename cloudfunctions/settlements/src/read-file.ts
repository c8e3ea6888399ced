import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { AppError } from '@cloud-shared/errors'
import { cellText, dateText, decodeText } from '@cloud-shared/spreadsheet'
import { COLUMNS, DATE_KEYS, type ColumnKey } from './columns'

/** One data row as text, with its spreadsheet row number (header = row 1). */
export interface RawRow {
  row: number
  cells: Record<ColumnKey, string>
  problems: { field: ColumnKey; message: string }[]
}

/** A monthly export of a city is about 20,000 rows; a file several times that is split by the office. */
export const MAX_ROWS = 60_000

/** Reads an xlsx or csv settlement export into text rows; refuses what it cannot read in words the office can act on. */
export async function readSettlementFile(buffer: Buffer, fileName: string): Promise<RawRow[]> {
  const wb = new ExcelJS.Workbook()
  const isCsv = /\.csv$/i.test(fileName) || !(buffer[0] === 0x50 && buffer[1] === 0x4b) // xlsx is a zip: "PK"
  let sheet: ExcelJS.Worksheet | undefined
  try {
    if (isCsv) {
      // Every cell as text: ID numbers and serials must not become numbers.
      sheet = await wb.csv.read(Readable.from([decodeText(buffer)]), { map: (v: string) => v } as unknown as Parameters<typeof wb.csv.read>[1])
    } else {
      await wb.xlsx.load(buffer as unknown as Parameters<typeof wb.xlsx.load>[0])
      sheet = wb.worksheets.find((ws) => ws.actualRowCount > 0)
    }
  } catch {
    throw new AppError('BAD_FILE', '无法读取该文件。请使用下载的医保结算导入模板，保存为 Excel（.xlsx）或 CSV 格式后重新上传。')
  }
  if (!sheet || sheet.actualRowCount === 0) throw new AppError('BAD_FILE', '文件中没有数据。请在模板中填写医保结算明细后再上传。')
  const colOf = new Map<ColumnKey, number>()
  sheet.getRow(1).eachCell((cell, col) => {
    const text = cellText(cell.value).replace(/\s|\*|（必填）|\(必填\)|（元）|\(元\)/g, '')
    const column = COLUMNS.find((c) => (c.aliases as readonly string[]).includes(text))
    if (column && !colOf.has(column.key)) colOf.set(column.key, col)
  })
  const missing = COLUMNS.filter((c) => !colOf.has(c.key)).map((c) => c.header)
  if (missing.length) {
    throw new AppError('BAD_FILE', `第 1 行缺少表头：${missing.join('、')}。请使用下载的模板（表头依次为 ${COLUMNS.map((c) => c.header).join('、')}）。`)
  }
  if (sheet.actualRowCount - 1 > MAX_ROWS) throw new AppError('BAD_FILE', `一次最多导入 ${MAX_ROWS} 行，请按月份或区县拆分文件后分批导入。`)
  const rows: RawRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return
    const cells = {} as Record<ColumnKey, string>
    const problems: RawRow['problems'] = []
    for (const c of COLUMNS) {
      const value = row.getCell(colOf.get(c.key) as number).value
      if ((c.key === 'idNumber' || c.key === 'serial') && typeof value === 'number' && value > Number.MAX_SAFE_INTEGER) {
        problems.push({ field: c.key, message: `${c.header}被 Excel 存成了数字，末几位已丢失。请把该列设置为“文本”格式后重新导出` })
      }
      cells[c.key] = DATE_KEYS.includes(c.key) ? dateText(value) : cellText(value).trim()
    }
    if (Object.values(cells).every((v) => v === '')) return
    rows.push({ row: rowNumber, cells, problems })
  })
  return rows
}
