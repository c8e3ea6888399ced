/**
 * Crash at any write, then a retry: the same result as an uninterrupted run (issue 14: a line is never paid twice).
 * Both the batch's creation (the claim locks) and the import of the bank's result (the lines applied across calls)
 * are run through every crash point with the fault-injection helper.
 */
import { checkCrashPoints, expectResumable } from '../../helpers/fault-injection'
import { AGENT, OFFICE, WORKER, addApprovedClaims, bankResultFile, batchSent, startSuite, uploadResult, type Suite } from './helpers'

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
  // 45 claims: three lock transactions of at most 20 (LOCK_CHUNK), so a crash lands between chunks too.
  const claims = await addApprovedClaims(s, 45, { prefix: 'crashmk' })
  const report = await checkCrashPoints(s.emu, {
    operation: { fn: 'fund', event: { action: 'createBatch', requestId: 'req-crash-make', claimIds: claims.map((c) => c.id) }, identity: { openid: OFFICE } },
    digest: { ...digest, ignore: [...digest.ignore, 'fileID'] },
    invariants: (state) => {
      const held = state.claims.filter((c: any) => c.paymentBatchId === 'batch-req-crash-make')
      return held.length === claims.length ? [] : [`${held.length} claims held by the batch`]
    },
  })
  expectResumable(report)
  expect(report.runs.length).toBeGreaterThanOrEqual(2 * 5)
}, 600_000)

it('a batch whose creating call was cut off at any write, its page closed, is opened by the resume timer alone', async () => {
  const claims = await addApprovedClaims(s, 3, { prefix: 'crashtm' })
  const report = await checkCrashPoints(s.emu, {
    operation: { fn: 'fund', event: { action: 'createBatch', requestId: 'req-crash-timer', claimIds: claims.map((c) => c.id) }, identity: { openid: OFFICE } },
    // Nobody calls again: only the function's timer runs. Crashes after each write: before write 1 nothing exists
    // (nothing to resume: the office taps again, the test above), and before write N is the state after write N − 1.
    recovery: [{ timer: { fn: 'fund', trigger: 'resume' } }],
    when: ['after'],
    digest: { ...digest, ignore: [...digest.ignore, 'fileID'] },
    invariants: (state) => {
      const b: any = state.paymentBatches.find((x: any) => x._id === 'batch-req-crash-timer')
      const held = state.claims.filter((c: any) => c.paymentBatchId === 'batch-req-crash-timer')
      const created = state.audit.filter((a: any) => a.action === 'batch.create' && a.entityId === 'batch-req-crash-timer')
      return [
        ...(b?.status === 'open' && b.items.length === 3 ? [] : [`batch ${b?.status} with ${b?.items?.length} lines`]),
        ...(held.length === 3 ? [] : [`${held.length} claims held by the batch`]),
        ...(created.length === 1 ? [] : [`${created.length} batch.create audit entries`]),
      ]
    },
  })
  expectResumable(report)
  expect(report.runs.length).toBeGreaterThanOrEqual(3)
}, 600_000)

it('cancelling a batch cut off at any write gives every claim back, by the timer alone', async () => {
  const claims = await addApprovedClaims(s, 3, { prefix: 'crashcx' })
  // A batch left 生成中: its call locked the claims and was cut off before opening it.
  const ids = claims.map((c) => c.id)
  await s.emu.faults.run({ fn: 'fund', event: { action: 'createBatch', requestId: 'req-crash-cancel', claimIds: ids }, identity: { openid: OFFICE } }, { atWrite: 2, when: 'after' })
  const left = await s.ok('fund', OFFICE, 'batch', { batchId: 'batch-req-crash-cancel' })
  expect(left.status).toBe('building')
  const report = await checkCrashPoints(s.emu, {
    operation: { fn: 'fund', event: { action: 'cancelBatch', batchId: 'batch-req-crash-cancel', version: left.version }, identity: { openid: OFFICE } },
    // After each write (before the cancel's first write nothing was cancelled: the timer then opens the batch).
    recovery: [{ timer: { fn: 'fund', trigger: 'resume' } }],
    when: ['after'],
    digest,
    invariants: (state) => {
      const b = state.paymentBatches.find((x: any) => x._id === 'batch-req-crash-cancel')
      const mine = state.claims.filter((c: any) => ids.includes(c._id))
      return [
        ...(b?.status === 'cancelled' ? [] : [`batch ${b?.status}`]),
        ...mine.filter((c: any) => c.paymentBatchId !== null || c.status !== 'approved').map((c: any) => `${c._id} still held (${c.paymentBatchId})`),
      ]
    },
  })
  expectResumable(report)
}, 600_000)

it('a batch left 生成中 on the page: 继续生成 opens it, 取消 gives its claims back, only the office may do either', async () => {
  const claims = await addApprovedClaims(s, 4, { prefix: 'leftbld' })
  const ids = claims.map((c) => c.id)
  const cut = (requestId: string, claimIds: string[]) =>
    s.emu.faults.run({ fn: 'fund', event: { action: 'createBatch', requestId, claimIds }, identity: { openid: OFFICE } }, { atWrite: 2, when: 'after' })
  await cut('req-left-continue', ids.slice(0, 2))
  await cut('req-left-cancel', ids.slice(2))
  const a = await s.ok('fund', OFFICE, 'batch', { batchId: 'batch-req-left-continue' })
  expect(a).toMatchObject({ status: 'building', lines: 0, progress: { done: 2, total: 2 } })
  for (const who of [AGENT, WORKER]) {
    expect(await s.call('fund', who, 'continueBatch', { batchId: a.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await s.call('fund', who, 'cancelBatch', { batchId: a.id, version: a.version })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  }
  const opened = await s.ok('fund', OFFICE, 'continueBatch', { batchId: a.id })
  expect(opened).toMatchObject({ status: 'open', lines: 2, progress: null })
  expect(await s.call('fund', OFFICE, 'cancelBatch', { batchId: a.id, version: opened.version })).toMatchObject({ ok: false, code: 'WRONG_STATUS' })

  const b = await s.ok('fund', OFFICE, 'batch', { batchId: 'batch-req-left-cancel' })
  expect(await s.call('fund', OFFICE, 'cancelBatch', { batchId: b.id, version: b.version - 1 })).toMatchObject({ ok: false, code: 'CONFLICT' })
  const cancelled = await s.ok('fund', OFFICE, 'cancelBatch', { batchId: b.id, version: b.version })
  expect(cancelled).toMatchObject({ status: 'cancelled', lines: 0 })
  const payable = await s.ok('fund', OFFICE, 'payable', { limit: 100 })
  expect(payable.items.map((c: any) => c.claimId)).toEqual(expect.arrayContaining(ids.slice(2)))
  expect(payable.items.map((c: any) => c.claimId)).not.toContain(ids[0])
  // Cancelled is final: 继续生成 answers it as it is, and the timer has nothing left to do for either batch.
  expect(await s.ok('fund', OFFICE, 'continueBatch', { batchId: b.id })).toMatchObject({ status: 'cancelled' })
  expect(await s.emu.fireTimer('fund', 'resume')).toMatchObject({ ok: true, data: { unfinished: 0 } })
  const audit = (await s.db.collection('audit').where({ entityId: b.id }).get()).data.map((x: any) => x.action)
  expect(audit).toEqual(['batch.cancel'])
})

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
