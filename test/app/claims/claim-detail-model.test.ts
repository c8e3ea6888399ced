/**
 * The claim page's model (useClaimDetail): the claim and its photo links once per open, again on coming back — but
 * not while a review form is open (the album hides the page); a review step asks first, sends the version shown,
 * closes the form and reloads; a CONFLICT reloads so the person sees what changed; resubmission pages are saved one
 * at a time with every item kept.
 */
import { act } from 'react-test-renderer'
import type { ClaimDetail, ClaimFiles } from '@mutual-aid/contracts'
import { useClaimDetail } from '@/features/claims/claim-detail/use-claim-detail'
import { flush, openPage, probe } from '../helpers/fake-taro-page'

jest.mock('@tarojs/taro', () => require('../helpers/fake-taro-page'))
const ui = { toast: jest.fn(), confirm: jest.fn(async (..._: unknown[]) => true) }
// Read when called, not when the mock is made (jest hoists the mock above this file's declarations).
jest.mock('@/components/ui', () => ({ toast: (...a: unknown[]) => ui.toast(...a), confirm: (...a: unknown[]) => ui.confirm(...a) }))
jest.mock('@/features/notifications', () => ({ requestSubscriptions: jest.fn(async () => undefined) }))

const server = {
  version: 5,
  calls: [] as string[],
  confirmAnswer: 'ok' as 'ok' | 'conflict',
  resubmission: { files: { surgery_report: ['s0'] } as ClaimFiles, inFlight: 0, maxInFlight: 0 },
}

const claim = (): ClaimDetail =>
  ({
    id: 'c1',
    claimNo: 'WH2021-000002',
    version: server.version,
    status: 'submitted',
    files: { participant_id: ['p1'] },
    resubmission: null,
    actions: ['confirm', 'return'],
  }) as unknown as ClaimDetail

jest.mock('@/features/claims/api', () => ({
  claimsApi: {
    get: async () => {
      server.calls.push('get')
      return { ok: true, data: claim() }
    },
    photoUrls: async () => {
      server.calls.push('photoUrls')
      return { ok: true, data: { urls: { p1: 'https://example.invalid/p1' } } }
    },
    confirm: async (_id: string, version: number) => {
      server.calls.push(`confirm@${version}`)
      if (server.confirmAnswer === 'conflict') return { ok: false, code: 'CONFLICT', message: '该申请已被他人处理，请刷新' }
      server.version += 1
      return { ok: true, data: { status: 'clerk_confirmed', version: server.version } }
    },
    saveResubmission: async (_id: string, files: ClaimFiles) => {
      const r = server.resubmission
      r.inFlight += 1
      r.maxInFlight = Math.max(r.maxInFlight, r.inFlight)
      await new Promise((resolve) => setTimeout(resolve, 5))
      r.inFlight -= 1
      r.files = files
      return { ok: true, data: {} }
    },
  },
}))

beforeEach(() => {
  Object.assign(server, { version: 5, calls: [], confirmAnswer: 'ok', resubmission: { files: {}, inFlight: 0, maxInFlight: 0 } })
  ui.toast.mockClear()
})

it('loads the claim and its photo links once per open, again on coming back, not while a form is open', async () => {
  const p = probe(() => useClaimDetail('c1'))
  const page = await openPage(p.element({}))
  expect(server.calls).toEqual(['get', 'photoUrls'])
  expect(p.current()).toMatchObject({ status: 'ready', data: { urls: { p1: 'https://example.invalid/p1' } } })
  await page.hide()
  await page.show()
  expect(server.calls).toEqual(['get', 'photoUrls', 'get', 'photoUrls'])
  await act(async () => p.current().openPanel('return'))
  await page.hide()
  await page.show()
  expect(server.calls).toHaveLength(4)
  expect(p.current().panel).toBe('return')
})

it('a step asks first, sends the version shown, then closes the form and reloads', async () => {
  const p = probe(() => useClaimDetail('c1'))
  await openPage(p.element({}))
  await act(async () => p.current().confirmClaim())
  await flush()
  expect(ui.confirm).toHaveBeenCalledWith(expect.objectContaining({ title: '确认该申请？', confirmText: '确认' }))
  expect(server.calls).toEqual(['get', 'photoUrls', 'confirm@5', 'get', 'photoUrls'])
  expect(ui.toast).toHaveBeenCalledWith('确认成功', 'success')
  const s = p.current()
  expect(s.status === 'ready' && s.data.claim.version).toBe(6)
})

it('a CONFLICT says so and reloads the claim as it is now', async () => {
  server.confirmAnswer = 'conflict'
  const p = probe(() => useClaimDetail('c1'))
  await openPage(p.element({}))
  await act(async () => p.current().confirmClaim())
  await flush()
  expect(ui.toast).toHaveBeenCalledWith('该申请已被他人处理，请刷新', 'error')
  expect(server.calls).toEqual(['get', 'photoUrls', 'confirm@5', 'get', 'photoUrls'])
})

it('resubmission pages of several items finishing together are saved one at a time, every item kept', async () => {
  const p = probe(() => useClaimDetail('c1'))
  await openPage(p.element({}))
  await act(async () => p.current().openPanel('resubmit'))
  let saved: boolean[] = []
  await act(async () => {
    const m = p.current()
    saved = await Promise.all([m.saveResubmissionItem('surgery_report', ['s1'], ''), m.saveResubmissionItem('medical_record', ['m1', 'm2'], '已重拍')])
  })
  expect(saved).toEqual([true, true])
  expect(server.resubmission.maxInFlight).toBe(1)
  expect(server.resubmission.files).toEqual({ participant_id: ['p1'], surgery_report: ['s1'], medical_record: ['m1', 'm2'] })
})

it('without a claim id nothing is called', async () => {
  const p = probe(() => useClaimDetail(''))
  await openPage(p.element({}))
  expect(server.calls).toEqual([])
  expect(p.current().status).toBe('loading')
})
