import { formatDayNumber, parseDayNumber } from '../dates/day-number'
import { percentOf } from '../money/round-half-up'
import { diseaseByCode, findDisease } from '../schemes/disease-index'
import type { DiseaseDef, TzScheme } from '../schemes/types'
import type { Line, Product, Reason } from '../types'
import { dayOf, eventDayOf, exclusionReasons, priorOfSameCode, productDef, reason } from './common'
import { outcome } from './outcome'
import type { AssessInput, Assessment, ClaimAssessment } from './types'

const activityDays = new WeakMap<object, { from: number; to: number; claimsTo: number }>()

function daysOf(s: TzScheme): { from: number; to: number; claimsTo: number } {
  let d = activityDays.get(s.activity)
  if (!d) {
    d = { from: parseDayNumber(s.activity.from), to: parseDayNumber(s.activity.to), claimsTo: parseDayNumber(s.claims.to) }
    activityDays.set(s.activity, d)
  }
  return d
}

/** Checks shared by the three TZ products; returns whether an exclusion ends coverage. */
function commonChecks(s: TzScheme, input: AssessInput, product: Product, event: number, blocking: Reason[]): boolean {
  const p = input.participant
  const c = input.claim
  const days = daysOf(s)
  const start = Math.max(dayOf(p.coverageStart, 'participant.coverageStart'), days.from)
  if (event < start || event > days.to) {
    const what = product === 'inpatient' ? '入院' : '确诊'
    blocking.push(reason('OUTSIDE_PERIOD', product === 'inpatient' ? s.inpatient.admissionBasis : s.activity.basis,
      `${what}日期不在保障期（${formatDayNumber(start)} 至 ${s.activity.to}）内。`))
  }
  if (p.retiredAtEnrolment) blocking.push(reason('RETIRED', s.retired.basis, s.retired.message))
  const ends = exclusionReasons(s, input, product, blocking)
  if (c.submittedOn !== undefined && dayOf(c.submittedOn, 'claim.submittedOn') > days.claimsTo) {
    blocking.push(reason('LATE_CLAIM', s.claims.basis, `本年度补助申请截止到 ${s.claims.to}，逾期不享受补助。`))
  }
  return ends
}

function assessInpatient(s: TzScheme, input: AssessInput, withEffects: boolean): Assessment | ClaimAssessment {
  const p = input.participant
  const c = input.claim
  const def = productDef(s, 'inpatient')
  const blocking: Reason[] = []
  const partial: Reason[] = []
  if (!def) {
    blocking.push(reason('PRODUCT_NOT_OFFERED', s.products[0].basis, `${s.name}不包含住院医疗互助项目。`))
    return outcome(s, undefined, [], blocking, partial, false, withEffects)
  }
  if (c.kind !== 'inpatient') {
    blocking.push(reason('NOT_COVERED_BENEFIT', def.basis, '住院医疗互助只对住院发生的费用和住院天数给予补助。'))
    return outcome(s, undefined, [], blocking, partial, false, withEffects)
  }
  const admission = eventDayOf(input)
  const ends = commonChecks(s, input, 'inpatient', admission, blocking)
  if (c.inpatient === false) {
    blocking.push(reason('NOT_INPATIENT', def.basis, '住院医疗互助不包含特殊病门诊等非住院费用。'))
  }
  const ip = s.inpatient
  const lines: Line[] = []
  // [I-7]: the admission day counts, the discharge day does not.
  const stay = c.discharge === undefined ? 0 : Math.max(0, dayOf(c.discharge, 'claim.discharge') - admission)
  const remaining = Math.max(0, ip.allowanceMaxDays - Math.max(0, Math.floor(p.allowanceDaysUsed ?? 0)))
  const allowanceDays = Math.min(stay, remaining)
  if (allowanceDays > 0) {
    lines.push({ benefit: 'inpatient_allowance', amountFen: allowanceDays * ip.allowancePerDayFen, basis: ip.allowanceBasis })
  } else if (stay > 0) {
    partial.push(reason('COVERAGE_ENDED', ip.allowanceBasis, `住院津贴每期最多 ${ip.allowanceMaxDays} 天，本期已用完。`))
  }
  const insurance = p.medicalInsurance ?? 'none'
  const selfPay = c.selfPayFen ?? 0
  if (selfPay > 0) {
    if (c.designatedHospital !== true) {
      partial.push(reason('NOT_DESIGNATED_HOSPITAL', ip.subsidyBasis.employee, '住院医疗费补助须在指定医院住院，本次住院医院不是指定医院。'))
    } else if (insurance === 'none') {
      partial.push(reason('NO_MEDICAL_INSURANCE', ip.subsidyBasis.employee,
        '住院医疗费补助按职工医保或城乡居民医保报销后的自负部分计算，未参加基本医疗保险的无法计算补助。'))
    } else {
      const computed = percentOf(selfPay, ip.subsidyPercent[insurance])
      const amount = ip.subsidyCapFen === null ? computed : Math.min(computed, ip.subsidyCapFen)
      lines.push({ benefit: 'inpatient_subsidy', amountFen: amount, basis: ip.subsidyBasis[insurance] })
    }
  }
  if (lines.length === 0 && partial.length === 0) {
    // Nothing to pay and nothing refused: a same-day stay (no allowance day, [I-7]) with no self-paid cost.
    partial.push(reason('NOT_COVERED_BENEFIT', ip.allowanceBasis,
      '入院当天出院不计住院津贴天数，本次住院也没有可补助的自负医疗费用，因此没有可给付的金额。'))
  }
  return outcome(s, def, lines, blocking, partial, ends, withEffects, allowanceDays)
}

function resolveCritical(s: TzScheme, def: DiseaseDef, severity: 'severe' | 'mild' | undefined): DiseaseDef | undefined {
  if (def.mild || severity !== 'mild') return def
  return def.mildCode ? diseaseByCode(s, 'critical', def.mildCode) : undefined
}

function assessDiagnosis(s: TzScheme, input: AssessInput, product: 'critical' | 'female', withEffects: boolean): Assessment | ClaimAssessment {
  const p = input.participant
  const c = input.claim
  const def = productDef(s, product)
  const blocking: Reason[] = []
  const productBasis = product === 'critical' ? s.critical.basis : s.female.basis
  if (!def) {
    blocking.push(reason('PRODUCT_NOT_OFFERED', s.products[0].basis, `${s.name}不包含该保障项目。`))
    return outcome(s, undefined, [], blocking, [], false, withEffects)
  }
  if (c.kind !== 'illness') {
    blocking.push(reason('NOT_COVERED_BENEFIT', productBasis, '该项目在首次确诊保障疾病时给付，不设身故或住院补助。'))
    return outcome(s, undefined, [], blocking, [], false, withEffects)
  }
  const event = eventDayOf(input)
  const ends = commonChecks(s, input, product, event, blocking)
  if (p.paidThisPeriod) {
    blocking.push(reason('COVERAGE_ENDED', def.payout.basis,
      '本期已领取过该项目的互助保障金，每期只给付一次。'))
  }
  if (product === 'female' && p.sex === 'male') {
    blocking.push(reason('NOT_ELIGIBLE_SEX', s.female.sexBasis, '女职工特殊病互助保障只保障女职工。'))
  }
  const found = findDisease(s, product, c.disease)
  const disease = found && product === 'critical' ? resolveCritical(s, found, c.severity) : found
  let line: Line | undefined
  if (!disease) {
    blocking.push(reason('NOT_COVERED_DISEASE', productBasis, found
      ? `“${found.name}”的轻度情形不在保障疾病范围内。`
      : product === 'critical' ? '所患疾病不在重大疾病保障范围内。' : '所患疾病不属于女职工特殊病（原发性女性特有癌症）保障范围。'))
  } else {
    if (c.inSitu && disease.inSituExcluded) {
      blocking.push(reason('IN_SITU', disease.basis, '原位癌不在保障范围内。'))
    }
    if (priorOfSameCode(s, product, disease.code, p.priorDiseases).length > 0) {
      blocking.push(reason('PRE_EXISTING', productBasis, '该疾病在本期之前已确诊过，不属于首次确诊。'))
    }
    if (product === 'female') line = { benefit: 'female_cancer', amountFen: s.female.fen, basis: s.female.basis }
    else if (disease.mild) line = { benefit: 'critical_mild', amountFen: s.critical.mildFen, basis: s.critical.basis }
    else line = { benefit: 'critical', amountFen: s.critical.severeFen, basis: s.critical.basis }
  }
  return outcome(s, def, line ? [line] : [], blocking, [], ends, withEffects)
}

/**
 * Assess a TZ claim for one product: inpatient (allowance + cost subsidy, [I-7] [I-8] [I-11]),
 * critical illness (severe 5,000 / mild 2,000 yuan, [I-9]) or women's special illness (5,000 yuan,
 * [I-10]). No observation period ([I-13]).
 */
export function assessTz(s: TzScheme, input: AssessInput, withEffects: boolean): Assessment | ClaimAssessment {
  const product = input.product ?? (input.claim.kind === 'inpatient' ? 'inpatient' : 'critical')
  if (product === 'inpatient') return assessInpatient(s, input, withEffects)
  return assessDiagnosis(s, input, product, withEffects)
}

