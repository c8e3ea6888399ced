/** A stored instant (ISO string from the cloud) as China Standard Time `YYYY-MM-DD HH:mm`, whatever the phone's zone. */
export function formatCstTime(at: string | Date | null | undefined): string {
  if (!at) return ''
  const ms = new Date(at).getTime()
  if (Number.isNaN(ms)) return ''
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
}

export const ROLE_TEXT: Record<string, string> = {
  worker: '职工本人',
  beneficiary: '受益人',
  clerk: '单位经办人',
  agent: '代理单位',
  office: '互助办',
}

export const EVENT_TEXT: Record<string, string> = {
  submit: '提交申请',
  confirm: '在线确认',
  return: '退回补充材料',
  resubmit: '补充材料后重新提交',
  approve: '审批通过',
  reject: '审批不予给付',
  pay: '登记支付',
}

export const DUE_TEXT: Record<'overdue' | 'due_soon' | 'on_time', string> = {
  overdue: '已超期',
  due_soon: '即将到期',
  on_time: '期限内',
}
