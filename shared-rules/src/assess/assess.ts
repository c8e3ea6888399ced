import { resolveScheme } from '../schemes/registry'
import { assessTz } from './assess-tz'
import { assessWh } from './assess-wh'
import type { AssessInput, Assessment } from './types'

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
  return scheme.family === 'WH' ? assessWh(scheme, input) : assessTz(scheme, input)
}
