import type { AssessClaim, AssessInput, AssessParticipant, PriorDisease } from '../assess/types'
import { parseDayNumber } from '../dates/day-number'
import { isSchemeId } from '../schemes/registry'
import { EXCLUSIONS, type Exclusion } from '../types'

/*
 * Fast path for the CLI: a hand-written check of already well-formed `assess` input. It accepts
 * a strict subset of what `assessInputSchema` accepts (exact scheme ids, no nulls, every field of
 * the right type) and builds the same value; anything else returns `undefined` and the caller falls
 * back to zod, which stays the authority and produces the error message. A property test checks
 * that both paths give identical assessments.
 */

type Obj = Record<string, unknown>

const EXCLUSION_SET = new Set<string>(EXCLUSIONS)
const PARTICIPANT_KEYS = new Set(['firstTime', 'shares', 'coverageStart', 'retiredAtEnrolment', 'sex', 'medicalInsurance', 'priorDiseases', 'paidThisPeriod', 'allowanceDaysUsed'])
const CLAIM_KEYS = new Set(['kind', 'disease', 'severity', 'inSitu', 'eventDate', 'causeOfDeath', 'inpatient', 'designatedHospital', 'admission', 'discharge', 'selfPayFen', 'selfFundedFen', 'exclusions', 'submittedOn'])

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
function optBool(v: unknown): boolean {
  return v === undefined || typeof v === 'boolean'
}
function optDate(v: unknown): boolean {
  return v === undefined || (typeof v === 'string' && !Number.isNaN(parseDayNumber(v)))
}
function optFen(v: unknown): boolean {
  return v === undefined || (typeof v === 'number' && Number.isInteger(v) && v >= 0)
}
function optOneOf(v: unknown, a: string, b: string, c?: string): boolean {
  return v === undefined || v === a || v === b || (c !== undefined && v === c)
}
function onlyKeys(o: Obj, keys: Set<string>): boolean {
  for (const k in o) if (!keys.has(k)) return false
  return true
}

/** Validate and normalise `assess` input without zod; `undefined` = not sure, use the schema. */
export function fastAssessInput(value: unknown): AssessInput | undefined {
  if (!isObj(value)) return undefined
  const { scheme, product, participant: p, claim: c } = value
  if (!isSchemeId(scheme)) return undefined
  if (!optOneOf(product, 'critical', 'inpatient', 'female')) return undefined
  if (!isObj(p) || !isObj(c) || !onlyKeys(p, PARTICIPANT_KEYS) || !onlyKeys(c, CLAIM_KEYS)) return undefined

  if (!optBool(p.firstTime) || !optBool(p.retiredAtEnrolment) || !optBool(p.paidThisPeriod)) return undefined
  if (typeof p.coverageStart !== 'string' || !optDate(p.coverageStart)) return undefined
  if (p.shares !== undefined && !(p.shares === 1 || p.shares === 2 || p.shares === 3)) return undefined
  if (!optOneOf(p.sex, 'male', 'female') || !optOneOf(p.medicalInsurance, 'employee', 'resident', 'none')) return undefined
  if (!optFen(p.allowanceDaysUsed)) return undefined
  let priorDiseases: PriorDisease[] = []
  if (p.priorDiseases !== undefined) {
    if (!Array.isArray(p.priorDiseases)) return undefined
    for (const d of p.priorDiseases as unknown[]) {
      if (!isObj(d) || typeof d.disease !== 'string' || d.disease.length === 0 || !optBool(d.paid) || !optOneOf(d.period, 'previous', 'earlier')) return undefined
    }
    priorDiseases = (p.priorDiseases as Obj[]).map((d) => ({ disease: d.disease as string, paid: (d.paid as boolean | undefined) ?? false, period: (d.period as PriorDisease['period'] | undefined) ?? 'previous' }))
  }

  if (!optOneOf(c.kind, 'illness', 'death', 'inpatient') || !optOneOf(c.severity, 'severe', 'mild') || !optOneOf(c.causeOfDeath, 'illness', 'accident')) return undefined
  if (c.disease !== undefined && typeof c.disease !== 'string') return undefined
  if (!optBool(c.inSitu) || !optBool(c.inpatient) || !optBool(c.designatedHospital)) return undefined
  if (!optDate(c.eventDate) || !optDate(c.admission) || !optDate(c.discharge) || !optDate(c.submittedOn)) return undefined
  if (!optFen(c.selfPayFen) || !optFen(c.selfFundedFen)) return undefined
  let exclusions: Exclusion[] = []
  if (c.exclusions !== undefined) {
    if (!Array.isArray(c.exclusions)) return undefined
    for (const e of c.exclusions as unknown[]) if (typeof e !== 'string' || !EXCLUSION_SET.has(e)) return undefined
    exclusions = c.exclusions as Exclusion[]
  }

  const kind = (c.kind as AssessClaim['kind'] | undefined) ?? (product === 'inpatient' ? 'inpatient' : 'illness')
  const eventDate = c.eventDate as string | undefined
  let admission = c.admission as string | undefined
  const discharge = c.discharge as string | undefined
  if (kind === 'inpatient') {
    admission = admission ?? eventDate
    if (admission === undefined) return undefined
    if (discharge !== undefined && parseDayNumber(discharge) < parseDayNumber(admission)) return undefined
  } else if (eventDate === undefined) {
    return undefined
  }
  // Every key present in a fixed order: one object shape for all lines keeps `assess` monomorphic.
  const participant: AssessParticipant = {
    firstTime: (p.firstTime as boolean | undefined) ?? false,
    shares: p.shares as number | undefined,
    coverageStart: p.coverageStart,
    retiredAtEnrolment: (p.retiredAtEnrolment as boolean | undefined) ?? false,
    sex: p.sex as AssessParticipant['sex'],
    medicalInsurance: p.medicalInsurance as AssessParticipant['medicalInsurance'],
    priorDiseases,
    paidThisPeriod: (p.paidThisPeriod as boolean | undefined) ?? false,
    allowanceDaysUsed: p.allowanceDaysUsed as number | undefined,
  }
  const claim: AssessClaim = {
    kind,
    disease: c.disease as string | undefined,
    severity: c.severity as AssessClaim['severity'],
    inSitu: (c.inSitu as boolean | undefined) ?? false,
    eventDate,
    causeOfDeath: c.causeOfDeath as AssessClaim['causeOfDeath'],
    inpatient: c.inpatient as boolean | undefined,
    designatedHospital: (c.designatedHospital as boolean | undefined) ?? false,
    admission,
    discharge,
    selfPayFen: c.selfPayFen as number | undefined,
    selfFundedFen: c.selfFundedFen as number | undefined,
    exclusions,
    submittedOn: c.submittedOn as string | undefined,
  }
  return {
    scheme,
    product: (product as AssessInput['product']) ?? (kind === 'inpatient' ? 'inpatient' : 'critical'),
    participant,
    claim,
  }
}
