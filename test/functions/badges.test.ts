/**
 * Home-page badges (issue 13 item 9): each role's counts come from count() on indexed fields and agree with the lists
 * they point to; a claim moves from one badge to the next as it is confirmed and returned.
 */
import { expectQueriesIndexed } from '../helpers/query-stats'
import { checkAnswer } from '../helpers/contract-check'
import { AGENT, CLERK_TZ, CLERK_WH, OFFICE, WORKER, WORKER_2, fileClaim, okData, startSuite, versionOf, type Suite } from './claims/helpers'

let s: Suite

beforeAll(async () => {
  s = await startSuite()
})

afterAll(async () => {
  await s?.emu.stop()
})

async function badges(fn: 'claims' | 'enrolment' | 'messages', openid: string) {
  const action = fn === 'messages' ? 'unreadCount' : 'badges'
  const { result, queries } = await s.emu.callFunctionWithStats(fn, { action }, { openid })
  checkAnswer(fn, action, result)
  expectQueriesIndexed(queries)
  return okData(result)
}

describe('claim badges follow a claim through the review levels', () => {
  it('waiting for the clerk, then the agent; returned to the worker', async () => {
    const before = { clerk: await badges('claims', CLERK_WH), agent: await badges('claims', AGENT), worker: await badges('claims', WORKER_2) }
    const filed = await fileClaim(s, WORKER_2)
    const claimId = okData(filed.submit).claimId as string

    expect((await badges('claims', CLERK_WH)).waiting).toBe(before.clerk.waiting + 1)
    // Another unit's clerk is not told about it.
    expect((await badges('claims', CLERK_TZ)).waiting).toBe(0)
    expect(await badges('claims', WORKER_2)).toEqual({ returned: before.worker.returned, waiting: 0 })

    expect((await s.call(CLERK_WH, 'confirm', { claimId, version: await versionOf(s, claimId) })).ok).toBe(true)
    expect((await badges('claims', CLERK_WH)).waiting).toBe(before.clerk.waiting)
    expect((await badges('claims', AGENT)).waiting).toBe(before.agent.waiting + 1)

    const ret = await s.call(AGENT, 'return', { claimId, version: await versionOf(s, claimId), reason: '手术报告不清晰，请重新拍摄' })
    expect(ret.ok).toBe(true)
    expect((await badges('claims', AGENT)).waiting).toBe(before.agent.waiting)
    expect((await badges('claims', WORKER_2)).returned).toBe(before.worker.returned + 1)
    // Someone else's returned claim is not on this worker's badge.
    expect((await badges('claims', WORKER)).returned).toBe(0)
  })

  it('the office counts the claims waiting at its level, the same number its queue shows', async () => {
    const queue = okData(await s.call(OFFICE, 'queue', {}))
    expect((await badges('claims', OFFICE)).waiting).toBe(queue.counts.agent_confirmed)
  })
})

describe('declaration badges agree with the declaration lists each role opens', () => {
  it.each([
    ['clerk (WH)', CLERK_WH],
    ['clerk (TZ)', CLERK_TZ],
    ['agent', AGENT],
    ['office', OFFICE],
  ])('%s', async (_who, openid) => {
    const got = await badges('enrolment', openid)
    const total = async (status: string) => {
      const answer = await s.emu.callFunction('enrolment', { action: 'list', status, limit: 1 }, { openid })
      return okData(answer).total as number
    }
    expect(got).toEqual({ returned: await total('returned'), waitingReview: await total('submitted'), awaitingPayment: await total('approved') })
  })

  it('a worker has no declaration scope: all zero', async () => {
    expect(await badges('enrolment', WORKER)).toEqual({ returned: 0, waitingReview: 0, awaitingPayment: 0 })
  })
})

describe('the 消息 badge', () => {
  it('is the unread count of the caller’s inbox and falls to 0 once read', async () => {
    const list = okData(await s.emu.callFunction('messages', { action: 'list' }, { openid: WORKER_2 }))
    expect(list.unread).toBeGreaterThan(0) // the return above sent a notice
    expect((await badges('messages', WORKER_2)).unread).toBe(list.unread)
    okData(await s.emu.callFunction('messages', { action: 'markRead', all: true }, { openid: WORKER_2 }))
    expect((await badges('messages', WORKER_2)).unread).toBe(0)
  })
})
