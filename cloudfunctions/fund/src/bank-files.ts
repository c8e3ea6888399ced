import {
  BANK_FAILED_WORDS,
  BANK_FILE_COLUMNS,
  BANK_PAID_WORDS,
  BANK_PURPOSE,
  BANK_RESULT_COLUMNS,
  bankAmount,
  fenFromBankAmount,
} from '@mutual-aid/contracts'
import { AppError } from '@cloud-shared/errors'
import type { BankLineResult, BatchDoc } from './model'

// exceljs is large: loaded only where a file is written or read.
const excel = async () => (await import('exceljs')).default

/** The batch as the bank's batch-transfer import reads it (see BANK_FILE_COLUMNS for the columns and their source). */
export async function batchWorkbook(batch: Pick<BatchDoc, 'batchNo' | 'items'>): Promise<Buffer> {
  const ExcelJS = await excel()
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('批量转账')
  ws.columns = BANK_FILE_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }))
  ws.getRow(1).font = { bold: true }
  // Accounts and amounts as text: Excel would round an 19-digit account number and drop an amount's trailing zero.
  ws.getColumn('account').numFmt = '@'
  ws.getColumn('amount').numFmt = '@'
  for (const line of batch.items) {
    ws.addRow({ n: line.n, account: line.payee.account, name: line.payee.name, bank: line.payee.bank, amount: bankAmount(line.amountFen), purpose: BANK_PURPOSE, reference: line.reference })
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

export interface ResultRow extends BankLineResult {
  row: number
  reference: string
  amountFen: number | null
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'object') {
    const v = value as { text?: unknown; result?: unknown; richText?: { text: string }[] }
    if (v.richText) return v.richText.map((r) => r.text).join('')
    if (v.text !== undefined) return String(v.text)
    if (v.result !== undefined) return String(v.result)
  }
  return String(value)
}

/** Most rows a result file may hold (a batch has at most 300 lines; headers and notes besides). */
const MAX_RESULT_ROWS = 1000

/**
 * Reads the bank's result file: for each row its reference (备注 / 附言), amount, 处理结果 (paid or failed), the bank's
 * reference and the failure reason. Refuses a file it cannot read, in words the office can act on.
 */
export async function readResultFile(content: Buffer): Promise<ResultRow[]> {
  const ExcelJS = await excel()
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(content as unknown as Parameters<typeof wb.xlsx.load>[0])
  } catch {
    throw new AppError('BAD_FILE', '无法读取该文件。请上传银行网银导出的 Excel（.xlsx）回单文件。')
  }
  const ws = wb.worksheets.find((w) => w.actualRowCount > 0)
  if (!ws) throw new AppError('BAD_FILE', '回单文件中没有数据。')
  if (ws.actualRowCount > MAX_RESULT_ROWS) throw new AppError('BAD_FILE', `回单文件超过 ${MAX_RESULT_ROWS} 行，请核对是否选错了文件。`)
  const col = new Map<string, number>()
  ws.getRow(1).eachCell((cell, n) => {
    const text = cellText(cell.value).replace(/\s/g, '')
    const base = BANK_FILE_COLUMNS.find((c) => c.header === text || (c.key === 'reference' && (text === '附言' || text === '摘要')))
    if (base && !col.has(base.key)) col.set(base.key, n)
    const extra = BANK_RESULT_COLUMNS.find((c) => (c.aliases as readonly string[]).includes(text))
    if (extra && !col.has(extra.key)) col.set(extra.key, n)
  })
  const need = [
    ['reference', '备注'],
    ['amount', '金额'],
    ['outcome', '处理结果'],
  ] as const
  const missing = need.filter(([k]) => !col.has(k)).map(([, h]) => h)
  if (missing.length) throw new AppError('BAD_FILE', `回单第 1 行缺少表头：${missing.join('、')}。请上传银行返回的批量转账结果文件。`)
  const rows: ResultRow[] = []
  const problems: string[] = []
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return
    const get = (key: string) => {
      const c = col.get(key)
      return c ? cellText(row.getCell(c).value).trim() : ''
    }
    const reference = get('reference')
    if (!reference) return
    const word = get('outcome').replace(/\s/g, '')
    const outcome = BANK_PAID_WORDS.includes(word) ? 'paid' : BANK_FAILED_WORDS.includes(word) ? 'failed' : null
    if (!outcome) {
      problems.push(`第 ${n} 行处理结果“${word || '空'}”无法识别（应为“成功”或“失败”）`)
      return
    }
    const bankRef = get('bankRef').slice(0, 60) || null
    const reason = get('reason').slice(0, 120) || null
    if (outcome === 'paid' && !bankRef) problems.push(`第 ${n} 行成功但没有银行流水号`)
    rows.push({ row: n, reference: reference.slice(0, 60), amountFen: fenFromBankAmount(get('amount')), outcome, bankRef, reason: outcome === 'failed' ? reason ?? '银行未说明原因' : null })
  })
  if (problems.length) throw new AppError('BAD_FILE', `回单有 ${problems.length} 处问题：${problems.slice(0, 5).join('；')}。请核对后重新上传。`)
  return rows
}

/**
 * Matches the result rows to the batch's lines: every line exactly once, by its reference and amount. Anything else
 * (a line missing, a reference not in the batch, an amount that differs) refuses the whole file: no line is applied.
 */
export function matchResult(batch: Pick<BatchDoc, 'items'>, rows: ResultRow[]): BankLineResult[] {
  const byRef = new Map<string, ResultRow>()
  const problems: string[] = []
  for (const r of rows) {
    if (byRef.has(r.reference)) problems.push(`备注 ${r.reference} 出现了两次（第 ${byRef.get(r.reference)?.row} 行和第 ${r.row} 行）`)
    byRef.set(r.reference, r)
  }
  const refs = new Set(batch.items.map((l) => l.reference))
  for (const r of rows) if (!refs.has(r.reference)) problems.push(`第 ${r.row} 行备注 ${r.reference} 不在本批次中`)
  const results = batch.items.map((line) => {
    const r = byRef.get(line.reference)
    if (!r) {
      problems.push(`缺少第 ${line.n} 笔（备注 ${line.reference}）`)
      return null
    }
    if (r.amountFen !== line.amountFen) problems.push(`第 ${r.row} 行金额与批次第 ${line.n} 笔（${bankAmount(line.amountFen)} 元）不符`)
    return { outcome: r.outcome, bankRef: r.bankRef, reason: r.reason }
  })
  if (problems.length) throw new AppError('BAD_FILE', `回单与本批次不符，未做任何处理：${problems.slice(0, 5).join('；')}${problems.length > 5 ? ` 等 ${problems.length} 处` : ''}。请确认上传的是本批次的银行回单。`)
  return results as BankLineResult[]
}
