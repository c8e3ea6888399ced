import { daysBetween } from '../dates/days-between'
import { resolveScheme, type SchemeRef } from '../schemes/registry'

/** Whether a unit reported a change of its details in time. */
export interface UnitChangeReportCheck {
  late: boolean
  /** Calendar days from the change to its report. */
  daysAfter: number
  limitDays: number
  basis: string
}

/**
 * Checks a unit's report of changed details (name, address, postcode, contact, phone) against the scheme's limit:
 * WH 第二十三条, within 15 days of the change. Answers `null` when the scheme sets no limit (TZ).
 *
 * @example checkUnitChangeReport('wh-2020', '2021-03-01', '2021-03-17') // { late: true, daysAfter: 16, limitDays: 15, basis: '第二十三条' }
 */
export function checkUnitChangeReport(scheme: SchemeRef, changedOn: string, reportedOn: string): UnitChangeReportCheck | null {
  const rule = resolveScheme(scheme).unitChangeReport
  if (!rule) return null
  const daysAfter = daysBetween(changedOn, reportedOn)
  return { late: daysAfter > rule.days, daysAfter, limitDays: rule.days, basis: rule.basis }
}
