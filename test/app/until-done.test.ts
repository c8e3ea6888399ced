/** 处理中 in the app: an action answering `processing` is called again (the same request resumes its operation). */
import type { Envelope, Processing } from '@mutual-aid/contracts'
import { POLL_TRIES, untilDone } from '../../src/services/until-done'

const processing = (done: number): Envelope<Processing> => ({ ok: true, data: { state: 'processing', operationId: 'op-x', done, total: 3000, message: `申报处理中（已完成 ${done} / 3000）` } })
const noPause = () => Promise.resolve()

test('calls again while the answer is 处理中, reporting each progress, until the finished answer', async () => {
  const answers: Envelope<{ enrolmentId: string } | Processing>[] = [processing(1000), processing(2000), { ok: true, data: { enrolmentId: 'e1' } }]
  const seen: number[] = []
  let calls = 0
  const last = await untilDone(async () => answers[calls++], (p) => seen.push(p.done), noPause)
  expect(last).toEqual({ ok: true, data: { enrolmentId: 'e1' } })
  expect(calls).toBe(3)
  expect(seen).toEqual([1000, 2000])
})

test('a refusal ends it at once; work still going on after the last try stays 处理中 (never an error)', async () => {
  let calls = 0
  expect(await untilDone(async () => (calls++, { ok: false, code: 'DUPLICATE_ENROLMENT', message: '…' }), () => undefined, noPause)).toMatchObject({ ok: false, code: 'DUPLICATE_ENROLMENT' })
  expect(calls).toBe(1)
  calls = 0
  const last = await untilDone(async () => (calls++, processing(calls)), () => undefined, noPause)
  expect(calls).toBe(POLL_TRIES + 1)
  expect(last).toMatchObject({ ok: true, data: { state: 'processing' } })
})
