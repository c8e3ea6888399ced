/** The claim state machine allows only its transitions: a full table over status × event × actor. */
import { CLAIM_STATUSES, WITHDRAWABLE, transition, type Actor, type ClaimEvent, type ClaimStatus } from '@mutual-aid/shared-rules'

const EVENTS: ClaimEvent[] = ['confirm', 'return', 'resubmit', 'approve', 'reject', 'pay', 'withdraw']
const ACTORS: Actor[] = ['clerk', 'agent', 'office', 'filer']

/** Every allowed (status, event, actor) → next status; everything else must be refused. */
const ALLOWED: Record<string, ClaimStatus> = {
  'submitted/confirm/clerk': 'clerk_confirmed',
  'submitted/return/clerk': 'returned',
  'clerk_confirmed/confirm/agent': 'agent_confirmed',
  'clerk_confirmed/return/agent': 'returned',
  'agent_confirmed/return/office': 'returned',
  'agent_confirmed/approve/office': 'approved',
  'agent_confirmed/reject/office': 'rejected',
  'returned/resubmit/filer': 'submitted', // returned by the clerk (default)
  'approved/pay/office': 'paid',
  // The filer or participant withdraws a claim until the office's approval takes effect.
  'submitted/withdraw/filer': 'withdrawn',
  'clerk_confirmed/withdraw/filer': 'withdrawn',
  'agent_confirmed/withdraw/filer': 'withdrawn',
  'returned/withdraw/filer': 'withdrawn',
}

describe('claim state machine', () => {
  const cases = CLAIM_STATUSES.flatMap((status) => EVENTS.flatMap((event) => ACTORS.map((actor) => [status, event, actor] as const)))
  it.each(cases)('%s + %s by %s', (status, event, actor) => {
    const t = transition(status, event, actor, 'clerk')
    const expected = ALLOWED[`${status}/${event}/${actor}`]
    if (expected) expect(t).toEqual({ ok: true, to: expected })
    else {
      expect(t.ok).toBe(false)
      if (!t.ok) expect(t.message).toMatch(/[\u4e00-\u9fa5]/)
    }
  })

  it.each([
    ['clerk', 'submitted'],
    ['agent', 'clerk_confirmed'],
    ['office', 'agent_confirmed'],
  ] as const)('a claim returned by the %s goes back to %s on resubmission', (level, to) => {
    expect(transition('returned', 'resubmit', 'filer', level)).toEqual({ ok: true, to })
  })

  it('terminal states accept nothing but payment of an approved claim', () => {
    for (const status of ['rejected', 'paid', 'withdrawn'] as ClaimStatus[]) {
      for (const event of EVENTS) for (const actor of ACTORS) expect(transition(status, event, actor).ok).toBe(false)
    }
  })
})

describe('withdrawing', () => {
  it.each([
    ['approved', /已核准，不能撤回/],
    ['paid', /已核准，不能撤回/],
    ['rejected', /已有审批结论/],
    ['withdrawn', /已撤回/],
    ['proposed', /放弃/],
    ['held', /不能撤回/],
  ] as const)('a %s claim is refused with a reason a person can act on', (status, message) => {
    const t = transition(status, 'withdraw', 'filer')
    expect(t.ok).toBe(false)
    if (!t.ok) expect(t.message).toMatch(message)
  })

  it('only by the filer or participant, whatever the reviewer', () => {
    for (const actor of ['clerk', 'agent', 'office'] as Actor[]) expect(transition('submitted', 'withdraw', actor)).toMatchObject({ ok: false, message: expect.stringContaining('本人') })
  })

  it('WITHDRAWABLE lists exactly the statuses withdraw leaves', () => {
    expect(CLAIM_STATUSES.filter((st) => transition(st, 'withdraw', 'filer').ok)).toEqual([...WITHDRAWABLE])
  })
})
