/**
 * Fixtures for the enrolment function tests: one emulator per suite on a pinned business date, the demo seed
 * (WH unit paid for 2021; TZ private unit with 14 people and no enrolment), and helpers that call functions and
 * upload roster files the way the app does.
 */
import { startEmulator } from '../../helpers/emulator'
import { appCaller, okOf, type CallingSuite } from '../../helpers/calls'
import { seedDemo } from '../../../scripts/seed'
import { localCloud } from '../../../scripts/sdk-env'

export const OFFICE = 'demo-office-01'
export const AGENT = 'demo-agent-01'
export const CLERK_WH = 'demo-clerk-wh'
export const CLERK_TZ = 'demo-clerk-tz'
export const WORKER_WH = 'demo-worker-wh-1'
export const WORKER_TZ = 'demo-worker-tz-1'
export const WH_UNIT = 'unit-wh-minghu'
export const TZ_UNIT = 'unit-tz-haiyue'

export interface Suite extends CallingSuite {
  cloud: any
  /** Uploads a file into storage at `cloudPath` (as the page's upload would) and answers its fileID. */
  upload(cloudPath: string, content: Buffer): Promise<string>
}

export async function startSuite(today = '2021-06-15', seed = true, options: { faultInjection?: boolean } = {}): Promise<Suite> {
  const emu = await startEmulator({ env: { MUTUAL_AID_TODAY: today }, faultInjection: options.faultInjection })
  const cloud = localCloud(emu.url)
  const db = cloud.database()
  if (seed) await seedDemo(emu.url)
  const call = appCaller(emu)
  return {
    emu,
    db,
    cloud,
    call,
    ok: okOf(call),
    async upload(cloudPath, content) {
      const res = await cloud.uploadFile({ cloudPath, fileContent: content })
      return res.fileID as string
    },
  }
}

/** Person ids of the TZ demo unit's roster (and any imported people), in-service first. */
export async function rosterIds(s: Suite, unitId: string, status = 'in_service'): Promise<string[]> {
  const res = await s.db.collection('people').where({ unitId, status }).orderBy('_id', 'asc').limit(1000).get()
  return res.data.map((p: any) => p._id)
}

type Ok = (fn: string, openid: string, action: string, input?: Record<string, unknown>) => Promise<any>

/** Every row of the declaration page's people list (`enrolment.people`), read page after page as the page does. */
export async function preparedPeople(ok: Ok, openid: string, year: number, list: 'all' | 'in_service' | 'recent' | 'enrolled' = 'all'): Promise<any[]> {
  const rows: any[] = []
  let cursor: string | undefined
  do {
    const page = await ok('enrolment', openid, 'people', { year, list, limit: 50, ...(cursor ? { cursor } : {}) })
    rows.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return rows
}
