import { ROLE_LABEL } from '@mutual-aid/contracts'

/** Who acted, in a claim's history: a review level, or the filer (the worker themself, a clerk, a beneficiary). */
export const ROLE_TEXT: Record<string, string> = {
  ...ROLE_LABEL,
  worker: '职工本人',
  beneficiary: '受益人',
}

export const EVENT_TEXT: Record<string, string> = {
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
}

export const DUE_TEXT: Record<'overdue' | 'due_soon' | 'on_time', string> = {
  overdue: '已超期',
  due_soon: '即将到期',
  on_time: '期限内',
}
