/**
 * Issue 11 / 12: a claim's notices are sent exactly once even when the function dies right after committing the
 * change — they are written to the outbox in the change's transaction and delivered by the same call, its retry or the
 * claims function's `outbox` timer. Every write of a submit and of a review step, before and after, then the retry and
 * the timer: the final state equals the uninterrupted run's, each recipient has exactly one inbox message, the outbox
 * is empty.
 */
import { randomUUID } from 'node:crypto'
import { SUBSCRIBE_ON } from '@mutual-aid/contracts'
import { checkCrashPoints, expectResumable, type State } from '../../helpers/fault-injection'
import { CLERK_WH, WH_ILLNESS, WH_ILLNESS_ITEMS, WORKER, uploadPage } from '../claims/helpers'
import { TIMESTAMPS, startOpsSuite, type OpsSuite } from './helpers'

// Each crash run restarts a stopped function instance (≈ 1 s, more on a busy machine): a suite takes minutes.
jest.setTimeout(600_000)

let s: OpsSuite
const figures: string[] = []
beforeAll(async () => {
  s = await startOpsSuite()
})
afterAll(async () => {
  for (const line of figures) console.log(`[crash points] ${line}`)
  await s?.emu.stop()
})

const claims = (openid: string, action: string, input: Record<string, unknown> = {}) => s.ok('claims', openid, action, input)

/** A worker's complete draft with its pages and consent, ready to submit (what the claim wizard leaves). */
async function readyDraft(): Promise<string> {
  const prep = await claims(WORKER, 'prepare', { target: { mode: 'self' } })
  const participationId = prep.participations[0].id
  const base = { participationId, product: 'critical', kind: 'illness', facts: WH_ILLNESS }
  const draft = await claims(WORKER, 'saveDraft', { target: { mode: 'self' }, ...base, files: {} })
  const files: Record<string, string[]> = {}
  for (const [i, item] of WH_ILLNESS_ITEMS.entries()) files[item] = [await uploadPage(s.emu, WORKER, draft.draftId, item, i + 1)]
  await claims(WORKER, 'saveDraft', { draftId: draft.draftId, version: draft.version, ...base, files })
  await claims(WORKER, 'consent', { kind: 'medical_info', version: '2021-01' })
  return draft.draftId
}

// The clerk's 待审核 reminder (remindClaimLevel) records its push on its inbox message: a push cut off is never resent
// (one subscription, one message), so whether and when it was pushed is left out like the notices' `push`.
const DIGEST = { collections: ['claims', 'claimDrafts', 'counters', 'audit', 'messages', 'outbox'], ignore: [...TIMESTAMPS, 'push', 'pushedAt'] }

/** Exactly one inbox message per recipient for `noticeId`, and nothing left in the outbox. */
const toldOnce = (noticeId: (state: State) => string, recipients: string[]) => (state: State): string[] => {
  const problems: string[] = []
  const id = noticeId(state)
  for (const openid of recipients) {
    const n = state.messages.filter((m) => m.noticeId === id && m.openid === openid).length
    if (n !== 1) problems.push(`${openid} has ${n} messages for ${id}`)
  }
  if (state.outbox.length) problems.push(`${state.outbox.length} notices left in the outbox`)
  return problems
}

test('claim submit: a crash at any write, then the same submit (same idempotency key) and the timer: one claim, one "received" notice', async () => {
  const draftId = await readyDraft()
  await s.emu.subscribe(WORKER, SUBSCRIBE_ON.claimSubmit)
  const key = `k${randomUUID().replace(/-/g, '')}`
  const started = Date.now()
  const report = await checkCrashPoints(s.emu, {
    operation: { fn: 'claims', event: { action: 'submit', draftId, idempotencyKey: key }, identity: { openid: WORKER } },
    recovery: [
      { fn: 'claims', event: { action: 'submit', draftId, idempotencyKey: key }, identity: { openid: WORKER } },
      { timer: { fn: 'claims', trigger: 'outbox' } },
    ],
    digest: DIGEST,
    invariants: (state) => {
      const mine = state.claims.filter((c) => c.draftId === draftId)
      if (mine.length !== 1) return [`${mine.length} claims of the draft`]
      return toldOnce(() => `${mine[0]._id}:received`, [WORKER])(state)
    },
  })
  expect(report.referenceResult).toMatchObject({ ok: true, data: { status: 'submitted', duplicate: false } })
  expectResumable(report)
  figures.push(`claims.submit: ${report.writes.length} writes, ${report.runs.length} crash runs, ${report.broken.length} broken, ${((Date.now() - started) / 1000).toFixed(1)} s`)
})

test('claim review (the clerk returns it): a crash at any write, then the retry and the timer: one return, the filer told once', async () => {
  const draftId = await readyDraft()
  const submitted = await claims(WORKER, 'submit', { draftId, idempotencyKey: `k${randomUUID().replace(/-/g, '')}` })
  const claimId = submitted.claimId
  const started = Date.now()
  const returnStep = { fn: 'claims', event: { action: 'return', claimId, version: 1, reason: '请补充出院小结第二页' }, identity: { openid: CLERK_WH } }
  const report = await checkCrashPoints(s.emu, {
    operation: returnStep,
    recovery: [returnStep, { timer: { fn: 'claims', trigger: 'outbox' } }],
    digest: DIGEST,
    invariants: toldOnce(() => `${claimId}:v2:claimNeedsMaterials`, [WORKER]),
  })
  expect(report.referenceResult).toMatchObject({ ok: true, data: { status: 'returned', version: 2 } })
  expectResumable(report)
  figures.push(`claims.return: ${report.writes.length} writes, ${report.runs.length} crash runs, ${report.broken.length} broken, ${((Date.now() - started) / 1000).toFixed(1)} s`)
})
