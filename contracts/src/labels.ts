/**
 * Chinese names of the contract's codes, one map each. The names the rules word themselves (unit types as the
 * documents print them, benefit names, claim statuses) come from the rules package and are re-exported here.
 */
import { BENEFIT_LABELS, type ClaimKind, type Family, type Product } from '@mutual-aid/shared-rules'
import type { PersonStatus } from './common'

export { UNIT_TYPE_LABELS as UNIT_TYPE_LABEL, STATUS_LABEL, LEVEL_LABEL } from '@mutual-aid/shared-rules'

/** The rules' benefit names, looked up by the benefit code an assessment line or a coverage window carries. */
export const BENEFIT_LABEL: Readonly<Record<string, string>> = BENEFIT_LABELS

export const PRODUCT_LABEL: Record<Product, string> = {
  critical: '重大疾病互助',
  inpatient: '住院医疗互助',
  female: '女职工特殊病互助',
}

export const FAMILY_LABEL: Record<Family, string> = {
  WH: '武汉城市圈职工重大疾病医疗互助',
  TZ: '台州市在职职工医疗互助',
}

/** The short form for tags and filters. */
export const FAMILY_SHORT_LABEL: Record<Family, string> = { WH: '武汉城市圈', TZ: '台州' }

export const PERSON_STATUS_LABEL: Record<PersonStatus, string> = { in_service: '在职', retired: '退休', left: '离职' }

export const KIND_LABEL: Record<ClaimKind, string> = {
  illness: '确诊申请',
  death: '身故抚恤',
  inpatient: '住院补助',
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

export const ENROLMENT_STATUS_LABEL: Record<'draft' | 'submitted' | 'returned' | 'approved' | 'paid', string> = {
  // A declaration whose participations are still being written (a retry or the timer completes it).
  draft: '处理中',
  submitted: '待审核',
  returned: '已退回',
  approved: '待缴费',
  paid: '已缴费',
}

export const ENROLMENT_KIND_LABEL: Record<'annual' | 'new_hire' | 'replacement', string> = {
  annual: '年度申报',
  new_hire: '新入职增员',
  replacement: '参保对象替换',
}
