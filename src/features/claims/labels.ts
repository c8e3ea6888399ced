/**
 * Claim texts only the app shows: what happens next per status (for the filer and for reviewers), and tag colours.
 * The codes' names (products, kinds, statuses, reject codes) are the contract's and the rules' labels.
 */
import type { ClaimStatus } from '@mutual-aid/shared-rules'
import type { TagTheme } from '@/components/ui'

/** What the worker should know or do now, per status. */
export const NEXT_STEP: Record<ClaimStatus, string> = {
  submitted: '单位工会经办人将在线确认您的申请（代替纸质盖章），无需您操作。',
  clerk_confirmed: '代理单位（区/系统工会）正在复核，无需您操作。',
  agent_confirmed: '互助办正在审批，将在材料齐全后 30 个工作日内作出结论。',
  returned: '请按退回原因补充或更换材料照片，然后重新提交。',
  approved: '审批已通过，互助办将把互助金转入您填写的账户。',
  rejected: '本次申请不予给付，理由见下方。如有疑问请联系单位工会或互助办。',
  paid: '互助金已支付，请留意银行到账信息。',
  proposed: '根据医保结算数据，您这次住院可以领取补助。请核对住院信息和金额，确认收款账户后提交；不需要拍照上传材料。',
  held: '这次住院已有您提交的申请，按该申请办理，不会重复给付。',
  declined: '您已放弃这笔补助。如有疑问请联系单位工会或互助办。',
  lapsed: '已超过本年度申请截止日期未确认，这笔补助已失效。',
  withdrawn: '这份申请已撤回，不再办理。如需申请，可重新提交。',
}

/** The same, as reviewers read it (clerk, agent, office). */
export const REVIEW_STEP: Record<ClaimStatus, string> = {
  submitted: '等待单位工会经办人核对材料并在线确认（代替盖章），或退回补充材料。',
  clerk_confirmed: '等待代理单位复核确认，或退回补充材料。',
  agent_confirmed: '等待互助办审批：核对规则核定结果后核准（可调整金额并说明理由）或不予给付。',
  returned: '已退回申请人补充材料；重新提交后回到提出补充要求的环节。',
  approved: '已核准，等待互助办转账后登记支付。',
  rejected: '已作出不予给付的结论。',
  paid: '互助金已支付，已计入基金台账。',
  proposed: '由医保结算数据生成，等待参加人本人确认收款账户；确认后进入审核。',
  held: '同一次住院已有手工申请，此条医保结算补助暂不办理（已关联该申请）。',
  declined: '参加人已放弃这笔补助。',
  lapsed: '参加人逾期未确认，已失效。',
  withdrawn: '申请人已撤回，不需要再办理。',
}

/**
 * What a reviewer whose turn it is should do, by the step the function lets them take: REVIEW_STEP speaks of them in
 * the third person ("等待单位工会经办人核对…"), which read to the clerk as if someone else still had to act.
 */
export const YOUR_STEP = {
  confirm: '轮到您办理：核对材料和规则核定结果，无误请在下方在线确认（代替盖章）；材料不全请退回申请人，写明要补什么。',
  approve: '轮到您审批：核对规则核定结果后点「核准」（可调整金额并说明理由），或点「不予给付」并写明理由。',
  pay: '已核准，轮到您付款：转账后点「登记支付」，填写支付日期和转账凭证号。',
} as const

/** Tag colour of each claim status, in lists and on the detail page. */
export const STATUS_THEME: Record<ClaimStatus, TagTheme> = {
  submitted: 'primary',
  clerk_confirmed: 'primary',
  agent_confirmed: 'primary',
  returned: 'warning',
  approved: 'success',
  rejected: 'danger',
  paid: 'success',
  proposed: 'warning',
  held: 'primary',
  declined: 'danger',
  lapsed: 'danger',
  withdrawn: 'default',
}
