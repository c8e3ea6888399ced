import { resolveScheme, type SchemeRef } from '../schemes/registry'
import { TZ_DOC } from '../schemes/tz-diseases'
import type { Product } from '../types'

/** One item of the claim materials list. */
export interface MaterialItem {
  /** Stable key for uploads, e.g. `application_form`. */
  key: string
  /** Chinese label shown to the clerk and the worker. */
  label: string
  required: boolean
  basis: string
}

function wh(kind: 'illness' | 'death' | 'inpatient'): MaterialItem[] {
  const items: MaterialItem[] = [
    { key: 'application_form', label: '《给付申请书》（经参加单位、代理单位审核确认，线上确认可代替盖章）', required: true, basis: '第十七条第1项' },
    { key: 'participant_id', label: '参加人身份证复印件', required: true, basis: '第十七条第2项' },
  ]
  if (kind === 'death') {
    items.push(
      { key: 'household_cancellation', label: '公安部门出具的户籍注销证明复印件', required: true, basis: '第十七条第2项' },
      { key: 'beneficiary_proof', label: '指定受益人或法定受益人的证明材料', required: true, basis: '第十七条第2项' },
      { key: 'beneficiary_id', label: '受益人身份证复印件', required: true, basis: '第十七条第2项' },
      { key: 'death_certificate', label: '指定医疗机构出具的死亡证明', required: true, basis: '第十七条第3项' },
    )
  } else {
    items.push({ key: 'discharge_summary', label: '指定医疗机构出具的出院小结', required: true, basis: '第十七条第3项' })
  }
  items.push(
    { key: 'surgery_report', label: '手术报告（做过手术的）', required: false, basis: '第十七条第3项' },
    { key: 'diagnostic_reports', label: '病理切片、血液检验等确诊检查报告单', required: true, basis: '第十七条第3项' },
    { key: 'medical_record', label: '病历', required: true, basis: '第十七条第3项' },
    { key: 'other', label: '互助办认为必须提供的其他相关材料', required: false, basis: '第十七条第3项' },
  )
  return items
}

function tz(product: Product): MaterialItem[] {
  const basis = `${TZ_DOC} 四、活动要求(三)(四)`
  const items: MaterialItem[] = [
    { key: 'application_form', label: '补助申请表（经单位工会线上确认）', required: true, basis },
    { key: 'participant_id', label: '参保职工身份证', required: true, basis },
  ]
  if (product === 'inpatient') {
    items.push(
      { key: 'inpatient_receipts', label: '住院费用票据（电子票据亦可）', required: true, basis },
      { key: 'settlement_statement', label: '医保结算单（载明医保自负部分和自理部分）', required: true, basis: `${TZ_DOC} 四(二)2` },
      { key: 'discharge_summary', label: '出院小结', required: true, basis },
    )
  } else {
    items.push(
      { key: 'diagnosis_proof', label: '首次确诊的诊断证明', required: true, basis: product === 'female' ? `${TZ_DOC} 四(二)4` : `${TZ_DOC} 四(二)3` },
      { key: 'diagnostic_reports', label: '病理报告等确诊检查报告单', required: true, basis },
      { key: 'medical_record', label: '病历或出院小结', required: true, basis },
    )
  }
  return items
}

/**
 * Materials a claim needs (WH 第十七条; TZ: receipts and insurance settlement for the inpatient
 * subsidy, 四(二)2 and 活动要求(三)). Death claims add household cancellation and beneficiary proof.
 */
export function materialsChecklist(scheme: SchemeRef, product: Product, kind: 'illness' | 'death' | 'inpatient'): MaterialItem[] {
  const s = resolveScheme(scheme)
  return s.family === 'WH' ? wh(kind) : tz(product)
}
