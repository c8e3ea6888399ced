import type { Role, Whoami } from '@mutual-aid/contracts'
import type { IconName } from '@/components/ui'
import { BIND_PAGE, ENTRY_PAGE, HOME_PAGE } from '@/services/app-pages'

export { ROLE_LABEL } from '@mutual-aid/contracts'

/** Order in which the sign-in page groups demo identities. */
export const ROLE_ORDER: readonly Role[] = ['worker', 'clerk', 'agent', 'office']

export interface MenuEntry {
  key: string
  title: string
  /** TDesign icon name, same on both platforms. */
  icon: IconName
  url: string
}

const INBOX: MenuEntry = { key: 'inbox', title: '消息', icon: 'notification', url: '/packages/claims/inbox/index' }

/** The feature entries on each role's home page. */
export const ROLE_MENU: Record<Role, readonly MenuEntry[]> = {
  worker: [
    { key: 'coverage', title: '我的保障', icon: 'secured', url: '/packages/enrol/coverage/index' },
    { key: 'claim-new', title: '申请互助金', icon: 'add-circle', url: '/packages/claims/new/index' },
    { key: 'claim-list', title: '我的申请', icon: 'file-paste', url: '/packages/claims/list/index' },
    INBOX,
  ],
  clerk: [
    { key: 'roster', title: '职工名册', icon: 'usergroup', url: '/packages/enrol/roster/index' },
    { key: 'declare', title: '网上申报', icon: 'edit-1', url: '/packages/enrol/declare/index' },
    { key: 'declarations', title: '申报记录', icon: 'view-list', url: '/packages/enrol/declarations/index' },
    { key: 'certificate', title: '履约确认书', icon: 'certificate', url: '/packages/enrol/certificate/index' },
    { key: 'unit-edit', title: '单位信息', icon: 'city', url: '/packages/enrol/unit-edit/index' },
    { key: 'review', title: '待确认申请', icon: 'task-checked', url: '/packages/claims/review/index' },
    { key: 'claim-on-behalf', title: '代职工申请', icon: 'user-add', url: '/packages/claims/new/index?onBehalf=1' },
    INBOX,
  ],
  agent: [
    { key: 'units', title: '参加单位', icon: 'city', url: '/packages/enrol/units/index' },
    { key: 'declarations', title: '待审核申报', icon: 'view-list', url: '/packages/enrol/declarations/index' },
    { key: 'review', title: '待确认申请', icon: 'task-checked', url: '/packages/claims/review/index' },
    { key: 'report', title: '基金报表', icon: 'chart-bar', url: '/packages/fund/report/index' },
    { key: 'settlements', title: '医保结算导入', icon: 'file-paste', url: '/packages/settle/import/index' },
    INBOX,
  ],
  office: [
    { key: 'units', title: '参加单位', icon: 'city', url: '/packages/enrol/units/index' },
    { key: 'declarations', title: '申报与缴费', icon: 'wallet', url: '/packages/enrol/declarations/index' },
    { key: 'review', title: '互助金审批', icon: 'task-checked', url: '/packages/claims/review/index' },
    { key: 'ledger', title: '基金台账', icon: 'chart-bar', url: '/packages/claims/ledger/index' },
    { key: 'schemes', title: '方案管理', icon: 'setting', url: '/packages/office/schemes/index' },
    { key: 'reminders', title: '提醒记录', icon: 'alarm', url: '/packages/office/reminders/index' },
    { key: 'payment-settings', title: '缴费账户', icon: 'wallet', url: '/packages/office/payment-settings/index' },
    { key: 'report', title: '基金报表', icon: 'chart-bar', url: '/packages/fund/report/index' },
    { key: 'batches', title: '银行批量支付', icon: 'wallet', url: '/packages/fund/batches/index' },
    { key: 'settlements', title: '医保结算导入', icon: 'file-paste', url: '/packages/settle/import/index' },
    INBOX,
  ],
}

export { BIND_PAGE, ENTRY_PAGE, HOME_PAGE }

/** Where a signed-in user lands: an unbound WeChat user first binds to a unit or roster person. */
export function landingPage(whoami: Pick<Whoami, 'role'>): string {
  return whoami.role === null ? BIND_PAGE : HOME_PAGE
}

/** The line under the name on the home header: the unit or agent the user acts for. */
export function affiliation(whoami: Whoami): string {
  if (whoami.role === 'agent') return whoami.agentName ?? ''
  if (whoami.role === 'office') return '职工医疗互助办公室'
  return whoami.unitName ?? ''
}

export function displayName(whoami: Whoami): string {
  return whoami.name || whoami.personName || '微信用户'
}
