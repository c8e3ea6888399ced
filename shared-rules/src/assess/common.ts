import { parseDayNumber } from '../dates/day-number'
import { findDisease } from '../schemes/disease-index'
import type { ReasonCode } from '../reasons/reason-codes'
import type { ProductDef, Scheme } from '../schemes/types'
import type { Product, Reason } from '../types'
import type { AssessInput, PriorDisease } from './types'

/** Parse a date that the input schema already validated; a bad one here is a programming error. */
export function dayOf(s: string | undefined, what: string): number {
  const n = s === undefined ? NaN : parseDayNumber(s)
  if (Number.isNaN(n)) throw new RangeError(`${what} must be a YYYY-MM-DD calendar date, got ${JSON.stringify(s)}`)
  return n
}

/** The date the claim is about: diagnosis / death, or the admission date for inpatient stays ([I-11]). */
export function eventDayOf(input: AssessInput): number {
  const c = input.claim
  const date = c.kind === 'inpatient' ? (c.admission ?? c.eventDate) : (c.eventDate ?? c.admission)
  return dayOf(date, c.kind === 'inpatient' ? 'claim.admission' : 'claim.eventDate')
}

/** Refusals for the exclusion facts a scheme lists (each value once). */
export function exclusionReasons(scheme: Scheme, input: AssessInput, product: Product, into: Reason[]): boolean {
  const list = input.claim.exclusions
  let endsCoverage = false
  if (!list || list.length === 0) return false
  for (let i = 0; i < list.length; i++) {
    const value = list[i]
    if (list.indexOf(value) !== i) continue
    if (value === 'misdiagnosis' && product === 'inpatient') continue // a stay is paid on receipts, not a diagnosis
    const rule = scheme.exclusions[value]
    if (!rule) continue
    into.push({ code: rule.code, basis: rule.basis, message: rule.message })
    if (rule.endsCoverage) endsCoverage = true
  }
  return endsCoverage
}

/** Prior diseases of the same category (same code) as `code`. */
export function priorOfSameCode(scheme: Scheme, product: Product, code: string, prior: readonly PriorDisease[] | undefined): PriorDisease[] {
  const found: PriorDisease[] = []
  if (!prior) return found
  for (const p of prior) {
    const def = findDisease(scheme, product, p.disease)
    if ((def ? def.code : p.disease) === code) found.push(p)
  }
  return found
}

/** A reason object (kept tiny: the hot path builds few of these). `basis` is read from the scheme data. */
export function reason(code: ReasonCode, basis: string, message: string): Reason {
  return { code, basis, message }
}

/** The definition of a product in a scheme (a scan: schemes have at most three products). */
export function productDef(s: Scheme, product: Product): ProductDef | undefined {
  for (const p of s.products) if (p.id === product) return p
  return undefined
}
