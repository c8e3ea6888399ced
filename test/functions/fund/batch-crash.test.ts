/**
 * Crash at any write, then a retry: the same result as an uninterrupted run (issue 14: a line is never paid twice).
 * Both the batch's creation (the claim locks) and the import of the bank's result (the lines applied across calls)
 * are run through every crash point with the fault-injection helper.
 */
import { checkCrashPoints, expectResumable } from '../../helpers/fault-injection'
import { OFFICE, addApprovedClaims, bankResultFile, batchSent, startSuite, uploadResult, type Suite } from './helpers'

let s: Suite
beforeAll(async () => {
  s = await startSuite({ faultInjection: true })
}, 120_000)
afterAll(async () => {
  await s?.emu.stop()
})

const digest = {
  collections: ['claims', 'payouts', 'ledger', 'paymentBatches', 'messages', 'audit'],
  // Instants and generated ids differ between runs; a notice's push outcome is recorded after it (a push cut off stays pending).
  ignore: ['_id', 'at', 'createdAt', 'updatedAt', 'recordedAt', 'importedAt', 'push'],
}

/** Every claim is paid at most once: one ledger entry per paid claim, none for the others. */
const paidOnce = (state: Record<string, any[]>) => {
  const problems: string[] = []
  const bySource = new Map<string, number>()
  for (const e of state.ledger) if (e.type === 'payout') bySource.set(e.sourceId, (bySource.get(e.sourceId) ?? 0) + 1)
  for (const c of state.claims) {
    const n = bySource.get(c._id) ?? 0
    if (c.status === 'paid' ? n !== 1 : n !== 0) problems.push(`${c._id} (${c.status}) has ${n} payout entries`)
  }
  return problems
}

it('creating a batch resumes after a crash at any write: each claim locked once, by this batch', async () => {
  const claims = await addApprovedClaims(s, 3, { prefix: 'crashmk' })
  const report = await checkCrashPoints(s.emu, {
    operation: { fn: 'fund', event: { action: 'createBatch', requestId: 'req-crash-make', claimIds: claims.map((c) => c.id) }, identity: { openid: OFFICE } },
    digest: { ...digest, ignore: [...digest.ignore, 'fileID'] },
    invariants: (state) => {
      const held = state.claims.filter((c: any) => c.paymentBatchId === 'batch-req-crash-make')
      return held.length === 3 ? [] : [`${held.length} claims held by the batch`]
    },
  })
  expectResumable(report)
  expect(report.runs.length).toBeGreaterThanOrEqual(2 * 5)
}, 600_000)

it('importing the bank result resumes after a crash at any write: every line applied and told once', async () => {
  const claims = await addApprovedClaims(s, 3, { prefix: 'crashim' })
  const { batch, rows } = await batchSent(s, claims.map((c) => c.id), 'req-crash-import')
  const fileID = await uploadResult(s, batch.id, await bankResultFile(rows, { [claims[1].claimNo]: '账号不存在' }))
  const report = await checkCrashPoints(s.emu, {
    operation: { fn: 'fund', event: { action: 'importResult', batchId: batch.id, fileID }, identity: { openid: OFFICE } },
    digest,
    invariants: (state) => {
      const b = state.paymentBatches.find((x: any) => x._id === batch.id)
      return [...paidOnce(state), ...(b?.status === 'done' ? [] : [`batch ${b?.status}`])]
    },
  })
  expectResumable(report)
  expect(report.referenceResult).toMatchObject({ ok: true, data: { paid: 2, failed: 1, done: true } })
}, 900_000)
