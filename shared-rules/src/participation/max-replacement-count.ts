import { resolveScheme, type SchemeRef } from '../schemes/registry'
import type { UnitType } from '../types'

/**
 * Most participants a unit may replace in its one batch replacement (参保对象替换) per period:
 * TZ 二2 — private enterprises, 20 % of enrolled participants, rounded down; 0 for everyone else
 * and for WH (no replacement, 第十一条、第十三条).
 *
 * @example maxReplacementCount('tz-2021', 'private', 34) // 6
 */
export function maxReplacementCount(scheme: SchemeRef, unitType: UnitType, enrolled: number): number {
  const s = resolveScheme(scheme)
  if (s.family !== 'TZ' || !s.replacement.unitTypes.includes(unitType)) return 0
  return Math.floor((Math.max(0, Math.floor(enrolled)) * s.replacement.maxPercent) / 100)
}
