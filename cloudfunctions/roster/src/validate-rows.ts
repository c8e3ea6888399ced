import { isValidDate, maskResidentId, parseResidentId, type Sex } from '@mutual-aid/shared-rules'
import type { FunctionConfig } from '@cloud-shared/config'
import { hashId } from '@cloud-shared/id-crypto'
import { STATUS_WORDS, type ColumnKey } from './columns'
import type { RawRow } from './parse-file'

export interface RowError {
  row: number
  field: ColumnKey | null
  message: string
}

export interface ValidRow {
  row: number
  name: string
  id: string
  idHash: string
  idMasked: string
  birthDate: string
  sex: Sex
  hireDate: string
  status: 'in_service' | 'retired'
}

const FIELD_LABEL: Record<ColumnKey, string> = { name: '姓名', idNumber: '身份证号码', hireDate: '入职日期', status: '在职状态' }

/**
 * Checks every row (name, resident ID with its check digit, hire date, status) and duplicate IDs inside the file.
 * Errors carry the spreadsheet row number so the clerk can find and fix them.
 */
export function validateRows(rows: RawRow[], today: string, secrets: FunctionConfig['secrets']): { valid: ValidRow[]; errors: RowError[] } {
  const errors: RowError[] = []
  const valid: ValidRow[] = []
  const firstRowOfHash = new Map<string, number>()
  for (const raw of rows) {
    const rowErrors: RowError[] = raw.problems.map((p) => ({ row: raw.row, field: p.field, message: p.message }))
    const err = (field: ColumnKey, message: string) => rowErrors.push({ row: raw.row, field, message: `${FIELD_LABEL[field]}：${message}` })
    const { name, idNumber, hireDate, status } = raw.cells
    if (!name) err('name', '未填写')
    else if (name.length > 60) err('name', '过长')
    const parsed = rowErrors.some((e) => e.field === 'idNumber') ? null : parseResidentId(idNumber.toUpperCase())
    if (parsed && !parsed.ok) err('idNumber', idNumber ? `“${idNumber}”不是有效的身份证号码（${parsed.message}）` : '未填写')
    if (!hireDate) err('hireDate', '未填写')
    else if (!isValidDate(hireDate)) err('hireDate', `“${hireDate}”不是有效日期，请写成 2015-03-01 的格式`)
    else if (hireDate > today) err('hireDate', `${hireDate} 晚于今天`)
    const statusValue = STATUS_WORDS[status]
    if (!statusValue) err('status', `“${status}”无法识别，请填写“在职”或“退休”`)
    if (parsed?.ok) {
      if (isValidDate(hireDate) && hireDate < parsed.birthDate) err('hireDate', '早于出生日期')
      const idHash = hashId(secrets, parsed.id)
      const first = firstRowOfHash.get(idHash)
      if (first !== undefined) err('idNumber', `与第 ${first} 行重复`)
      else firstRowOfHash.set(idHash, raw.row)
      if (!rowErrors.length) {
        valid.push({
          row: raw.row,
          name,
          id: parsed.id,
          idHash,
          idMasked: maskResidentId(parsed.id),
          birthDate: parsed.birthDate,
          sex: parsed.sex,
          hireDate,
          status: statusValue,
        })
      }
    }
    errors.push(...rowErrors)
  }
  return { valid, errors }
}
