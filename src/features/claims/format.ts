import { ROLE_LABEL, type HistoryEvent } from '@mutual-aid/contracts'

/** Who acted, in a claim's history: a review level, or the filer (the worker themself, a clerk, a beneficiary). */
export const ROLE_TEXT: Record<string, string> = {
  ...ROLE_LABEL,
  worker: '职工本人',
  beneficiary: '受益人',
}

/** Every step a claim's history records, as the timeline (办理记录) names it. */
export const EVENT_TEXT: Record<HistoryEvent, string> = {
  submit: '提交申请',
  confirm: '在线确认',
  return: '退回补充材料',
  resubmit: '补充材料后重新提交',
  approve: '审批通过',
  reject: '审批不予给付',
  pay: '登记支付',
  propose: '提议核准（待第二位审批人确认）',
  withdraw_proposal: '退回核准提议',
  withdraw: '撤回申请',
  // A claim proposed from the bureau's settlement data (免申即享).
  offer: '根据医保结算数据生成补助',
  hold: '根据医保结算数据生成补助（暂不办理）',
  release: '同次住院的手工申请已结束',
  accept: '本人确认领取',
  decline: '本人放弃领取',
  lapse: '逾期未确认，已失效',
}

export const DUE_TEXT: Record<'overdue' | 'due_soon' | 'on_time', string> = {
  overdue: '已超期',
  due_soon: '即将到期',
  on_time: '期限内',
}
