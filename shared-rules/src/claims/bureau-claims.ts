import { resolveScheme, type SchemeRef } from '../schemes/registry'
import type { ReviewLevel } from './lifecycle'

export interface BureauClaimRules {
  /** The review level a participant's accepted proposal enters at. */
  reviewFrom: ReviewLevel
  /** Days before the claims cutoff when an unconfirmed proposal is reminded. */
  reminderDaysBefore: number
  basis: string
}

/**
 * The default for a scheme that does not set `inpatient.bureauClaims`: the bureau's data replaces the worker's photos
 * of invoices, not the unit's and agent's confirmation that the person is their staff, so an accepted proposal goes
 * through every level like a filed claim; unconfirmed proposals are reminded two weeks before the cutoff.
 */
export const DEFAULT_BUREAU_CLAIM_RULES: BureauClaimRules = {
  reviewFrom: 'clerk',
  reminderDaysBefore: 14,
  basis: '本系统约定（免申即享，台州通知“有效对接医保部门相关数据”）',
}

/**
 * How claims proposed from the bureau's settlement data are handled under a scheme: its `inpatient.bureauClaims`, or
 * the default. Only TZ has the inpatient product; any other scheme answers null.
 *
 * @example bureauClaimRules('tz-2021').reviewFrom // 'clerk'
 */
export function bureauClaimRules(scheme: SchemeRef): BureauClaimRules | null {
  const s = resolveScheme(scheme)
  if (s.family !== 'TZ') return null
  return s.inpatient.bureauClaims ?? DEFAULT_BUREAU_CLAIM_RULES
}

/** An inpatient stay, from admission to discharge (dates `YYYY-MM-DD`). */
export interface Stay {
  admission: string
  discharge: string
}

/**
 * Whether two stays of one person overlap (share at least one calendar day): then they are the same stay for payment
 * purposes, whichever channel reported them.
 *
 * @example staysOverlap({ admission: '2021-05-03', discharge: '2021-05-13' }, { admission: '2021-05-13', discharge: '2021-05-20' }) // true
 */
export function staysOverlap(a: Stay, b: Stay): boolean {
  return a.admission <= b.discharge && b.admission <= a.discharge
}
