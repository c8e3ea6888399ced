import { claimsContract, enrolmentContract, messagesContract, type Role } from '@mutual-aid/contracts'
import { callAction } from '@/services/call-action'
import type { Envelope } from '@/services/cloud'
import { useLoad } from '@/services/use-load'

/** Counts per home menu entry key (src/features/session/roles.ts ROLE_MENU); entries without a count are absent. */
export type HomeBadges = Partial<Record<string, number>>

/** Which count each role's menu entry shows: pending work first, then unread messages. */
async function loadBadges(role: Role): Promise<Envelope<HomeBadges>> {
  const staff = role !== 'worker'
  const [claims, enrolment, messages] = await Promise.all([
    callAction(claimsContract, 'badges', {}),
    staff ? callAction(enrolmentContract, 'badges', {}) : Promise.resolve(null),
    callAction(messagesContract, 'unreadCount', {}),
  ])
  if (!claims.ok) return claims
  if (enrolment && !enrolment.ok) return enrolment
  if (!messages.ok) return messages
  const e = enrolment?.data
  const byRole: Record<Role, HomeBadges> = {
    worker: { 'claim-list': claims.data.returned },
    // A clerk: claims to confirm; declarations sent back to correct or approved and waiting to be paid.
    clerk: { review: claims.data.waiting, declarations: (e?.returned ?? 0) + (e?.awaitingPayment ?? 0) },
    agent: { review: claims.data.waiting, declarations: e?.waitingReview ?? 0 },
    // The office: approvals to decide; approved declarations whose contribution it has to record.
    office: { review: claims.data.waiting, declarations: e?.awaitingPayment ?? 0 },
  }
  return { ok: true, data: { ...byRole[role], inbox: messages.data.unread } }
}

/**
 * The badges of the signed-in user's home, loaded when the home opens and again each time it is shown (back from a
 * queue the user just worked through). A failed load shows no badges: they are hints, the pages hold the lists.
 */
export function useHomeBadges(role: Role | null): HomeBadges {
  const loaded = useLoad(() => loadBadges(role ?? 'worker'), [role], { enabled: role !== null })
  return loaded.status === 'ready' ? loaded.data : {}
}

/** What a badge says: the count, capped so it stays one short line. */
export function badgeText(count: number): string {
  return count > 99 ? '99+' : String(count)
}
