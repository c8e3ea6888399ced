/**
 * Subscribe-message templates (订阅消息): what each notice is called, its keywords with their WeChat types, and the
 * page it opens. One definition serves three sides: the functions fill exactly these keywords
 * (cloudfunctions/_shared/src/notify.ts), the app asks for exactly these templates at the taps that lead to them
 * (src/features/notifications), and the local cloud checks every value by its type as WeChat does.
 *
 * Template ids are not here: they are environment configuration, chosen in the mini-program console (订阅消息 →
 * 公共模板库) to match these keywords — `SUBSCRIBE_TEMPLATES` for the functions, `TARO_APP_TEMPLATE_*` for the weapp
 * build. Without configuration, the local cloud and the H5 app use {@link localTemplateId}.
 *
 * Keyword names follow WeChat's `<type><n>` form (`thing1`, `date3`); a keyword's type decides what WeChat accepts
 * (see {@link KeywordType}). A one-time subscription allows one send per 允许 tapped, so every notice here is asked for
 * on a tap that comes before it (see `askedAt`).
 */

/** WeChat's keyword types (subscribeMessage.send checks each value by its type; a bad value answers 47003). */
export type KeywordType =
  | 'thing'
  | 'number'
  | 'letter'
  | 'symbol'
  | 'character_string'
  | 'time'
  | 'date'
  | 'amount'
  | 'phone_number'
  | 'car_number'
  | 'name'
  | 'phrase'

export interface TemplateDefinition {
  /** The template's title as chosen in the console. */
  title: string
  /** Keyword name → type, in the template's order. */
  keywords: Readonly<Record<string, KeywordType>>
  /** Mini-program page the message opens (query added per message). */
  page: string
  /** Who receives it and when (documentation for the console set-up). */
  sentTo: string
  /** The tap where the app asks for it (a one-time subscription must come from a tap before the send). */
  askedAt: string
}

export const TEMPLATES = {
  enrolmentReviewed: {
    title: '申报审核结果通知',
    keywords: { thing1: 'thing', phrase2: 'phrase', thing3: 'thing' },
    page: 'packages/enrol/declaration/index',
    sentTo: '单位经办人：代理单位审核通过或退回申报时',
    askedAt: '单位经办人点“提交申报”（每次提交，包括退回后重新提交）',
  },
  enrolmentPaid: {
    title: '缴费确认通知',
    keywords: { thing1: 'thing', amount2: 'amount', date3: 'date' },
    page: 'packages/enrol/declaration/index',
    sentTo: '单位经办人：互助办确认到账、保障生效时',
    askedAt: '单位经办人点“提交申报”',
  },
  coverageStarted: {
    title: '保障生效通知',
    keywords: { thing1: 'thing', date2: 'date', date3: 'date' },
    page: 'packages/enrol/coverage/index',
    sentTo: '已绑定的职工：单位缴费确认、本人保障生效时',
    askedAt: '职工点“绑定”',
  },
  unitChangedLate: {
    title: '单位信息逾期变更提醒',
    keywords: { thing1: 'thing', phrase2: 'phrase', date3: 'date' },
    page: 'packages/enrol/units/index',
    sentTo: '互助办：单位信息变更超过规定期限才报告时（WH 第二十三条）',
    askedAt: '互助办点“核准”“不予给付”“确认已支付”（审批操作时顺带订阅下一条提醒）',
  },
  claimReceived: {
    title: '申请受理通知',
    keywords: { character_string1: 'character_string', phrase2: 'phrase', date3: 'date' },
    page: 'packages/claims/detail/index',
    sentTo: '申请人和参加人：互助金申请提交后',
    askedAt: '申请人点“提交申请”',
  },
  claimNeedsMaterials: {
    title: '补充材料通知',
    keywords: { character_string1: 'character_string', phrase2: 'phrase', thing3: 'thing', date4: 'date' },
    page: 'packages/claims/detail/index',
    sentTo: '申请人和参加人：申请被退回补充材料时',
    askedAt: '申请人点“提交申请”，以及每次点“重新提交”',
  },
  claimDecided: {
    title: '审批结果通知',
    keywords: { character_string1: 'character_string', phrase2: 'phrase', amount3: 'amount', date4: 'date' },
    page: 'packages/claims/detail/index',
    sentTo: '申请人和参加人：互助办核准或不予给付时',
    askedAt: '申请人点“提交申请”，以及每次点“重新提交”',
  },
  claimPaid: {
    title: '互助金到账通知',
    keywords: { character_string1: 'character_string', amount2: 'amount', date3: 'date' },
    page: 'packages/claims/detail/index',
    sentTo: '申请人和参加人：互助办确认已支付时',
    askedAt: '申请人点“重新提交”，或在已核准的申请详情页点“到账时提醒我”',
  },
  reviewPending: {
    title: '待审核提醒',
    keywords: { character_string1: 'character_string', thing2: 'thing', date3: 'date' },
    page: 'packages/claims/detail/index',
    sentTo: '单位经办人、代理单位、互助办：互助金申请到达本环节时（提交、确认、补充材料后重新提交）',
    askedAt: '单位经办人和代理单位在互助金申请上点“确认无误”，互助办点“核准”“不予给付”“确认已支付”',
  },
  reviewDue: {
    title: '审核期限提醒',
    keywords: { character_string1: 'character_string', date2: 'date', phrase3: 'phrase' },
    page: 'packages/claims/detail/index',
    sentTo: '正在审核的环节：距第十九条 30 个工作日的审核期限不足 5 个工作日时、超过期限后各一次（TZ 未规定审核期限，不发）',
    askedAt: '单位经办人和代理单位在互助金申请上点“确认无误”，互助办点“核准”“不予给付”“确认已支付”',
  },
  claimDraftDeadline: {
    title: '申请期限提醒',
    keywords: { thing1: 'thing', date2: 'date', thing3: 'thing' },
    page: 'packages/claims/new/index',
    sentTo: '填写人：互助金申请草稿未提交、距申请期限（WH 第十八条 120 天；TZ 补助申请期截止）不足 15 天时一次',
    askedAt: '申请人第一次点“保存，下一步”（保存草稿）',
  },
  enrolmentWindow: {
    title: '参保申报提醒',
    keywords: { thing1: 'thing', date2: 'date', phrase3: 'phrase' },
    page: 'packages/enrol/declare/index',
    sentTo: '单位经办人：参保申报期开始时、截止前 10 天（尚未申报的单位）；WH 续保以第十二条 30 天宽限期为截止',
    askedAt: '单位经办人点“提交申报”',
  },
  newHireDeadline: {
    title: '新职工参加期限提醒',
    keywords: { thing1: 'thing', date2: 'date', date3: 'date' },
    page: 'packages/enrol/declare/index',
    sentTo: '单位经办人：名册中新入职、尚未参加的职工距第十三条 2 个月期限不足 15 天时一次',
    askedAt: '单位经办人在互助金申请上点“确认无误”',
  },
  claimPayFailed: {
    title: '付款失败通知',
    keywords: { character_string1: 'character_string', amount2: 'amount', thing3: 'thing', date4: 'date' },
    page: 'packages/claims/detail/index',
    sentTo: '申请人和参加人：银行批量转账回单显示该笔付款失败时',
    askedAt: '在已核准的申请详情页点“到账时提醒我”',
  },
  claimProposed: {
    title: '互助补助待确认通知',
    // date1: the stay as a range (`2021年5月3日~2021年5月13日`, WeChat's date range form); date4: the last day to confirm.
    keywords: { date1: 'date', amount2: 'amount', thing3: 'thing', date4: 'date' },
    page: 'packages/claims/proposal/index',
    sentTo: '参加人：医保结算数据生成可领取的住院补助时，以及确认截止前的提醒',
    askedAt: '职工点“绑定”（之后每次打开补助页面可再订阅一次截止提醒）',
  },
} as const satisfies Record<string, TemplateDefinition>

export type TemplateKey = keyof typeof TEMPLATES

export const TEMPLATE_KEYS = Object.keys(TEMPLATES) as TemplateKey[]

/** The keywords a notice of template `K` must fill, each as its text value. */
export type TemplateFields<K extends TemplateKey> = { [F in keyof (typeof TEMPLATES)[K]['keywords']]: string }

/** WeChat shows at most this many templates in one subscribe request. */
export const MAX_TEMPLATES_PER_REQUEST = 3

/**
 * The taps where the app asks for subscriptions, and what each asks for (at most 3). Every notice a function sends is
 * asked for on a tap before it: submitting a claim covers its receipt, a return and the decision; each resubmission
 * asks again (the return used its grant) and adds the payment notice, which an approved claim's page also offers.
 */
export const SUBSCRIBE_ON = {
  claimSubmit: ['claimReceived', 'claimNeedsMaterials', 'claimDecided'],
  claimResubmit: ['claimNeedsMaterials', 'claimDecided', 'claimPaid'],
  claimApproved: ['claimPaid', 'claimPayFailed'],
  declare: ['enrolmentReviewed', 'enrolmentPaid', 'enrolmentWindow'],
  bind: ['coverageStarted', 'claimProposed'],
  proposalOpened: ['claimProposed', 'claimReceived'],
  officeReview: ['unitChangedLate', 'reviewPending', 'reviewDue'],
  clerkConfirm: ['reviewPending', 'reviewDue', 'newHireDeadline'],
  agentConfirm: ['reviewPending', 'reviewDue'],
  claimDraft: ['claimDraftDeadline'],
} as const satisfies Record<string, readonly TemplateKey[]>

export type SubscribeMoment = keyof typeof SUBSCRIBE_ON

/** The id a template has where none is configured (the local cloud and the H5 app). */
export function localTemplateId(key: TemplateKey): string {
  return `local-${key}`
}

/** A business date `YYYY-MM-DD` as WeChat's `date` keyword wants it: `2021年6月15日`. */
export function wxDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate)
  if (!m) throw new RangeError(`wxDate: not a YYYY-MM-DD date: ${isoDate}`)
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`
}

/** Integer fen as WeChat's `amount` keyword wants it: currency sign, plain digits, no thousands separator (`¥20000.00`). */
export function wxAmount(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`wxAmount: fen must be a non-negative integer: ${fen}`)
  return `¥${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
}

/** Text for a `thing` keyword (at most 20 characters): longer text is cut and ends with `…`. */
export function wxThing(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()]
  return chars.length <= 20 ? chars.join('') : `${chars.slice(0, 19).join('')}…`
}
