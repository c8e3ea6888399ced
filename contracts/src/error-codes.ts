/**
 * Every refusal code a cloud function may answer, with what it means. `createMain` answers the common ones; each
 * function adds its own. A function can only raise a code listed here (its `AppError` is typed by this catalogue), and
 * the app can branch on them by name. Refusals the rules decide (enrolment windows, fee quotes, the claim lifecycle)
 * carry the rules' own reason codes (`RuleRefusal` below), catalogued in the rules package.
 */
import type { ReasonCode } from '@mutual-aid/shared-rules'

export const COMMON_ERROR_CODES = {
  INVALID_INPUT: '提交的信息不完整或格式不对',
  UNKNOWN_ACTION: '小程序版本过旧，不认识的操作',
  NOT_SIGNED_IN: '未登录微信',
  FORBIDDEN: '没有权限，或不在自己的单位范围内',
  NOT_FOUND: '记录不存在或已删除',
  CONFLICT: '记录已被他人修改，需刷新后再操作',
  BUSY: '同时办理的人较多，稍后重试即可',
  SCHEME_CONFIG_INVALID: '互助办发布的方案配置无效',
  THROTTLED: '失败次数过多，暂停一段时间',
  SETTINGS_INVALID: '互助办保存的设置无效',
  CONFIG_INVALID: '云函数配置缺失或无效（部署问题）',
  INTERNAL: '系统内部错误',
} as const

export const FUNCTION_ERROR_CODES = {
  auth: {
    ALREADY_BOUND: '微信已绑定职工身份',
    BOUND_ELSEWHERE: '该职工已绑定其他微信',
    HAS_ROLE: '已有其他角色，不能绑定为经办人',
    INVALID_ID: '身份证号码格式不正确',
    INVITE_INVALID: '邀请码不正确、已用或过期',
    NO_MATCH: '姓名与身份证号码和名册不一致',
  },
  units: {
    DUPLICATE_UNIT: '统一社会信用代码已登记',
    NO_CHANGE: '填写的内容与现有信息相同',
  },
  roster: {
    BAD_FILE: '名册文件无法读取',
    DUPLICATE_PERSON: '名册中已有此人',
    INVALID_ID: '身份证号码不正确',
  },
  enrolment: {
    ALREADY_DECLARED: '本期已申报',
    AMOUNT_MISMATCH: '缴费金额与应缴金额不符',
    DUPLICATE_ENROLMENT: '有人本期已在其他单位参加',
    INVALID_SHARES: '份额不符合方案规定',
    INVALID_YEAR: '年度不正确',
    LATE_NEW_HIRE: '新入职职工已超过增员期限',
    NOT_BOUND: '尚未绑定职工身份',
    NOT_IN_SERVICE: '所选人员不是在职职工',
    NOT_ON_ROSTER: '所选人员不在本单位名册',
    NOT_PARTICIPANT: '所选人员不是本期参加人',
    NO_ANNUAL: '本期尚未年度申报',
    NO_COVERAGE: '没有保障记录',
    NO_RECEIPT: '没有上传缴费凭证',
    NO_SCHEME: '该年度没有可参加的方案',
    PARTICIPATION: '参加人数或比例不符合规定',
    PRODUCT_NOT_OFFERED: '方案不包含所选保障项目',
    RECEIPT_UNAVAILABLE: '缴费凭证暂时无法打开',
    RENEWAL_LATE: '续保已超过期限',
    REPLACEMENT_COUNT: '替换进出人数不一致',
    REPLACEMENT_NOT_ALLOWED: '本单位不能替换参保对象',
    REPLACEMENT_OVER_LIMIT: '替换人数超过 20%',
    REPLACEMENT_USED: '本期已替换过一次',
    RETIRED: '退休人员不能参加',
    ROSTER_CHANGED: '名单已变化，请刷新',
    ROSTER_TOO_LARGE: '本期已参加的在职人员过多',
    STAFF_REPORT_REQUIRED: '首次参加须先报上月职工人数',
    WRONG_STATUS: '申报当前状态不能办理此项',
  },
  claims: {
    ALREADY_SUBMITTED: '该草稿已提交',
    AWAITING_SECOND: '核准提议正等待第二位审批人确认',
    FILE_CHANGED: '材料照片上传后被改动或已不存在',
    NO_PROPOSAL: '没有待确认的核准提议',
    SAME_APPROVER: '提议人不能自己确认',
    CONSENT_REQUIRED: '须先同意处理医疗信息',
    INVALID_TRANSITION: '申请当前状态不能办理此项',
    LATE_CLAIM: '超过申请时限',
    MATERIALS_MISSING: '申请材料不全',
    NOTE_REQUIRED: '调整金额须写明理由',
    NOTHING_PAYABLE: '核定给付金额为 0',
    IN_BATCH: '申请已纳入银行支付批次',
    PROPOSAL_EXISTS: '同一次住院已有医保结算生成的补助或申请',
  },
  settlements: {
    BAD_FILE: '医保结算文件无法读取',
    LATE_CLAIM: '超过申请时限',
  },
  messages: {},
  schemes: {
    DRAFT_PUBLISHED: '草稿已发布，不能再修改',
    EFFECTIVE_TOO_EARLY: '施行日期须晚于今天',
    FEES_ALREADY_ANNOUNCED: '该版本的缴费标准已公布',
    FEES_IN_DOCUMENT: '该版本的缴费标准已由方案文件规定',
    INVALID_SCHEME: '方案数据不符合规定',
    VERSION_EXISTS: '该方案版本已存在',
  },
  reminders: {},
  fund: {
    BAD_FILE: '银行回单文件无法读取或与批次不符',
    WRONG_STATUS: '批次当前状态不能办理此项',
    NOTHING_PAYABLE: '所选申请都不能纳入批次',
    RESULT_MISMATCH: '已导入过另一份回单',
  },
} as const

export type FunctionName = keyof typeof FUNCTION_ERROR_CODES

/**
 * The rules' refusals a function passes on as they are (`AppError.fromRule`): enrolment windows and fee quotes.
 * Their wording and article come from the rules; listed here so the app and the tests know every code on the wire.
 */
export const RULE_ERROR_CODES = {
  ENROLMENT_NOT_OPEN: '申报期尚未开始',
  ENROLMENT_CLOSED: '申报期已结束',
  OUTSIDE_PERIOD: '不在互助期内',
  PERIOD_OVER: '该年度保障期已过，须申报下一年度',
  FEES_NOT_ANNOUNCED: '缴费标准尚未公布',
  INVALID_SHARES: '份额不符合方案规定',
  NO_PRODUCT: '未选择保障项目',
  PRODUCT_NOT_OFFERED: '方案不包含所选保障项目',
  PARTICIPANTS_EXCEED_STAFF: '参加人数超过在职人数',
  PARTICIPATION_MIN_COUNT: '参加人数不足',
  PARTICIPATION_RATIO: '参加比例不足',
} as const

/** A refusal code the functions raise themselves. */
export type ErrorCode =
  | keyof typeof COMMON_ERROR_CODES
  | { [F in FunctionName]: keyof (typeof FUNCTION_ERROR_CODES)[F] }[FunctionName]

/**
 * A refusal the rules decided, passed on as they word it: its code is one of the rules' typed reason codes
 * (`REASON_CODES` in @mutual-aid/shared-rules); the function tests hold every code that reaches the wire to
 * {@link RULE_ERROR_CODES}.
 */
export interface RuleRefusal {
  code: ReasonCode
  message: string
}

/** Codes the app makes itself when no answer (or no readable answer) arrived. */
export const CLIENT_ERROR_CODES = {
  NETWORK: '网络不稳定',
  SERVER: '服务暂时不可用',
  BAD_RESPONSE: '服务返回了无法识别的结果',
  UNAUTHENTICATED: '本地登录已失效',
  SIGN_IN_FAILED: '本地登录失败',
} as const
export type ClientErrorCode = keyof typeof CLIENT_ERROR_CODES
