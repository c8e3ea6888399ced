import { createHash } from 'node:crypto'
import { z } from 'zod'
import { settlementEvidenceSchema } from '@mutual-aid/contracts'
import { isValidDate, maskResidentId, parseResidentId } from '@mutual-aid/shared-rules'
import type { FunctionConfig } from '@cloud-shared/config'
import { hashId } from '@cloud-shared/id-crypto'
import { COLUMNS, INSURANCE_WORDS, YES_NO, type ColumnKey } from './columns'
import type { RawRow } from './read-file'

export interface RowError {
  row: number
  field: ColumnKey | null
  message: string
}

/**
 * A valid settlement row: the bureau's settlement as a claim shows it (`settlementEvidenceSchema`, the one place its
 * fields are spelled), with the person — the resident ID only as keyed hash and masked form — and where it stands in
 * the file. The stored row (`SettlementDoc`), the staged batches and a claim's evidence are all this shape.
 */
export const validRowSchema = settlementEvidenceSchema.extend({
  row: z.number().int(),
  /** `stl-<sha256 of the serial>`: the settlement's document id, so one serial is stored once whatever file brings it. */
  settlementId: z.string(),
  name: z.string(),
  idHash: z.string(),
  idMasked: z.string(),
  /** The first row of the file with the same serial: this row is a repeat and is reported as a duplicate. */
  repeatOf: z.number().int().nullable(),
})
export type ValidRow = z.infer<typeof validRowSchema>

const LABEL = Object.fromEntries(COLUMNS.map((c) => [c.key, c.header])) as Record<ColumnKey, string>

/** The document id of a settlement serial (the serial may hold any characters; the id must not). */
export const settlementIdOf = (serial: string): string => `stl-${createHash('sha256').update(serial).digest('hex').slice(0, 40)}`

/**
 * Yuan as typed (`4000`, `4000.5`, `4,000.00`, `¥4000.00`) → integer fen; null when it is not an amount. Excel numbers
 * arrive as their shortest decimal text, so a float is never multiplied.
 */
export function yuanToFen(text: string): number | null {
  const t = text.replace(/[,，\s¥￥元]/g, '')
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(t)
  if (!m) return null
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'))
}

/**
 * Checks every row of the export (ID with its check digit, insurance, hospital, dates in order, amounts that add up,
 * serial) and marks repeated serials. Errors carry the spreadsheet row number so the office can fix the file.
 */
export function validateRows(rows: RawRow[], today: string, secrets: FunctionConfig['secrets']): { valid: ValidRow[]; errors: RowError[] } {
  const errors: RowError[] = []
  const valid: ValidRow[] = []
  const firstRowOfSerial = new Map<string, number>()
  for (const raw of rows) {
    const rowErrors: RowError[] = raw.problems.map((p) => ({ row: raw.row, field: p.field, message: p.message }))
    const err = (field: ColumnKey, message: string) => rowErrors.push({ row: raw.row, field, message: `${LABEL[field]}：${message}` })
    const c = raw.cells
    const parsed = rowErrors.some((e) => e.field === 'idNumber') ? null : parseResidentId(c.idNumber.toUpperCase())
    if (parsed && !parsed.ok) err('idNumber', c.idNumber ? `“${c.idNumber}”不是有效的身份证号码（${parsed.message}）` : '未填写')
    if (!c.name) err('name', '未填写')
    else if (c.name.length > 60) err('name', '过长')
    const insurance = INSURANCE_WORDS[c.insurance]
    if (!insurance) err('insurance', `“${c.insurance}”无法识别，请填写“职工医保”或“城乡居民医保”`)
    if (!c.hospitalName) err('hospitalName', '未填写')
    else if (c.hospitalName.length > 60) err('hospitalName', '过长')
    if (!c.hospitalCode) err('hospitalCode', '未填写')
    else if (!/^[A-Za-z0-9-]{1,30}$/.test(c.hospitalCode)) err('hospitalCode', `“${c.hospitalCode}”格式不对（字母和数字，最多 30 位）`)
    const designated = YES_NO[c.designated]
    if (designated === undefined) err('designated', `“${c.designated}”无法识别，请填写“是”或“否”`)
    for (const key of ['admission', 'discharge', 'settledOn'] as const) {
      if (!c[key]) err(key, '未填写')
      else if (!isValidDate(c[key])) err(key, `“${c[key]}”不是有效日期，请写成 2021-05-03 的格式`)
      else if (c[key] > today) err(key, `${c[key]} 晚于今天`)
    }
    const datesOk = [c.admission, c.discharge, c.settledOn].every(isValidDate)
    if (datesOk && c.discharge < c.admission) err('discharge', '早于入院日期')
    if (datesOk && c.settledOn < c.admission) err('settledOn', '早于入院日期')
    const fen = {} as Record<'total' | 'fund' | 'selfPay' | 'selfFunded', number | null>
    for (const key of ['total', 'fund', 'selfPay', 'selfFunded'] as const) {
      fen[key] = c[key] === '' ? null : yuanToFen(c[key])
      if (c[key] === '') err(key, '未填写（没有请填 0）')
      else if (fen[key] === null) err(key, `“${c[key]}”不是金额，请填写数字（元，最多两位小数）`)
    }
    if (fen.total !== null && fen.fund !== null && fen.selfPay !== null && fen.selfFunded !== null && fen.fund + fen.selfPay + fen.selfFunded > fen.total) {
      err('total', '统筹基金支付、个人自负、个人自理之和大于医疗总费用，请核对')
    }
    if (!c.serial) err('serial', '未填写')
    else if (!/^[A-Za-z0-9_-]{1,40}$/.test(c.serial)) err('serial', `“${c.serial}”格式不对（字母、数字、- 或 _，最多 40 位）`)
    if (!rowErrors.length && parsed?.ok) {
      const first = firstRowOfSerial.get(c.serial)
      if (first === undefined) firstRowOfSerial.set(c.serial, raw.row)
      valid.push({
        row: raw.row,
        serial: c.serial,
        settlementId: settlementIdOf(c.serial),
        name: c.name,
        idHash: hashId(secrets, parsed.id),
        idMasked: maskResidentId(parsed.id),
        insurance: insurance as ValidRow['insurance'],
        hospitalName: c.hospitalName,
        hospitalCode: c.hospitalCode,
        designated: designated as boolean,
        admission: c.admission,
        discharge: c.discharge,
        totalFen: fen.total as number,
        fundFen: fen.fund as number,
        selfPayFen: fen.selfPay as number,
        selfFundedFen: fen.selfFunded as number,
        settledOn: c.settledOn,
        repeatOf: first ?? null,
      })
    }
    errors.push(...rowErrors)
  }
  return { valid, errors }
}
