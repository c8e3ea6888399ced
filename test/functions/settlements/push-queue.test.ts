/**
 * The pushes of imported proposals go out after the import (cloudfunctions/_shared/src/push-queue.ts): sent by the
 * settlements tick. Seeded as a chunk leaves them — inbox messages written with their push pending, one queue entry
 * each — then: two ticks at once send each push once; a tick cut off at any write leaves every push sent once or
 * still queued, never sent twice; an entry queued again after its push was recorded (a chunk done again) is dropped
 * unsent.
 */
import { localTemplateId } from '@mutual-aid/contracts'
import { messageIdOf } from '@cloud-shared/notify'
import { checkCrashPoints, expectResumable } from '../../helpers/fault-injection'
import { startSettleSuite, workerOf, type Suite } from './helpers'

let s: Suite
beforeAll(async () => {
  s = await startSettleSuite({ faultInjection: true })
})
afterAll(async () => {
  await s?.emu.stop()
})

/** What a chunk writes for participant `i`'s proposal `tag`: the inbox message (push pending) and its queue entry. */
async function queueProposal(i: number, tag: string): Promise<string> {
  const openid = workerOf(i)
  const noticeId = `claim-${tag}-${i}:proposed`
  const _id = messageIdOf(noticeId, openid)
  const notice = {
    id: noticeId,
    openid,
    template: 'claimProposed',
    title: `住院补助 TZ2021-${tag}${i} 待您确认`,
    body: '您 5月3日–5月13日 住院可领取互助补助 2,700.00 元，请确认。',
    page: `packages/claims/proposal/index?id=claim-${tag}-${i}`,
    fields: { date1: '2021年5月3日~2021年5月13日', amount2: '¥2700.00', thing3: '医保结算数据生成，请确认收款账户', date4: '2021年12月31日' },
  }
  const now = new Date()
  await s.db.collection('messages').add({
    data: { _id, noticeId, openid, template: notice.template, title: notice.title, body: notice.body, page: notice.page, ref: null, read: false, push: { ok: false, pending: true }, createdAt: now },
  })
  await s.db.collection('pushQueue').add({ data: { _id, notice, createdAt: now } })
  await s.emu.subscribe(openid, ['claimProposed'])
  return _id
}

const pushesTo = async (openid: string) => (await s.emu.outbox(openid)).filter((m: any) => m.templateId === localTemplateId('claimProposed'))

it('two ticks at once send each queued push once, record it, and empty the queue', async () => {
  const ids = []
  for (let i = 1; i <= 6; i++) ids.push(await queueProposal(i, 'A'))
  const ticks = await Promise.all([s.emu.fireTimer('settlements', 'tick'), s.emu.fireTimer('settlements', 'tick')])
  for (const tick of ticks) expect(tick).toMatchObject({ ok: true })
  // A tick that found the other's lease leaves its entries to it: one more tick settles anything left.
  expect(await s.emu.fireTimer('settlements', 'tick')).toMatchObject({ ok: true, data: { pushesQueued: 0 } })
  for (let i = 1; i <= 6; i++) expect([i, (await pushesTo(workerOf(i))).length]).toEqual([i, 1])
  const messages = (await s.db.collection('messages').where({ _id: s.db.command.in(ids) }).get()).data
  expect(messages.map((m: any) => m.push)).toEqual(ids.map(() => ({ ok: true })))
})

it('an entry queued again after its push was recorded is dropped unsent', async () => {
  const id = await queueProposal(7, 'B')
  expect(await s.emu.fireTimer('settlements', 'tick')).toMatchObject({ ok: true, data: { pushed: 1, pushesQueued: 0 } })
  const entry = { notice: { id: 'claim-B-7:proposed', openid: workerOf(7), template: 'claimProposed', title: '', body: '', page: '', fields: {} }, createdAt: new Date() }
  await s.db.collection('pushQueue').add({ data: { _id: id, ...entry } })
  await s.emu.subscribe(workerOf(7), ['claimProposed'])
  expect(await s.emu.fireTimer('settlements', 'tick')).toMatchObject({ ok: true, data: { pushed: 1, pushesQueued: 0 } })
  expect((await pushesTo(workerOf(7))).length).toBe(1)
})

it('a tick cut off at any write sends no push twice and leaves every untaken push queued', async () => {
  for (let i = 8; i <= 10; i++) await queueProposal(i, 'C')
  const report = await checkCrashPoints(s.emu, {
    operation: { timer: { fn: 'settlements', trigger: 'tick' } },
    recovery: [{ timer: { fn: 'settlements', trigger: 'tick' } }],
    // `push`: a tick cut off after taking a batch never sends it (at most once, as `notify`); the inbox message is
    // there once either way. The queue and the pushes WeChat got are checked by the invariants.
    digest: { collections: ['messages'], ignore: ['createdAt', 'updatedAt', 'push'] },
    observe: ['pushQueue', '_local_outbox'],
    invariants: (state) => {
      const queued = new Set(state.pushQueue.map((e) => e._id))
      const push = (m: Record<string, unknown>) => m.push as { pending?: boolean; sender?: string }
      const lost = state.messages.filter((m) => push(m).pending && !push(m).sender && !queued.has(m._id as string))
      const broken = lost.map((m) => `${String(m._id)}: push pending, never taken, and not queued`)
      const sent = state._local_outbox.filter((m) => m.templateId === localTemplateId('claimProposed')).map((m) => m.touser as string)
      for (const openid of new Set(sent)) if (sent.filter((x) => x === openid).length > 1) broken.push(`${openid} pushed twice`)
      return broken
    },
  })
  expectResumable(report)
  expect(report.runs.length).toBeGreaterThan(2)
}, 300_000)

it('a batch taken by a tick cut off mid-way is not sent again; its entries leave the queue once the lease ends', async () => {
  const id = await queueProposal(11, 'D')
  // Cut off right after taking the batch (the tick's first write to the inbox), before any push.
  const tick = { timer: { fn: 'settlements', trigger: 'tick' } }
  const before = await s.emu.faults.checkpoint()
  const take = (await s.emu.faults.run(tick)).writes.find((w) => w.collection === 'messages')
  await s.emu.faults.restore(before)
  await s.emu.faults.forget(before)
  expect(take).toBeDefined()
  expect((await s.emu.faults.run(tick, { atWrite: take!.n, when: 'after' })).crashed).not.toBeNull()
  expect((await s.db.collection('messages').doc(id).get()).data.push).toMatchObject({ pending: true, sender: expect.any(String), leaseUntil: expect.any(Number) })
  // The next ticks leave the entry while the lease holds, then drop it unsent (waiting for what the queue shows).
  const deadline = Date.now() + 90_000
  let queued = 1
  while (queued > 0 && Date.now() < deadline) queued = (await s.emu.fireTimer('settlements', 'tick')).data.pushesQueued
  expect(queued).toBe(0)
  expect(await pushesTo(workerOf(11))).toEqual([])
  expect((await s.db.collection('messages').doc(id).get()).data.push).toMatchObject({ pending: true })
}, 120_000)
