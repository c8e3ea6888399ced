import { civilToDayNumber, parseDayNumber, requireDayNumber } from '../dates/day-number'
import type { Family, Product, SchemeId } from '../types'
import { coversYear, enrolmentSpan, periodSpan, type DaySpan } from './spans'
import type { DiseaseDef, FeeRule, Scheme } from './types'
import { BUILT_IN_SCHEMES } from './versions.generated'

/** Id of a built-in version, derived from the data files (`tz-2021`, `tz-2022`, `wh-2020`, …). */
export type BuiltInSchemeId = (typeof BUILT_IN_SCHEMES)[number]['id']

/**
 * What a date given with a family name stands for: a day of the period (a coverage start, an event, a receipt) → the
 * version whose period contains it; an enrolment date (a quote, a declaration) → the version whose enrolment window
 * contains it, else the one whose period does.
 */
export type SchemeDateUse = 'period' | 'enrolment'

/**
 * A set of scheme versions and the questions asked of it. The built-in one ({@link BUILT_IN_REGISTRY}) holds the
 * versions in code; a function builds its own with {@link createSchemeRegistry} from the built-ins plus what the office
 * configured (announced fees now; published versions later, validated by `schemeSchema`).
 */
export interface SchemeRegistry {
  /** Every version, oldest first (by effective date, then id). */
  readonly schemes: readonly Scheme[]
  readonly ids: readonly SchemeId[]
  /** Whether `id` names a version of this registry. */
  has(id: unknown): id is SchemeId
  /** The version with this id; `RangeError` when unknown (check with {@link SchemeRegistry.has} first). */
  get(id: SchemeId): Scheme
  /** The version with this id, or `undefined`. */
  find(id: string): Scheme | undefined
  /** The version governing the period of `year` (TZ: that activity year; WH: the version in force on 1 January). */
  forYear(family: Family, year: number): Scheme | undefined
  /** The version a family name plus a date stands for (see {@link SchemeDateUse}); `undefined` when none. */
  forDate(family: Family, date: string, use: SchemeDateUse): Scheme | undefined
  /** The newest version of a family. */
  latest(family: Family): Scheme | undefined
}

function byEffectiveDate(a: Scheme, b: Scheme): number {
  return a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

const within = (span: DaySpan | null, day: number): boolean => span !== null && span.from <= day && day <= span.to

/** Of several candidates (oldest first), the latest already in force on `day`, else the earliest. */
function pick(candidates: readonly Scheme[], day: number): Scheme | undefined {
  let chosen: Scheme | undefined
  for (const s of candidates) if (parseDayNumber(s.effectiveFrom) <= day) chosen = s
  return chosen ?? candidates[0]
}

/**
 * A registry over `schemes` (already valid data: built-ins, or stored versions parsed with `parseScheme`).
 *
 * @throws RangeError when two versions share an id (a programming error: the caller replaces, never duplicates).
 */
export function createSchemeRegistry(schemes: readonly Scheme[]): SchemeRegistry {
  const sorted = [...schemes].sort(byEffectiveDate)
  const byId = new Map<string, Scheme>()
  for (const s of sorted) {
    if (byId.has(s.id)) throw new RangeError(`scheme ${JSON.stringify(s.id)} is listed twice`)
    byId.set(s.id, s)
  }
  const ofFamily = (family: Family) => sorted.filter((s) => s.family === family)
  return {
    schemes: sorted,
    ids: sorted.map((s) => s.id),
    has: (id: unknown): id is SchemeId => typeof id === 'string' && byId.has(id),
    get(id) {
      const s = byId.get(id)
      if (!s) throw new RangeError(`unknown scheme ${JSON.stringify(id)}`)
      return s
    },
    find: (id) => byId.get(id),
    forYear(family, year) {
      if (!Number.isInteger(year) || year < 1 || year > 9999) return undefined
      return pick(ofFamily(family).filter((s) => coversYear(s, year)), civilToDayNumber(year, 1, 1))
    },
    forDate(family, date, use) {
      const day = requireDayNumber(date, 'date')
      const candidates = ofFamily(family)
      if (use === 'enrolment') {
        const open = candidates.filter((s) => within(enrolmentSpan(s), day))
        if (open.length > 0) return open[open.length - 1]
      }
      return pick(candidates.filter((s) => within(periodSpan(s), day)), day)
    },
    latest(family) {
      const list = ofFamily(family)
      return list[list.length - 1]
    },
  }
}

/** The versions in code, one per data file in `schemes/versions/`. */
export const BUILT_IN_REGISTRY: SchemeRegistry = createSchemeRegistry(BUILT_IN_SCHEMES)

/** Every built-in scheme id, oldest version first. */
export const SCHEME_IDS: readonly SchemeId[] = BUILT_IN_REGISTRY.ids

/** Whether `id` names a built-in scheme. */
export function isSchemeId(id: unknown): id is SchemeId {
  return BUILT_IN_REGISTRY.has(id)
}

/**
 * The built-in scheme definition for an id.
 *
 * @throws RangeError for an unknown id (validate with {@link isSchemeId} or the zod schemas first).
 */
export function getScheme(id: SchemeId): Scheme {
  return BUILT_IN_REGISTRY.get(id)
}

/** A scheme given by id (a built-in version) or as a data object (e.g. from a function's registry). */
export type SchemeRef = SchemeId | Scheme

/** Resolve a {@link SchemeRef} to its data object. */
export function resolveScheme(ref: SchemeRef): Scheme {
  return typeof ref === 'string' ? getScheme(ref) : ref
}

/** All built-in schemes, oldest first. */
export function listSchemes(): Scheme[] {
  return [...BUILT_IN_REGISTRY.schemes]
}

/**
 * The built-in scheme that governs a period: TZ → the data object for that activity year; WH → the version in force
 * on 1 January of that year (`wh-2020` from 2020 until a revised version is added, 第二十四条).
 */
export function schemeForPeriod(family: Family, year: number): Scheme | undefined {
  return BUILT_IN_REGISTRY.forYear(family, year)
}

/**
 * The built-in version a family name plus a date stands for (see {@link SchemeDateUse}).
 *
 * @example schemeOn('TZ', '2021-11-02', 'enrolment')?.id // 'tz-2022' (only the 2022 window is open)
 * @example schemeOn('TZ', '2021-11-02', 'period')?.id // 'tz-2021'
 */
export function schemeOn(family: Family, date: string, use: SchemeDateUse): Scheme | undefined {
  return BUILT_IN_REGISTRY.forDate(family, date, use)
}

/**
 * A copy of a scheme with its fees set (e.g. TZ 2022 once the office announces them). Pure: the data object is not
 * changed. Untrusted fee data goes through `applyAnnouncedFees`, which validates it first.
 */
export function withFees(scheme: Scheme, fees: readonly FeeRule[]): Scheme {
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
