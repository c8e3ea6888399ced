/**
 * Withdrawing a claim filed by hand writes the claim, its participation's stays, the held proposal it releases, their
 * audit records and the notices' outbox in one transaction, then delivers the notices. Cut off at every write (before
 * and after it is applied), then the same withdraw again (the page's retry) and the claims function's outbox timer:
 * the final state is the uninterrupted run's — withdrawn once, the proposal released once, one stay, each recipient
 * told exactly once, nothing left in the outbox.
 */
import { checkCrashPoints, expectResumable } from '../../helpers/fault-injection'
import { AGENT, CLERK_TZ, OFFICE, fileByHand, okData, reportStay, startSettleSuite, staysInState, workerOf, type Suite } from './helpers'

// Each crash run restarts a stopped function instance (≈ 1 s, more on a busy machine).
jest.setTimeout(600_000)

let s: Suite
const figures: string[] = []
beforeAll(async () => {
  s = await startSettleSuite({ faultInjection: true })
})
afterAll(async () => {
  for (const line of figures) console.log(`[crash points] ${line}`)
  await s?.emu.stop()
})

it('a withdraw cut off at any write is completed by its retry and the outbox timer, exactly once', async () => {
  const i = 1
  const manual = okData(await fileByHand(s, i, '2021-05-03', '2021-05-13'))
  const heldId = (await reportStay(s, i, '2021-05-03', '2021-05-13')).row.claimId as string
  expect((await s.db.collection('claims').doc(heldId).get()).data.status).toBe('held')
  // At the office's level, so the office users are told too.
  for (const reviewer of [CLERK_TZ, AGENT]) {
    const { version } = (await s.db.collection('claims').doc(manual.claimId).get()).data
    okData(await s.call('claims', reviewer, 'confirm', { claimId: manual.claimId, version }))
  }
  const { version } = (await s.db.collection('claims').doc(manual.claimId).get()).data
  const withdraw = { fn: 'claims', event: { action: 'withdraw', claimId: manual.claimId, version, reason: '改为领取医保结算生成的补助' }, identity: { openid: workerOf(i) } }
  const started = Date.now()
  const report = await checkCrashPoints(s.emu, {
    operation: withdraw,
    recovery: [withdraw, { timer: { fn: 'claims', trigger: 'outbox' } }],
    digest: {
      collections: ['claims', 'participations', 'settlementStays', 'claimDrafts', 'audit', 'messages', 'outbox'],
      // `push`: a push cut off between the inbox write and WeChat's answer stays `pending` (notify.ts).
      ignore: ['createdAt', 'updatedAt', 'at', 'push', 'pushedAt'],
    },
    invariants: (state) => {
      const broken: string[] = []
      const claim = state.claims.find((c) => c._id === manual.claimId)
      const held = state.claims.find((c) => c._id === heldId)
      if (claim?.status !== 'withdrawn') broken.push(`claim by hand is ${String(claim?.status)}`)
      if (held?.status !== 'proposed') broken.push(`proposal is ${String(held?.status)}`)
      const history = (held?.history as { event: string }[] | undefined) ?? []
      if (history.filter((h) => h.event === 'release').length !== 1) broken.push('proposal released more or less than once')
      const stays = staysInState(state, s.part[i]).map((x) => x.claimId)
      if (stays.join() !== heldId) broken.push(`stays ${stays.join()}`)
      for (const [noticeId, openid] of [
        [`${heldId}:released`, workerOf(i)],
        [`${manual.claimId}:withdrawn`, OFFICE],
      ]) {
        const n = state.messages.filter((m) => m.noticeId === noticeId && m.openid === openid).length
        if (n !== 1) broken.push(`${openid} has ${n} messages for ${noticeId}`)
      }
      if (state.outbox.length) broken.push(`${state.outbox.length} notices left in the outbox`)
      return broken
    },
  })
  expect(report.referenceResult).toMatchObject({ ok: true, data: { status: 'withdrawn', releasedProposals: 1 } })
  expectResumable(report)
  figures.push(`claims.withdraw: ${report.writes.length} writes, ${report.runs.length} crash runs, ${report.broken.length} broken, ${((Date.now() - started) / 1000).toFixed(1)} s`)
})
