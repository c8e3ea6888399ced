/**
 * Every code a rule answers when it refuses something or flags a rule that is not met, with the short Chinese title
 * a reviewer or clerk reads in a list. The code is the stable contract (stored on claims, shown by the CLI); the
 * article is never part of the code: each {@link Reason} carries its `basis`, read from the scheme version's data
 * (a test checks that every basis the rules answer is stated in that version's data).
 */
export const REASON_CODES = {
  // Claims (assess)
  OUTSIDE_PERIOD: '不在保障期内',
  RETIRED: '参加时已退休',
  COVERAGE_ENDED: '本期保障已终止或已用完',
  LATE_CLAIM: '超过申请期限',
  OBSERVATION_PERIOD: '观察期内确诊或身故',
  NOT_ILLNESS_DEATH: '非因病身故',
  NOT_INPATIENT: '未经住院治疗',
  NOT_DESIGNATED_HOSPITAL: '非指定医院',
  NO_MEDICAL_INSURANCE: '未参加基本医疗保险',
  NOT_ELIGIBLE_SEX: '不属于该项目的保障对象',
  NOT_COVERED_DISEASE: '不属于保障疾病',
  NOT_COVERED_BENEFIT: '不属于该项目的给付范围',
  IN_SITU: '原位癌',
  PRE_EXISTING: '参加前已患同类疾病',
  PRODUCT_NOT_OFFERED: '方案不含该保障项目',
  FRAUD: '隐瞒、伪造或欺诈',
  MISDIAGNOSIS: '错误诊断',
  EXCLUDED_CAUSE: '属于除外原因',
  // Enrolment (declaration, participation, new hires)
  ENROLMENT_NOT_OPEN: '尚未开始参保',
  ENROLMENT_CLOSED: '参保时间已过',
  PARTICIPANTS_EXCEED_STAFF: '参加人数超过在职职工人数',
  PARTICIPATION_MIN_COUNT: '参加人数不足',
  PARTICIPATION_RATIO: '参加比例不足',
  LATE_NEW_HIRE: '超过新入职增员期限',
  NO_PRODUCT: '未选择保障项目',
  INVALID_SHARES: '份额不符合规定',
  PERIOD_OVER: '该年度保障期已无可保障的日期',
  // Fees and deadlines
  FEES_NOT_ANNOUNCED: '缴费标准尚未公布',
  NO_REVIEW_DEADLINE: '未规定审核时限',
} as const

/** A stable rule code; see {@link REASON_CODES}. */
export type ReasonCode = keyof typeof REASON_CODES

/**
 * Whether `code` is one of the rules' codes.
 *
 * @example isReasonCode('OBSERVATION_PERIOD') // true
 */
export function isReasonCode(code: unknown): code is ReasonCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(REASON_CODES, code)
}

/**
 * The short Chinese title of a rule code, for lists and filters.
 *
 * @example reasonTitle('LATE_CLAIM') // '超过申请期限'
 */
export function reasonTitle(code: ReasonCode): string {
  return REASON_CODES[code]
}
