import { cellText, dateText, openSheet } from '@cloud-shared/spreadsheet'
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
  const { sheet, colOf } = await openSheet(
    buffer,
    fileName,
    {
      unreadable: '无法读取该文件。请使用下载的名册模板，保存为 Excel（.xlsx）或 CSV 格式后重新上传。',
      empty: '文件中没有数据。请在模板中填写职工信息后再上传。',
      template: '名册模板',
      split: '请拆分文件后分批导入。',
    },
    { columns: COLUMNS, optional: ['status'], maxRows: MAX_ROWS },
  )
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
