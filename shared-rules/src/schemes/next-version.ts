import { addMonths } from '../dates/add-months'
import type { SchemeId } from '../types'
import type { Scheme, TzScheme, WhScheme } from './types'

/** A year's date moved by `years` (29 February becomes 28 February in a common year, PRC Civil Code 第二百零三条). */
const shiftYears = (date: string, years: number): string => addMonths(date, 12 * years)

const shiftRange = <R extends { from: string; to: string }>(r: R, years: number): R => ({ ...r, from: shiftYears(r.from, years), to: shiftYears(r.to, years) })

/** The year written in a version's name moved along (`（2022年度）` → `（2023年度）`); other text is kept. */
function renameYear(name: string, from: number, to: number): string {
  return name.includes(String(from)) ? name.split(String(from)).join(String(to)) : `${name}（${to}年度）`
}

/**
 * A first draft of the version after `base`, for the office to edit before publishing (WH 第二十四条: the rules may
 * change yearly; TZ announces each activity year). Everything is copied — rates, amounts, lists, articles — and only
 * what must move does: a TZ version is moved a whole year (activity period, enrolment window, claims window, effective
 * date, `year`); a WH version takes effect on 1 January of `year` (it governs the periods that begin from then,
 * 第二十六条). Pure: `base` is not changed, and the copy shares nothing mutable with it.
 *
 * @example nextVersionDraft(getScheme('tz-2022'), 2023).enrolment // { from: '2022-10-10', to: '2022-12-31', … }
 * @example nextVersionDraft(getScheme('wh-2020'), 2022).effectiveFrom // '2022-01-01'
 */
export function nextVersionDraft(base: Scheme, year: number): Scheme {
  if (!Number.isInteger(year) || year < 2000 || year > 2999) throw new RangeError(`year must be a four-digit year, got ${year}`)
  const copy = JSON.parse(JSON.stringify(base)) as Scheme
  if (copy.family === 'TZ') {
    const years = year - copy.year
    const tz: TzScheme = {
      ...copy,
      id: `tz-${year}`,
      name: renameYear(copy.name, copy.year, year),
      year,
      effectiveFrom: shiftYears(copy.effectiveFrom, years),
      activity: shiftRange(copy.activity, years),
      enrolment: shiftRange(copy.enrolment, years),
      claims: shiftRange(copy.claims, years),
    }
    return tz
  }
  const from = Number(copy.effectiveFrom.slice(0, 4))
  const wh: WhScheme = { ...copy, id: `wh-${year}` as SchemeId & `wh-${string}`, name: renameYear(copy.name, from, year), effectiveFrom: `${year}-01-01` }
  return wh
}
