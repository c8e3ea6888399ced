import { Readable } from 'node:stream'
import type ExcelJS from 'exceljs'
import { loadExcelJS } from './load-exceljs'
import { AppError } from '@cloud-shared/errors'
import { cellText, dateText, decodeText } from '@cloud-shared/spreadsheet'
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
