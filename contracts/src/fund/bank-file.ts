/**
 * The bank batch-transfer file (批量转账 / 代发). Columns follow the corporate online-banking batch payment templates of
 * Chinese banks (e.g. ICBC 企业网银“批量支付”: 收款账号, 收款账号名称, 收款账号开户行, 金额, 汇款用途, 备注): one line per
 * payee, the amount in yuan with two decimals, the purpose, and a note (附言) the bank carries back on its result.
 * The result file the bank returns has the same lines with 处理结果 (成功 / 失败), 银行流水号 and 失败原因.
 * One definition serves the function that writes and reads the files and the tests that play the bank.
 */
export const BANK_FILE_COLUMNS = [
  { key: 'n', header: '序号', width: 6 },
  { key: 'account', header: '收款账号', width: 24 },
  { key: 'name', header: '收款账号名称', width: 14 },
  { key: 'bank', header: '收款账号开户行', width: 26 },
  { key: 'amount', header: '金额', width: 12 },
  { key: 'purpose', header: '汇款用途', width: 14 },
  { key: 'reference', header: '备注', width: 22 },
] as const

/** Extra columns of the bank's result file. */
export const BANK_RESULT_COLUMNS = [
  { key: 'outcome', header: '处理结果', aliases: ['处理结果', '交易状态', '状态', '结果'] },
  { key: 'bankRef', header: '银行流水号', aliases: ['银行流水号', '流水号', '交易流水号', '银行参考号'] },
  { key: 'reason', header: '失败原因', aliases: ['失败原因', '备注说明', '错误信息', '原因'] },
] as const

/** The purpose printed on every line (汇款用途). */
export const BANK_PURPOSE = '职工医疗互助金'

/** 处理结果 words read as paid / failed. */
export const BANK_PAID_WORDS = ['成功', '交易成功', '已成功', '支付成功']
export const BANK_FAILED_WORDS = ['失败', '交易失败', '支付失败', '退回', '已退回']

/** Fen as the bank file's amount: yuan with two decimals, no separators (`12345.60`). */
export function bankAmount(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`bankAmount: fen must be a non-negative integer: ${fen}`)
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
}

/** A bank file amount (`12345.6`, `12345.60`, `12,345.60`) as integer fen, or null when it is not an amount. */
export function fenFromBankAmount(text: string): number | null {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.replace(/[,，\s¥￥元]/g, ''))
  if (!m) return null
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
}
