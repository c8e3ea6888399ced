import { formatDayNumber } from '../dates/day-number'
import { periodEndDay } from '../coverage/period'
import { findDisease } from '../schemes/disease-index'
import type { DayWindow, WhScheme } from '../schemes/types'
import type { Line, Reason } from '../types'
import { dayOf, eventDayOf, exclusionReasons, priorOfSameCode, productDef, reason } from './common'
import { outcome } from './outcome'
import type { AssessInput, Assessment, ClaimAssessment } from './types'

function windowFor(windows: readonly DayWindow[], dayNumber: number): DayWindow | undefined {
  for (const w of windows) if (dayNumber >= w.fromDay && (w.toDay === null || dayNumber <= w.toDay)) return w
  return undefined
}

function lineOf(w: { perShareFen: number; basis: string }, benefit: string, shares: number): Line {
  return { benefit, amountFen: w.perShareFen * shares, basis: w.basis }
}

/**
 * Assess a WH critical-illness claim (illness or death) against every benefit line and exclusion
 * of the scheme (第二条、第七条至第十条、第十四条至第十六条、第十八条). `withEffects` adds what paying it ends.
 */
export function assessWh(s: WhScheme, input: AssessInput, withEffects: boolean): Assessment | ClaimAssessment {
  const p = input.participant
  const c = input.claim
  const product = input.product ?? s.products[0].id
  const def = productDef(s, product)
  const blocking: Reason[] = []
  if (!def) {
    blocking.push(reason('PRODUCT_NOT_OFFERED', s.products[0].basis, '本办法只有重大疾病医疗互助一个项目，不受理该项目的申请。'))
    return outcome(s, undefined, [], blocking, [], false, withEffects)
  }
  if (c.kind === 'inpatient') {
    blocking.push(reason('NOT_COVERED_BENEFIT', s.coveredDiseaseBasis, '本办法不设住院津贴或住院费用补助，只对第二条所列重大疾病给付。'))
    return outcome(s, undefined, [], blocking, [], false, withEffects)
  }
  const shares = p.shares ?? 1
  const start = dayOf(p.coverageStart, 'participant.coverageStart')
  const end = periodEndDay(s, start)
  const event = eventDayOf(input)
  const day = event - start + 1
  const isDeath = c.kind === 'death'

  if (event < start || event > end) {
    blocking.push(reason('OUTSIDE_PERIOD', s.periodBasis,
      `${isDeath ? '身故' : '确诊'}日期不在本期互助期限（${formatDayNumber(start)} 至 ${formatDayNumber(end)}）内。`))
  }
  if (p.retiredAtEnrolment) blocking.push(reason('RETIRED', s.retired.basis, s.retired.message))
  if (p.paidThisPeriod) {
    blocking.push(reason('COVERAGE_ENDED', def.payout.basis, '本期已领取过互助金、慰问金或身故抚恤补助金，互助责任已终止。'))
  }
  const fraudEnds = exclusionReasons(s, input, product, blocking)
  if (c.submittedOn !== undefined) {
    const last = event + s.claimDeadline.days - 1
    if (dayOf(c.submittedOn, 'claim.submittedOn') > last) {
      blocking.push(reason('LATE_CLAIM', s.lateClaimBasis,
        `申请须在${isDeath ? '身故' : '首次确诊'}之日起 ${s.claimDeadline.days} 天内（最迟 ${formatDayNumber(last)}）提出，已超过期限，视作放弃。`))
    }
  }
  if (p.firstTime && day >= 1 && day <= s.waitingThroughDay) {
    blocking.push(reason('OBSERVATION_PERIOD', s.waitingBasis,
      `首次参加的职工在参加互助之日起 ${s.waitingThroughDay} 天内${isDeath ? '因病身故' : '确诊'}（本次为第 ${day} 天），不予给付。`))
  }
  const disease = findDisease(s, product, c.disease)
  const inpatient = c.inpatient === true
  const designated = c.designatedHospital === true

  if (isDeath) {
    if ((c.causeOfDeath ?? 'illness') !== 'illness') {
      blocking.push(reason('NOT_ILLNESS_DEATH', s.notIllnessDeathBasis, '非因病原因直接引致身故，不属于身故抚恤补助金的给付范围。'))
    }
    if (!inpatient) blocking.push(reason('NOT_INPATIENT', s.deathBasis, '身故抚恤补助金要求在指定医疗机构住院治疗期间因病身故。'))
    if (!designated) blocking.push(reason('NOT_DESIGNATED_HOSPITAL', s.deathBasis, '身故时所住医院不是互助办指定的医疗机构。'))
    if (p.firstTime) {
      const w = windowFor(s.deathFirstTime, day)
      return outcome(s, def, w ? [lineOf(w, 'death', shares)] : [], blocking, [], fraudEnds, withEffects)
    }
    if (!disease) return outcome(s, def, [lineOf(s.deathRenewing.outsideList, 'death', shares)], blocking, [], fraudEnds, withEffects)
    const prior = priorOfSameCode(s, product, disease.code, p.priorDiseases)
    if (prior.length === 0) {
      // [I-2]: a covered disease first diagnosed this period → the medical benefit, not a death benefit.
      const w = windowFor(s.illnessRenewing, day)
      const line: Line | undefined = w && { benefit: w.benefit, amountFen: w.perShareFen * shares, basis: s.deathRenewing.firstDiagnosedThisPeriodBasis }
      return outcome(s, def, line ? [line] : [], blocking, [], fraudEnds, withEffects)
    }
    if (prior.some((x) => x.paid && x.period === 'previous')) {
      return outcome(s, def, [lineOf(s.deathRenewing.samePaidPrevious, 'death', shares)], blocking, [], fraudEnds, withEffects)
    }
    if (prior.some((x) => !x.paid)) {
      return outcome(s, def, [lineOf(s.deathRenewing.priorUnpaid, 'death', shares)], blocking, [], fraudEnds, withEffects)
    }
    blocking.push(reason('PRE_EXISTING', s.deathBasis,
      '曾在更早的互助周期领取过同类疾病的医疗互助金，本期因同类疾病身故不属于第十条第（二）项所列的给付情形。'))
    return outcome(s, def, [], blocking, [], fraudEnds, withEffects)
  }

  // Illness: first diagnosis of one listed disease, inpatient, at a designated hospital.
  if (!disease) {
    blocking.push(reason('NOT_COVERED_DISEASE', s.coveredDiseaseBasis, '所患疾病不在本办法第二条规定的16种重大疾病范围内。'))
  } else {
    if (c.inSitu && disease.inSituExcluded) {
      blocking.push(reason('IN_SITU', disease.basis, '原位癌不具有浸润和转移特性，不符合第二十二条对恶性肿瘤的定义。'))
    }
    if (priorOfSameCode(s, product, disease.code, p.priorDiseases).length > 0) {
      blocking.push(reason('PRE_EXISTING', s.preExistingBasis, '参加互助前已患过同一大类疾病，本期重患不予给付。'))
    }
  }
  if (!inpatient) blocking.push(reason('NOT_INPATIENT', s.inpatientBasis, '重大疾病须经住院治疗才能申请互助金。'))
  if (!designated) blocking.push(reason('NOT_DESIGNATED_HOSPITAL', s.designatedHospitalBasis, '确诊医院不是互助办指定的医疗机构。'))
  const w = windowFor(p.firstTime ? s.illnessFirstTime : s.illnessRenewing, day)
  return outcome(s, def, w ? [lineOf(w, w.benefit, shares)] : [], blocking, [], fraudEnds, withEffects)
}
