/**
 * Fixtures for the claims function tests: one emulator per suite, the demo seed (paid 2021 WH enrolment,
 * 2 shares, renewing, coverage 2021-01-16 → 2021-12-31), and small helpers to file a claim like the app does
 * (save draft → upload pages under claims/<draftId>/<item>/ → consent → submit).
 */
import { claimPagePath } from '@mutual-aid/contracts'
import { createHash, randomUUID } from 'node:crypto'
import { startEmulator, type Emulator } from '../../helpers/emulator'
import { appCaller } from '../../helpers/calls'
import { seedDemo } from '../../../scripts/seed'
import { localCloud } from '../../../scripts/sdk-env'
import { makePng } from '../../fixtures/photos/make-photo'

export const TODAY = '2021-06-15'
export const OFFICE = 'demo-office-01'
export const AGENT = 'demo-agent-01'
export const CLERK_WH = 'demo-clerk-wh'
export const CLERK_TZ = 'demo-clerk-tz'
export const WORKER = 'demo-worker-wh-1' // 张伟, unit-wh-minghu-p001
export const WORKER_2 = 'demo-worker-wh-2' // 王秀英, unit-wh-minghu-p002
export const WORKER_TZ = 'demo-worker-tz-1' // 余静, unit-tz-haiyue-p001

export interface Suite {
  emu: Emulator
  call(openid: string, action: string, input?: Record<string, unknown>): Promise<any>
  db: any
}

export async function startSuite(): Promise<Suite> {
  // The functions stand on the demo's business date.
  const emu = await startEmulator({ env: { MUTUAL_AID_TODAY: TODAY } })
  const db = localCloud(emu.url).database()
  await seedDemo(emu.url)
  const call = appCaller(emu)
  return {
    emu,
    db,
    call: (openid, action, input) => call('claims', openid, action, input),
  }
}

/** Uploads `content` as `openid` to `cloudPath` through the browser upload route (what the app's upload does). */
export async function uploadTo(emu: Emulator, openid: string, cloudPath: string, content: Buffer): Promise<{ status: number; fileID?: string }> {
  const token = await emu.token(openid)
  const form = new FormData()
  form.append('cloudPath', cloudPath)
  form.append('file', new Blob([new Uint8Array(content)], { type: 'image/png' }), 'page.png')
  const res = await fetch(`${emu.url}/local/upload`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form })
  const body = (await res.json()) as { fileID?: string }
  return { status: res.status, fileID: body.fileID }
}

/**
 * Uploads one generated page as `openid` the way the app does — under `claims/<folder>/<item>/`, named by the
 * sha-256 of its content — and answers the fileID.
 */
export async function uploadPage(emu: Emulator, openid: string, folder: string, item: string, seed = 1): Promise<string> {
  // The seed picks the picture; a random pixel row keeps pages of different calls distinct.
  const content = makePng(120, 160, seed + Number.parseInt(randomUUID().slice(0, 6), 16))
  const sha256 = createHash('sha256').update(content).digest('hex')
  const { fileID } = await uploadTo(emu, openid, claimPagePath(folder, item, sha256, 'png'), content)
  if (!fileID) throw new Error(`upload of ${item} failed`)
  return fileID
}

export const PAYEE = { name: '张伟', bank: '中国工商银行鄂州分行', account: '6222020000000000001' }

/** WH illness facts: leukaemia diagnosed 2021-05-01, inpatient at a designated hospital. */
export const WH_ILLNESS = {
  disease: 'WH05',
  eventDate: '2021-05-01',
  hospital: '鄂州市中心医院',
  designatedHospital: true,
  inpatient: true,
  admission: '2021-05-01',
  discharge: '2021-05-20',
  payee: PAYEE,
}

export const WH_ILLNESS_ITEMS = ['participant_id', 'discharge_summary', 'diagnostic_reports', 'medical_record']

export interface FileOptions {
  target?: Record<string, unknown>
  participationId?: string
  product?: string
  kind?: string
  facts?: Record<string, unknown>
  items?: string[]
  consent?: boolean
  key?: string
}

/** Files a claim the way the app does; answers the draft and submit results. */
export async function fileClaim(s: Suite, openid: string, o: FileOptions = {}) {
  const target = o.target ?? { mode: 'self' }
  const prep = await s.call(openid, 'prepare', { target })
  if (!prep.ok) return { prep, draft: null, submit: prep }
  const participationId = o.participationId ?? prep.data.participations[0]?.id
  const draft = await s.call(openid, 'saveDraft', {
    target,
    participationId,
    product: o.product ?? 'critical',
    kind: o.kind ?? 'illness',
    facts: o.facts ?? WH_ILLNESS,
    files: {},
  })
  if (!draft.ok) return { prep, draft, submit: draft }
  const files: Record<string, string[]> = {}
  for (const [i, item] of (o.items ?? WH_ILLNESS_ITEMS).entries()) {
    files[item] = [await uploadPage(s.emu, openid, draft.data.draftId, item, i + 1)]
  }
  const saved = await s.call(openid, 'saveDraft', {
    draftId: draft.data.draftId,
    version: draft.data.version,
    participationId,
    product: o.product ?? 'critical',
    kind: o.kind ?? 'illness',
    facts: o.facts ?? WH_ILLNESS,
    files,
  })
  if (!saved.ok) return { prep, draft: saved, submit: saved }
  if (o.consent !== false) await s.call(openid, 'consent', { kind: 'medical_info', version: '2021-01' })
  const key = o.key ?? `k${randomUUID().replace(/-/g, '')}`
  const submit = await s.call(openid, 'submit', { draftId: draft.data.draftId, idempotencyKey: key })
  return { prep, draft: { ...draft.data, files }, submit, key }
}

/** Reads the current version of a claim (as the office, which sees everything). */
export async function versionOf(s: Suite, claimId: string): Promise<number> {
  const got = await s.call(OFFICE, 'get', { claimId })
  if (!got.ok) throw new Error(JSON.stringify(got))
  return got.data.version
}

/** Moves a submitted claim through clerk and agent confirmation. */
export async function confirmToOffice(s: Suite, claimId: string, clerk = CLERK_WH): Promise<void> {
  const a = await s.call(clerk, 'confirm', { claimId, version: await versionOf(s, claimId) })
  if (!a.ok) throw new Error(JSON.stringify(a))
  const b = await s.call(AGENT, 'confirm', { claimId, version: await versionOf(s, claimId) })
  if (!b.ok) throw new Error(JSON.stringify(b))
}

/** The answer's data, or a failure that shows the whole envelope (jest's diff hides the code and message). */
export function okData(answer: any): any {
  if (!answer?.ok) throw new Error(`expected ok, got ${JSON.stringify(answer)}`)
  return answer.data
}
