/**
 * 提交申报 sends the declaration once (useAnnualDeclaration.submit): after the answer the form stays busy through the
 * success toast's delay and until the declaration page has replaced it, so a second tap in that gap asks nothing and
 * sends nothing. A refusal, or a navigation that fails, frees the form again. Timers are Jest's (the 600 ms delay);
 * the page and its navigation are test/app/helpers/fake-taro-page.ts.
 */
import { act } from 'react-test-renderer'
import type { Envelope } from '@mutual-aid/contracts'
import { confirm } from '@/components/ui'
import { useAnnualDeclaration } from '@/features/enrolment/declare/use-declaration'
import { flush, navigation, openPage, probe } from '../helpers/fake-taro-page'
import { person, whPrepared } from './prepared-fixtures'

jest.mock('@tarojs/taro', () => require('../helpers/fake-taro-page'))
jest.mock('@/components/ui', () => ({ toast: jest.fn(), confirm: jest.fn(async () => true) }))
jest.mock('@/features/notifications', () => ({ requestSubscriptions: jest.fn(async () => undefined) }))

/** The `enrolment.submit` calls the form made, and the answer the next one gets. */
const cloud: { calls: unknown[]; answer: Envelope<unknown> } = { calls: [], answer: { ok: true, data: null } }
jest.mock('@/features/enrolment/api', () => ({
  enrolmentApi: {
    submit: async (input: unknown) => {
      cloud.calls.push(input)
      return cloud.answer
    },
  },
}))

const SUBMITTED = { ok: true as const, data: { enrolmentId: 'e1', status: 'pending', totalFen: 30_000 } }
const DECLARATION_PAGE = '/packages/enrol/declaration/index?id=e1'
/** The toast's delay before the page leaves (ms), as use-declaration waits it. */
const TOAST_MS = 600

async function openForm() {
  const ten = Array.from({ length: 10 }, (_, i) => person(String(i + 1)))
  const form = probe(() => useAnnualDeclaration(whPrepared(ten)))
  await openPage(form.element({}))
  expect(form.current().summary.priced.ok).toBe(true) // a form that can be sent
  return form
}

/** One tap on 提交申报, run until it has nothing left to wait for but timers. */
async function tap(form: Awaited<ReturnType<typeof openForm>>) {
  await act(async () => {
    await form.current().submit()
  })
  await flush()
}

async function wait(ms: number) {
  await act(async () => {
    jest.advanceTimersByTime(ms)
  })
  await flush()
}

beforeEach(() => {
  // Only the timers: React's act and the promises keep their real scheduling.
  jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] })
  cloud.calls = []
  cloud.answer = SUBMITTED
  Object.assign(navigation, { redirects: [], relaunches: [], opened: [], backs: 0, refuse: false })
  jest.mocked(confirm).mockClear()
})

afterEach(() => {
  jest.useRealTimers()
})

describe('提交申报: one declaration however often it is tapped', () => {
  it('stays busy through the toast’s delay; a second tap then asks nothing and sends nothing; the page leaves once', async () => {
    const form = await openForm()
    await tap(form)
    expect(cloud.calls).toHaveLength(1)
    expect(form.current().busy).toBe(true)
    expect(navigation.redirects).toEqual([])

    await wait(TOAST_MS / 2)
    await tap(form) // the gap the old code left open: busy was cleared before the delay
    expect(confirm).toHaveBeenCalledTimes(1)
    expect(cloud.calls).toHaveLength(1)

    await wait(TOAST_MS)
    expect(navigation.redirects).toEqual([DECLARATION_PAGE])
    expect(form.current().busy).toBe(true) // until the page is gone
    await tap(form)
    expect(cloud.calls).toHaveLength(1)
  })

  it('a refusal frees the form at once: the message shows, no page opens, and the next tap sends again', async () => {
    const form = await openForm()
    cloud.answer = { ok: false, code: 'ROSTER_CHANGED', message: '名单已变化，请重新读取名单后再提交。' }
    await tap(form)
    expect(form.current()).toMatchObject({ busy: false, stale: true, serverError: '名单已变化，请重新读取名单后再提交。' })
    await wait(TOAST_MS * 2)
    expect(navigation.redirects).toEqual([])

    cloud.answer = SUBMITTED
    await tap(form)
    expect(cloud.calls).toHaveLength(2)
  })

  it('a redirect that fails frees the form again (the page stays and must work)', async () => {
    const form = await openForm()
    navigation.refuse = true
    await tap(form)
    expect(form.current().busy).toBe(true)
    await wait(TOAST_MS)
    expect(navigation.redirects).toEqual([])
    expect(form.current().busy).toBe(false)
  })
})
