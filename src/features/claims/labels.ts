import type { ClaimKind, ClaimProduct, RejectCode } from './schemas'
import type { ClaimStatus } from './state-machine'
import { REJECT_CODES } from './schemas'

export const PRODUCT_LABEL: Record<ClaimProduct, string> = {
  critical: '重大疾病互助',
  inpatient: '住院医疗互助',
  female: '女职工特殊病互助',
}

export const KIND_LABEL: Record<ClaimKind, string> = {
  illness: '确诊申请',
  death: '身故抚恤',
  inpatient: '住院补助',
}

export const FAMILY_LABEL: Record<'WH' | 'TZ', string> = {
  WH: '武汉城市圈职工重大疾病医疗互助',
  TZ: '台州市在职职工医疗互助',
}

export const FILED_AS_LABEL: Record<'worker' | 'clerk' | 'beneficiary', string> = {
  worker: '本人申请',
  clerk: '单位经办人代为申请',
  beneficiary: '受益人申请',
}

export const INSURANCE_LABEL: Record<'employee' | 'resident' | 'none', string> = {
  employee: '职工基本医疗保险',
  resident: '城乡居民医疗保险',
  none: '未参加医保',
}

export const BENEFIT_LABEL: Record<string, string> = {
  consolation: '慰问金',
  medical: '医疗互助金',
  death: '身故抚恤金',
  inpatient_allowance: '住院津贴',
  inpatient_subsidy: '住院医疗费补助',
  critical: '重大疾病互助金',
  critical_mild: '轻症互助金',
  female_cancer: '女职工特殊病互助金',
}

export const rejectLabel = (code: string): string => REJECT_CODES[code as RejectCode] ?? code

/** Which kinds of claim each product has, per scheme family. */
export function kindsFor(family: 'WH' | 'TZ', product: ClaimProduct): ClaimKind[] {
  if (family === 'WH') return ['illness', 'death']
  return product === 'inpatient' ? ['inpatient'] : ['illness']
}

/** Tag colour of each claim status, in lists and on the detail page. */
export const STATUS_THEME: Record<ClaimStatus, 'primary' | 'warning' | 'danger' | 'success'> = {
  submitted: 'primary',
  clerk_confirmed: 'primary',
  agent_confirmed: 'primary',
  returned: 'warning',
  approved: 'success',
  rejected: 'danger',
  paid: 'success',
}
