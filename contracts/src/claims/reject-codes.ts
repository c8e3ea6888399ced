/** Stable rejection codes the office picks from (assessment reason codes plus review findings), with their Chinese. */
export const REJECT_CODES = {
  NOT_PAYABLE: '经核定不符合给付条件',
  LATE_CLAIM: '超过申请时限',
  FRAUD: '隐瞒、伪造或欺诈',
  MISDIAGNOSIS: '误诊',
  INCOMPLETE_MATERIALS: '材料不全且逾期未补',
  NOT_COVERED: '不属于保障范围',
} as const
export type RejectCode = keyof typeof REJECT_CODES

/** The Chinese of a rejection code; an unknown code (from an older version) is shown as it is. */
export const rejectLabel = (code: string): string => REJECT_CODES[code as RejectCode] ?? code
