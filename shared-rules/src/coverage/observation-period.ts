import { resolveScheme, type SchemeRef } from '../schemes/registry'

/**
 * The observation period first-time participants go through (WH 第三条: 90 days, with 第八条 and 第十四条第二项 inside it),
 * or `null` when the scheme has none (TZ, [I-13]).
 *
 * @example observationPeriod('wh-2020') // { days: 90, basis: '第三条' }
 * @example observationPeriod('tz-2021') // null
 */
export function observationPeriod(scheme: SchemeRef): { days: number; basis: string } | null {
  const s = resolveScheme(scheme)
  return s.family === 'WH' && s.observationDays > 0 ? { days: s.observationDays, basis: s.observationBasis } : null
}
