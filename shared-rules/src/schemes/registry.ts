import type { Family, Product, SchemeId } from '../types'
import type { DiseaseDef, FeeRule, Scheme } from './types'
import { TZ_2021 } from './tz-2021'
import { TZ_2022 } from './tz-2022'
import { WH_2020 } from './wh-2020'

const SCHEMES: Readonly<Record<SchemeId, Scheme>> = { 'wh-2020': WH_2020, 'tz-2021': TZ_2021, 'tz-2022': TZ_2022 }

/** Every scheme id known to this version of the rules. */
export const SCHEME_IDS: readonly SchemeId[] = ['wh-2020', 'tz-2021', 'tz-2022']

/** Whether `id` names a known scheme. */
export function isSchemeId(id: unknown): id is SchemeId {
  return typeof id === 'string' && Object.prototype.hasOwnProperty.call(SCHEMES, id)
}

/**
 * The versioned scheme definition for an id.
 *
 * @throws RangeError for an unknown id (validate with {@link isSchemeId} or the zod schemas first).
 */
export function getScheme(id: SchemeId): Scheme {
  const scheme = SCHEMES[id]
  if (!scheme) throw new RangeError(`unknown scheme ${JSON.stringify(id)}`)
  return scheme
}

/** A scheme given by id or as a (possibly configured) data object. */
export type SchemeRef = SchemeId | Scheme

/** Resolve a {@link SchemeRef} to its data object. */
export function resolveScheme(ref: SchemeRef): Scheme {
  return typeof ref === 'string' ? getScheme(ref) : ref
}

/** All built-in schemes, oldest first. */
export function listSchemes(): Scheme[] {
  return SCHEME_IDS.map((id) => SCHEMES[id])
}

/**
 * The scheme that governs a period: WH → `wh-2020` for 2020 and later (rules unchanged until a new
 * version is published, 第二十四条); TZ → the data object for that activity year.
 */
export function schemeForPeriod(family: Family, year: number): Scheme | undefined {
  if (family === 'WH') return year >= 2020 ? WH_2020 : undefined
  if (family === 'TZ') return listSchemes().find((s) => s.family === 'TZ' && s.year === year)
  return undefined
}

/**
 * A copy of a scheme with its fees configured (e.g. TZ 2022 once the office announces them).
 * Pure: the built-in data object is not changed.
 */
export function withFees<S extends Scheme>(scheme: S, fees: readonly FeeRule[]): S {
  return { ...scheme, fees }
}

/** Covered diseases of a product (empty for a product without a disease list, e.g. inpatient). */
export function listDiseases(
  schemeId: SchemeRef,
  product: Product,
): { code: string; name: string; definition?: string; mild?: boolean }[] {
  const list: readonly DiseaseDef[] = resolveScheme(schemeId).diseases[product] ?? []
  return list.map((d) => ({
    code: d.code,
    name: d.name,
    ...(d.definition ? { definition: d.definition } : {}),
    ...(d.mild ? { mild: true } : {}),
  }))
}
