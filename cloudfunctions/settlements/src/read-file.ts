import { cellText, dateText, openSheet } from '@cloud-shared/spreadsheet'
import { COLUMNS, DATE_KEYS, type ColumnKey } from './columns'

/** One data row as text, with its spreadsheet row number (header = row 1). */
export interface RawRow {
  row: number
  cells: Record<ColumnKey, string>
  problems: { field: ColumnKey; message: string }[]
}

/**
 * A monthly export of a city is about 20,000 rows. The whole file is read and checked in the import's first call (an
 * import with any error changes nothing), inside the function's 20 s: a 20,000-row xlsx reads in 2.5–3.4 s on a busy
 * machine here, so 30,000 leaves room; a larger file is split by the office.
 */
export const MAX_ROWS = 30_000

/** Reads an xlsx or csv settlement export into text rows; refuses what it cannot read in words the office can act on. */
export async function readSettlementFile(buffer: Buffer, fileName: string): Promise<RawRow[]> {
  const { sheet, colOf } = await openSheet(
    buffer,
    fileName,
    {
      unreadable: '无法读取该文件。请使用下载的医保结算导入模板，保存为 Excel（.xlsx）或 CSV 格式后重新上传。',
      empty: '文件中没有数据。请在模板中填写医保结算明细后再上传。',
      template: '医保结算导入模板',
      split: '请按月份或区县拆分文件后分批导入。',
    },
    { columns: COLUMNS, maxRows: MAX_ROWS },
  )
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
