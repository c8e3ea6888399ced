/**
 * The steps around a screen that a browser or weapp-host flow does through the functions rather than on screen: a
 * worker files an inpatient stay by hand (draft, one generated page per required item under the app's own paths,
 * consent, submit) and the office imports a bureau export for it. Each flow passes its own transport (the e2e's HTTP
 * calls, the weapp host's emulator).
 */
import { createHash, randomUUID } from 'node:crypto'
import { claimPagePath } from '@mutual-aid/contracts'
import { makePng } from '../fixtures/photos/make-photo'

export interface Transport {
  /** Calls an action of a function as `openid`; answers its data, throws unless the answer is ok. */
  call(fn: 'claims' | 'settlements', openid: string, action: string, input: Record<string, unknown>): Promise<any>
  /** Uploads `bytes` as `openid` to `cloudPath`; answers the fileID. */
  upload(openid: string, cloudPath: string, bytes: Buffer): Promise<string>
}

/** The pages a TZ inpatient claim needs (tz-2021's checklist). */
const STAY_ITEMS = ['participant_id', 'inpatient_receipts', 'settlement_statement', 'discharge_summary']

export interface Stay {
  admission: string
  discharge: string
  selfPayFen: number
  payee: { name: string; bank: string; account: string }
}

/** `openid` (a TZ worker) files their own stay by hand; answers the claim's id and number. */
export async function fileStayByHand(t: Transport, openid: string, stay: Stay): Promise<{ claimId: string; claimNo: string }> {
  const target = { mode: 'self' }
  const prep = await t.call('claims', openid, 'prepare', { target })
  const participation = (prep.participations as { id: string; products: string[] }[]).find((p) => p.products.includes('inpatient'))
  if (!participation) throw new Error(`${openid} has no inpatient cover`)
  const base = {
    participationId: participation.id,
    product: 'inpatient',
    kind: 'inpatient',
    facts: { hospital: '台州市中心医院', designatedHospital: true, admission: stay.admission, discharge: stay.discharge, selfPayFen: stay.selfPayFen, selfFundedFen: 0, medicalInsurance: 'employee', payee: stay.payee },
  }
  const draft = await t.call('claims', openid, 'saveDraft', { target, ...base, files: {} })
  const files: Record<string, string[]> = {}
  for (const [i, item] of STAY_ITEMS.entries()) {
    const bytes = makePng(120, 160, i + 1 + Number.parseInt(randomUUID().slice(0, 6), 16))
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    files[item] = [await t.upload(openid, claimPagePath(draft.draftId, item, sha256, 'png'), bytes)]
  }
  await t.call('claims', openid, 'saveDraft', { draftId: draft.draftId, version: draft.version, ...base, files })
  await t.call('claims', openid, 'consent', { kind: 'medical_info', version: '2021-01' })
  return t.call('claims', openid, 'submit', { draftId: draft.draftId, idempotencyKey: `k${randomUUID().replace(/-/g, '')}` })
}

/** The office imports a bureau export (CSV text) to the end, as the import page does; answers the import's outcome. */
export async function importSettlements(t: Transport, office: string, csv: string): Promise<any> {
  const fileID = await t.upload(office, `settlement-imports/${office}/${Date.now()}-settlements.csv`, Buffer.from(csv, 'utf8'))
  let answer = await t.call('settlements', office, 'import', { fileID })
  for (let i = 0; i < 100 && answer.status !== 'done' && answer.status !== 'invalid'; i++) answer = await t.call('settlements', office, 'continue', { importId: answer.importId })
  return answer
}
