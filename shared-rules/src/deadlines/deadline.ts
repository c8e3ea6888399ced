import type { ReasonCode } from '../reasons/reason-codes'
import { resolveScheme } from '../schemes/registry'
import type { DeadlineInput } from '../schemas/deadline-input'
import { claimDeadline } from './claim-deadline'
import { reviewDueDate } from './review-due-date'

/** Result of {@link deadline}. */
export type DeadlineResult = { ok: true; date: string; basis: string } | { ok: false; code: ReasonCode; message: string }

/**
 * The CLI `deadline` command: claim deadline from the event date, or the review due date from
 * the day complete materials were received (the scheme's working-day limit).
 */
export function deadline(i: DeadlineInput): DeadlineResult {
  if (i.kind === 'claim') return { ok: true, ...claimDeadline(i.scheme, i.eventDate) }
  const s = resolveScheme(i.scheme)
  if (!s.review) return { ok: false, code: 'NO_REVIEW_DEADLINE', message: `${s.name}未规定审核时限。` }
  const due = reviewDueDate(i.received, i.workingDays ?? s.review.workingDays)
  return { ok: true, date: due.date, basis: s.review.basis }
}
