/**
 * A cloud function's timer triggers (config.json `triggers`) reach their handler through createMain only when the
 * platform says so — CloudBase's timer event, no user identity and TRIGGER_SRC=timer — and run as a system caller.
 * The same event sent by a user (or without the runtime's mark) is an ordinary call without an action.
 */
import { z } from 'zod'
import { defineFunction } from '@mutual-aid/contracts'
import { action, createMain, timer, type TimerDef } from '@cloud-shared/create-main'
import type { HandlerContext } from '@cloud-shared/context'
import { AppError } from '@cloud-shared/errors'
import { functionEnv } from '../../local-cloud/src/functions/function-env'

const contract = defineFunction('tick', { ping: { input: z.object({}), output: z.object({ pong: z.boolean() }) } })
const TICK = { Type: 'Timer', TriggerName: 'daily', Time: '2021-06-15T01:00:00Z', Message: '' }

function harness(opts: { openid?: string; triggerSrc?: string; timers?: Record<string, TimerDef> }) {
  const seen: { trigger: string; time: string; caller: HandlerContext['caller']; today: string }[] = []
  const cloud = {
    DYNAMIC_CURRENT_ENV: 'env',
    init: () => undefined,
    database: () => ({}),
    getWXContext: () => (opts.openid ? { OPENID: opts.openid } : {}),
  }
  const env = { ...functionEnv('http://127.0.0.1:1/admin'), ...(opts.triggerSrc ? { TRIGGER_SRC: opts.triggerSrc } : {}) }
  const timers = opts.timers ?? {
    daily: timer({
      async run(ctx, tick) {
        seen.push({ ...tick, caller: ctx.caller, today: ctx.clock.today() })
        return { done: 3 }
      },
    }),
  }
  const clock = { now: () => new Date('2021-06-15T01:00:00Z'), today: () => '2021-06-15' }
  const main = createMain(contract, cloud, { ping: action({ access: ['office'], input: z.object({}), run: async () => ({ pong: true }) }) }, { timers, clock, env })
  return { main, seen }
}

test('a tick from the platform runs its trigger as the system caller, with the business clock', async () => {
  const { main, seen } = harness({ triggerSrc: 'timer' })
  expect(await main(TICK)).toEqual({ ok: true, data: { done: 3 } })
  expect(seen).toEqual([
    {
      trigger: 'daily',
      time: '2021-06-15T01:00:00Z',
      caller: { openid: 'system:timer:daily', user: null, roles: [], timer: 'daily' },
      today: '2021-06-15',
    },
  ])
})

test.each([
  ['sent by a signed-in user', { openid: 'o_user_0001', triggerSrc: 'timer' }],
  ['without the runtime mark', {}],
  ['with another trigger source', { triggerSrc: 'http' }],
])('the same event %s is not a tick: nothing runs', async (_what, opts) => {
  const { main, seen } = harness(opts)
  expect(await main(TICK)).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
  expect(seen).toEqual([])
})

test('a tick for a trigger without a handler is refused by name', async () => {
  const { main } = harness({ triggerSrc: 'timer' })
  expect(await main({ ...TICK, TriggerName: 'weekly' })).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION', message: expect.stringContaining('weekly') })
})

test('a trigger name is looked up as an own property only', async () => {
  const { main } = harness({ triggerSrc: 'timer' })
  expect(await main({ ...TICK, TriggerName: 'constructor' })).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
})

test('a failing tick answers that it will continue next time; a refusal keeps its code', async () => {
  const failing = harness({
    triggerSrc: 'timer',
    timers: {
      daily: timer({
        async run() {
          throw new Error('boom')
        },
      }),
    },
  })
  const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  expect(await failing.main(TICK)).toEqual({ ok: false, code: 'INTERNAL', message: '定时任务未完成，将在下次触发时继续。' })
  spy.mockRestore()
  const refusing = harness({
    triggerSrc: 'timer',
    timers: {
      daily: timer({
        async run() {
          throw new AppError('BUSY', '稍后再试')
        },
      }),
    },
  })
  expect(await refusing.main(TICK)).toEqual({ ok: false, code: 'BUSY', message: '稍后再试' })
})

test('ordinary calls are unchanged: an action still needs a signed-in caller', async () => {
  const { main } = harness({})
  expect(await main({ action: 'ping' })).toMatchObject({ ok: false, code: 'NOT_SIGNED_IN' })
})
