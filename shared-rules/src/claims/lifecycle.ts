/**
 * The claim lifecycle as a pure module: which event moves which status, and who may fire it. It is a rule, so it
 * lives with the rules: the `claims` function applies it, the app shows it.
 *
 *   (draft) → submitted → clerk_confirmed → agent_confirmed → approved → paid
 *                                                           ↘ rejected
 *   any review level → returned → (resubmit) → back to the level that returned it
 *
 * A resubmission goes back to the level that asked for more materials, not to the clerk: the levels below already
 * confirmed the application (the online "stamp"); the new pages are what the returning level asked for, and every
 * version stays in the claim's history so the lower levels can still see them.
 *
 * A claim proposed from the medical-insurance bureau's settlement data (免申即享) starts `proposed`: the participant
 * accepts it (→ the review level the scheme sets for bureau-sourced claims) or declines it; one not accepted by the
 * claims cutoff lapses. A proposal for a stay that already has a claim filed by hand starts `held` (never offered):
 *
 *   proposed → (accept) → submitted | clerk_confirmed | agent_confirmed      proposed → declined | lapsed
 *   held → (release: the claim filed by hand for the stay was rejected or withdrawn) → proposed
 *
 * Until the office's approval takes effect, the person who filed a claim (a worker for themself, a clerk on a worker's
 * behalf, a beneficiary) or its participant may withdraw it (filed by mistake, or to take the bureau's proposal for the
 * same stay instead); a withdrawn claim is closed for good (file again if need be):
 *
 *   submitted | clerk_confirmed | agent_confirmed | returned → (withdraw) → withdrawn
 */

export type ClaimStatus =
  | 'submitted'
  | 'clerk_confirmed'
  | 'agent_confirmed'
  | 'returned'
  | 'approved'
  | 'rejected'
  | 'paid'
  | 'proposed'
  | 'held'
  | 'declined'
  | 'lapsed'
  | 'withdrawn'
export type ReviewLevel = 'clerk' | 'agent' | 'office'
/** What can happen to a claim (see {@link transition}). */
export const CLAIM_EVENTS = ['confirm', 'return', 'resubmit', 'approve', 'reject', 'pay', 'accept', 'decline', 'lapse', 'release', 'withdraw'] as const
export type ClaimEvent = (typeof CLAIM_EVENTS)[number]
/** Who acts: the three review levels, or the person who filed / the participant. */
export type Actor = ReviewLevel | 'filer'

export const CLAIM_STATUSES: readonly ClaimStatus[] = [
  'submitted',
  'clerk_confirmed',
  'agent_confirmed',
  'returned',
  'approved',
  'rejected',
  'paid',
  'proposed',
  'held',
  'declined',
  'lapsed',
  'withdrawn',
]

/** The review level a claim waits for in each status (null = nobody reviews it now). */
export function levelFor(status: ClaimStatus): ReviewLevel | null {
  if (status === 'submitted') return 'clerk'
  if (status === 'clerk_confirmed') return 'agent'
  if (status === 'agent_confirmed') return 'office'
  return null
}

/** The status a claim waits in for a level (inverse of `levelFor`). */
export function statusAwaiting(level: ReviewLevel): ClaimStatus {
  return level === 'clerk' ? 'submitted' : level === 'agent' ? 'clerk_confirmed' : 'agent_confirmed'
}

export type Transition = { ok: true; to: ClaimStatus } | { ok: false; code: 'INVALID_TRANSITION'; message: string }

const refuse = (message: string): Transition => ({ ok: false, code: 'INVALID_TRANSITION', message })

/**
 * The next status when `actor` fires `event` on a claim in `status`, or a refusal saying why not.
 * `returnedBy` is the level that returned the claim (for `resubmit`), or the level an accepted proposal enters review
 * at (for `accept`: the scheme's `bureauClaimsReviewFrom`).
 */
export function transition(status: ClaimStatus, event: ClaimEvent, actor: Actor, returnedBy?: ReviewLevel | null): Transition {
  const level = levelFor(status)
  switch (event) {
    case 'confirm':
      if (level === 'clerk' && actor === 'clerk') return { ok: true, to: 'clerk_confirmed' }
      if (level === 'agent' && actor === 'agent') return { ok: true, to: 'agent_confirmed' }
      if (level === 'office') return refuse('该申请已到互助办审批环节，请直接核定或退回。')
      if (level === null) return refuse(`该申请当前状态为「${STATUS_LABEL[status]}」，不能再确认。`)
      return refuse(`该申请正等待${LEVEL_LABEL[level]}确认，不能跳过。`)
    case 'return':
      if (level !== null && level === actor) return { ok: true, to: 'returned' }
      if (level === null) return refuse(`该申请当前状态为「${STATUS_LABEL[status]}」，不能退回。`)
      return refuse(`该申请正等待${LEVEL_LABEL[level]}处理，只有该环节可以退回补充材料。`)
    case 'resubmit':
      if (status !== 'returned') return refuse('只有被退回补充材料的申请可以重新提交。')
      if (actor !== 'filer') return refuse('只有申请人可以补充材料并重新提交。')
      return { ok: true, to: statusAwaiting(returnedBy ?? 'clerk') }
    case 'approve':
    case 'reject':
      if (level === 'office' && actor === 'office') return { ok: true, to: event === 'approve' ? 'approved' : 'rejected' }
      if (status === 'approved' || status === 'rejected' || status === 'paid') return refuse('该申请已有审批结论，不能重复审批。')
      if (actor !== 'office') return refuse('只有互助办可以审批互助金。')
      return refuse('该申请尚未经单位和代理单位确认，不能审批。')
    case 'pay':
      if (status === 'approved' && actor === 'office') return { ok: true, to: 'paid' }
      if (status === 'paid') return refuse('该申请已登记支付，不能重复登记。')
      return refuse('只有已核准的申请可以登记支付。')
    case 'accept':
    case 'decline':
      if (status !== 'proposed') return refuse(`该补助当前状态为「${STATUS_LABEL[status]}」，不能再确认或放弃。`)
      if (actor !== 'filer') return refuse('只有参加人本人可以确认或放弃医保结算生成的补助。')
      return { ok: true, to: event === 'accept' ? statusAwaiting(returnedBy ?? 'clerk') : 'declined' }
    case 'lapse':
      if (status !== 'proposed') return refuse(`该补助当前状态为「${STATUS_LABEL[status]}」，不会过期。`)
      if (actor !== 'office') return refuse('只有互助办（定时任务）可以将逾期未确认的补助置为过期。')
      return { ok: true, to: 'lapsed' }
    case 'release':
      if (status !== 'held') return refuse(`该补助当前状态为「${STATUS_LABEL[status]}」，不是暂不办理的补助。`)
      if (actor !== 'office') return refuse('只有互助办（驳回同次住院的手工申请时）可以恢复办理暂不办理的补助。')
      return { ok: true, to: 'proposed' }
    case 'withdraw':
      if (actor !== 'filer') return refuse('只有申请人或参加人本人可以撤回申请。')
      if (WITHDRAWABLE.includes(status)) return { ok: true, to: 'withdrawn' }
      if (status === 'withdrawn') return refuse('该申请已撤回。')
      if (status === 'approved' || status === 'paid') return refuse('该申请已核准，不能撤回。如有疑问请联系单位工会或互助办。')
      if (status === 'rejected') return refuse('该申请已有审批结论，不能撤回。')
      if (status === 'proposed') return refuse('这是根据医保结算生成的补助，不需要时请选择“放弃”。')
      return refuse(`该申请当前状态为「${STATUS_LABEL[status]}」，不能撤回。`)
  }
}

/**
 * The statuses a claim can be withdrawn from: filed (or accepted) and not yet decided — before the office's approval
 * takes effect. An approval proposed by one office user and waiting for a second (four eyes) has not taken effect.
 */
export const WITHDRAWABLE: readonly ClaimStatus[] = ['submitted', 'clerk_confirmed', 'agent_confirmed', 'returned']

export const STATUS_LABEL: Record<ClaimStatus, string> = {
  submitted: '待单位确认',
  clerk_confirmed: '待代理单位确认',
  agent_confirmed: '待互助办审批',
  returned: '需补充材料',
  approved: '已核准，待支付',
  rejected: '不予给付',
  paid: '已支付',
  proposed: '待本人确认',
  held: '已有同次住院的申请，暂不办理',
  declined: '本人已放弃',
  lapsed: '逾期未确认，已失效',
  withdrawn: '已撤回',
}

export const LEVEL_LABEL: Record<ReviewLevel, string> = {
  clerk: '单位经办人',
  agent: '代理单位',
  office: '互助办',
}
