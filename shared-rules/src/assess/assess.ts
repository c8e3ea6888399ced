import { resolveScheme } from '../schemes/registry'
import { assessTz } from './assess-tz'
import { assessWh } from './assess-wh'
import type { AssessInput, Assessment, ClaimAssessment } from './types'

/**
 * Assess one claim against its scheme: every benefit line with its amount and article, every
 * refusal with its code, article and a Chinese sentence. Pure and allocation-light (the CLI and
 * the claim functions call it per claim); input must already be valid — parse untrusted input
 * with `assessInputSchema` first.
 *
 * `payable` is true when at least one line pays; `reasons` then lists partial refusals (e.g. a
 * TZ cost subsidy refused outside a designated hospital while the allowance is paid).
 *
 * @example
 * assess({ scheme: 'wh-2020', product: 'critical',
 *   participant: { firstTime: true, shares: 2, coverageStart: '2021-03-10' },
 *   claim: { kind: 'illness', disease: '白血病', eventDate: '2021-05-01', inpatient: true, designatedHospital: true } })
 * // → { payable: true, amountFen: 200000, lines: [{ benefit: 'consolation', amountFen: 200000, basis: '第八条' }], reasons: [], endsCoverage: true }
 */
export function assess(input: AssessInput): Assessment {
  const scheme = resolveScheme(input.scheme)
  return scheme.family === 'WH' ? assessWh(scheme, input, false) : assessTz(scheme, input, false)
}

/**
 * {@link assess}, plus what paying the assessment ends for the participant's period (`onPayout`): the products that
 * end (the whole coverage for WH, 第七条、第八条、第十条; the critical or women's product for TZ) and the inpatient
 * allowance days used ([I-7]). The claims function applies `onPayout` as it stands when it approves a claim.
 *
 * @example
 * assessWithEffects({ scheme: 'tz-2021', product: 'inpatient', participant: { firstTime: false, coverageStart: '2021-04-01', medicalInsurance: 'employee' },
 *   claim: { kind: 'inpatient', admission: '2021-05-03', discharge: '2021-05-13', designatedHospital: true } }).onPayout
 * // → { endsProducts: [], allowanceDays: 10, basis: null }
 */
export function assessWithEffects(input: AssessInput): ClaimAssessment {
  const scheme = resolveScheme(input.scheme)
  return (scheme.family === 'WH' ? assessWh(scheme, input, true) : assessTz(scheme, input, true)) as ClaimAssessment
}
