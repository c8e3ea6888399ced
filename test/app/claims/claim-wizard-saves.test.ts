/**
 * The claim wizard's draft saves (useClaimWizard): photos of several checklist items finishing at once are saved one
 * after another, each with the version the previous save left and every item's pages — against a fake `claims`
 * function that refuses a stale version as the cloud does. Loading the draft happens once, and not again when the
 * page comes back from the album.
 */
import { act } from 'react-test-renderer'
import { getScheme } from '@mutual-aid/shared-rules'
import type { DraftView, SaveDraftInput } from '@mutual-aid/contracts'
import { useClaimWizard } from '@/features/claims/claim-wizard/use-claim-wizard'
import { flush, openPage, probe } from '../helpers/fake-taro-page'

jest.mock('@tarojs/taro', () => require('../helpers/fake-taro-page'))
jest.mock('@/components/ui', () => ({ toast: jest.fn(), confirm: jest.fn(async () => true) }))
jest.mock('@/features/notifications', () => ({ requestSubscriptions: jest.fn(async () => undefined) }))
jest.mock('@/features/session', () => ({
  useSession: () => ({ status: 'ready', whoami: { openid: 'o1', role: 'worker', roles: ['worker'], personId: 'w1' }, reload: () => undefined }),
}))

/** The draft as the cloud keeps it: a version that every save must name, and the files last saved. */
const cloud = { version: 3, files: {} as Record<string, string[]>, saves: [] as SaveDraftInput[], inFlight: 0, maxInFlight: 0, gets: 0 }

jest.mock('@/features/claims/api', () => ({
  claimsApi: {
    getDraft: async (): Promise<{ ok: true; data: DraftView }> => {
      cloud.gets += 1
      return {
        ok: true,
        data: {
          draft: {
            id: 'd1',
            version: cloud.version,
            filedAs: 'worker',
            product: 'critical',
            kind: 'illness',
            facts: { disease: 'WH05', eventDate: '2021-05-01', hospital: '鄂州市中心医院', designatedHospital: true, inpatient: false, payee: { name: '张伟', bank: '工行', account: '6222020000000000001' } },
            files: { ...cloud.files },
            claimId: null,
            updatedAt: '2021-06-15T00:00:00.000Z',
          },
          person: { id: 'w1', name: '张伟', idMasked: '4207**********1234' },
          participation: {
            id: 'p1',
            schemeId: 'wh-2020',
            rules: getScheme('wh-2020'),
            family: 'WH',
            year: 2021,
            products: ['critical'],
            shares: 2,
            firstTime: false,
            coverageStart: '2021-01-16',
            coverageEnd: '2021-12-31',
            endedProducts: [],
            inpatientDaysUsed: 0,
          },
          consent: false,
          today: '2021-06-15',
        },
      }
    },
    saveDraft: async (input: SaveDraftInput) => {
      cloud.inFlight += 1
      cloud.maxInFlight = Math.max(cloud.maxInFlight, cloud.inFlight)
      cloud.saves.push(input)
      await new Promise((r) => setTimeout(r, 10))
      cloud.inFlight -= 1
      if (input.version !== cloud.version) return { ok: false, code: 'CONFLICT', message: '草稿已被修改，请刷新后重试' }
      cloud.version += 1
      cloud.files = { ...input.files }
      return { ok: true, data: { draftId: 'd1', version: cloud.version } }
    },
    myDrafts: async () => ({ ok: true, data: [] }),
    draftFileUrls: async () => ({ ok: true, data: { urls: {} } }),
    rosterForClaims: async () => ({ ok: true, data: [] }),
  },
}))

beforeEach(() => {
  Object.assign(cloud, { version: 3, files: { participant_id: ['old'] }, saves: [], inFlight: 0, maxInFlight: 0, gets: 0 })
})

it('three checklist items finishing together are saved one at a time, each with the latest version and all pages', async () => {
  const p = probe(() => useClaimWizard({ draftId: 'd1' }))
  const page = await openPage(p.element({}))
  expect(cloud.gets).toBe(1)
  expect(p.current().state).toMatchObject({ step: 'photos', draft: { id: 'd1', version: 3 } })

  let results: boolean[] = []
  await act(async () => {
    const w = p.current()
    results = await Promise.all([
      w.savePhotos('participant_id', ['old', 'a1']),
      w.savePhotos('discharge_summary', ['b1']),
      w.savePhotos('diagnostic_reports', ['c1', 'c2']),
    ])
  })
  await flush()

  expect(results).toEqual([true, true, true])
  expect(cloud.maxInFlight).toBe(1)
  expect(cloud.saves.map((s) => s.version)).toEqual([3, 4, 5])
  expect(cloud.files).toEqual({ participant_id: ['old', 'a1'], discharge_summary: ['b1'], diagnostic_reports: ['c1', 'c2'] })
  expect(p.current().state).toMatchObject({ draft: { version: 6 }, files: cloud.files })

  // Removing an item's last page drops the item.
  await act(async () => {
    await p.current().savePhotos('discharge_summary', [])
  })
  expect(cloud.files).toEqual({ participant_id: ['old', 'a1'], diagnostic_reports: ['c1', 'c2'] })

  // Back from the album: nothing is loaded again (what was saved stays as it is on screen).
  await page.hide()
  await page.show()
  expect(cloud.gets).toBe(1)
})

it('a save refused as stale answers false, reloads the draft as the cloud has it, and the next save goes through', async () => {
  const p = probe(() => useClaimWizard({ draftId: 'd1' }))
  await openPage(p.element({}))
  // Someone else saved the draft meanwhile (another phone of the same worker).
  cloud.version = 9
  cloud.files = { participant_id: ['old', 'other-phone'] }
  let first = true
  await act(async () => {
    first = await p.current().savePhotos('participant_id', ['old', 'x'])
  })
  await flush()
  expect(first).toBe(false)
  expect(cloud.gets).toBe(2)
  expect(p.current().state).toMatchObject({ draft: { version: 9 }, files: { participant_id: ['old', 'other-phone'] } })
  let second = false
  await act(async () => {
    second = await p.current().savePhotos('discharge_summary', ['b1'])
  })
  expect(second).toBe(true)
  expect(cloud.files).toEqual({ participant_id: ['old', 'other-phone'], discharge_summary: ['b1'] })
})
