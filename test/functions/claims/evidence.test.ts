/**
 * Immutable evidence: claim pages live under their content's sha-256 (write-once paths); submit and resubmit compute
 * each page's hash from storage, refuse a page whose content no longer matches its name, and record the hashes with
 * the materials version; reviewers see each page checked against them; a replaced page is a new version; every opening
 * of the photos is on the audit record.
 */
import { createHash } from 'node:crypto'
import { claimPagePath, parseClaimPage } from '@mutual-aid/contracts'
import { localCloud } from '../../../scripts/sdk-env'
import { makePng } from '../../fixtures/photos/make-photo'
import { AGENT, CLERK_WH, OFFICE, WH_ILLNESS, WORKER, PAYEE, fileClaim, okData, startSuite, uploadPage, uploadTo, versionOf, type Suite } from './helpers'

let s: Suite
beforeAll(async () => {
  s = await startSuite()
})
afterAll(async () => {
  await s?.emu.stop()
})

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')
const cloudPathOf = (fileID: string) => fileID.slice(fileID.indexOf('/', 'cloud://'.length) + 1)

/** Overwrites a stored page in place as `openid` (the storage rule lets a file's creator do it). */
async function overwrite(openid: string, fileID: string, seed: number): Promise<number> {
  return (await uploadTo(s.emu, openid, cloudPathOf(fileID), makePng(120, 160, seed))).status
}

describe('submitting', () => {
  it('refuses a page that is not stored under its content hash', async () => {
    const r = await fileClaim(s, WORKER, { consent: false })
    const draft = okData(await s.call(WORKER, 'getDraft', { draftId: r.draft!.draftId })).draft
    const content = makePng(120, 160, 99)
    const loose = await uploadTo(s.emu, WORKER, `claims/${draft.id}/medical_record/page-2.png`, content)
    const saved = await s.call(WORKER, 'saveDraft', {
      draftId: draft.id,
      version: draft.version,
      participationId: r.prep.data.participations[0].id,
      product: 'critical',
      kind: 'illness',
      facts: WH_ILLNESS,
      files: { ...draft.files, medical_record: [...draft.files.medical_record, loose.fileID] },
    })
    expect(saved).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(saved.message).toContain('重新上传')
  })

  it('refuses a page overwritten after upload, naming it; accepts it re-uploaded; records every page’s hash', async () => {
    const again = await fileClaim(s, CLERK_WH, { target: { mode: 'on_behalf', personId: 'unit-wh-minghu-p004' }, facts: { ...WH_ILLNESS, payee: { ...PAYEE, name: '赵磊' } }, key: 'evidence-key-0001' })
    expect(again.submit.ok).toBe(true)
    const stored = (await s.db.collection('claims').where({ _id: again.submit.data.claimId }).get()).data[0]
    const hashes = stored.materials[0].hashes as Record<string, string>
    const pages = Object.values(again.draft!.files).flat() as string[]
    expect(Object.keys(hashes).sort()).toEqual([...pages].sort())
    for (const id of pages) expect(hashes[id]).toBe(parseClaimPage(id)!.sha256)

    // A draft whose page is overwritten between upload and submit.
    const prep = okData(await s.call(CLERK_WH, 'prepare', { target: { mode: 'on_behalf', personId: 'unit-wh-minghu-p005' } }))
    const base = { participationId: prep.participations[0].id, product: 'critical', kind: 'illness', facts: { ...WH_ILLNESS, payee: { ...PAYEE, name: '刘玉兰' } } }
    const draft = okData(await s.call(CLERK_WH, 'saveDraft', { ...base, target: { mode: 'on_behalf', personId: 'unit-wh-minghu-p005' }, files: {} }))
    const files: Record<string, string[]> = {}
    for (const [i, item] of ['participant_id', 'discharge_summary', 'diagnostic_reports', 'medical_record'].entries()) files[item] = [await uploadPage(s.emu, CLERK_WH, draft.draftId, item, i + 1)]
    okData(await s.call(CLERK_WH, 'saveDraft', { ...base, draftId: draft.draftId, version: draft.version, files }))
    expect(await overwrite(CLERK_WH, files.discharge_summary[0], 777)).toBe(200)
    const refused = await s.call(CLERK_WH, 'submit', { draftId: draft.draftId, idempotencyKey: 'evidence-key-0002' })
    expect(refused).toMatchObject({ ok: false, code: 'FILE_CHANGED' })
    expect(refused.message).toContain('出院小结')
    expect(refused.message).toContain('上传后被改动过')
    expect(await s.db.collection('claims').where({ idempotencyKey: 'evidence-key-0002' }).count()).toMatchObject({ total: 0 })
    // Re-uploaded (a new path for the new content), the claim goes through.
    files.discharge_summary = [await uploadPage(s.emu, CLERK_WH, draft.draftId, 'discharge_summary', 8)]
    okData(await s.call(CLERK_WH, 'saveDraft', { ...base, draftId: draft.draftId, version: draft.version + 1, files }))
    expect(await s.call(CLERK_WH, 'submit', { draftId: draft.draftId, idempotencyKey: 'evidence-key-0002' })).toMatchObject({ ok: true })
  })
})

describe('after submission', () => {
  let claimId = ''
  let files: Record<string, string[]> = {}
  beforeAll(async () => {
    const r = await fileClaim(s, WORKER)
    claimId = okData(r.submit).claimId
    files = r.draft!.files
  })

  it('reviewers see every page checked against its recorded hash; each opening is audited', async () => {
    const photos = okData(await s.call(CLERK_WH, 'photoUrls', { claimId }))
    expect(Object.values(photos.checks)).toEqual(Object.values(files).flat().map(() => 'ok'))
    // The worker gets links, not checks (they are not reviewing).
    expect(okData(await s.call(WORKER, 'photoUrls', { claimId })).checks).toEqual({})
    const opened = (await s.db.collection('audit').where({ action: 'claim.photos.open', entityId: claimId }).get()).data
    expect(opened.map((a: any) => a.openid).sort()).toEqual([CLERK_WH, WORKER].sort())
    expect(opened[0].after.files.sort()).toEqual(Object.values(files).flat().sort())
    expect(opened[0].at).toBeDefined()
  })

  it('a page overwritten or deleted after submission shows as changed or missing; another user cannot overwrite', async () => {
    expect(await overwrite(STRANGER, files.medical_record[0], 5)).toBe(403)
    expect(await overwrite(WORKER, files.medical_record[0], 555)).toBe(200)
    const cloud = localCloud(s.emu.url)
    await cloud.deleteFile({ fileList: [files.participant_id[0]] })
    const checks = okData(await s.call(AGENT, 'photoUrls', { claimId })).checks
    expect(checks[files.medical_record[0]]).toBe('changed')
    expect(checks[files.participant_id[0]]).toBe('missing')
    expect(checks[files.discharge_summary[0]]).toBe('ok')
  })

  it('a replaced page is a new materials version; an overwritten page cannot be carried into it', async () => {
    okData(await s.call(CLERK_WH, 'return', { claimId, version: await versionOf(s, claimId), reason: '病历和身份证请重新拍摄' }))
    const claim = okData(await s.call(WORKER, 'get', { claimId }))
    const stale = await s.call(WORKER, 'resubmit', { claimId, version: claim.version, facts: claim.facts, files })
    expect(stale).toMatchObject({ ok: false, code: 'FILE_CHANGED' })
    expect(stale.message).toContain('已不存在')
    const replaced = {
      ...files,
      participant_id: [await uploadPage(s.emu, WORKER, claimId, 'participant_id', 21)],
      medical_record: [await uploadPage(s.emu, WORKER, claimId, 'medical_record', 22)],
    }
    okData(await s.call(WORKER, 'resubmit', { claimId, version: claim.version, facts: claim.facts, files: replaced, note: '已重新拍摄' }))
    const stored = (await s.db.collection('claims').where({ _id: claimId }).get()).data[0]
    expect(stored.materials).toHaveLength(2)
    expect(stored.materials[0].files).toEqual(files)
    expect(Object.keys(stored.materials[1].hashes).sort()).toEqual(Object.values(replaced).flat().sort())
    expect(stored.history.at(-1)).toMatchObject({ event: 'resubmit', note: '已重新拍摄' })
    const checks = okData(await s.call(OFFICE, 'photoUrls', { claimId })).checks
    // The first version's overwritten and deleted pages stay visible as such; the new version's pages check out.
    expect(checks[files.medical_record[0]]).toBe('changed')
    for (const id of Object.values(replaced).flat()) expect(checks[id]).toBe('ok')
  })
})

const STRANGER = 'stranger-evidence-01'

test('claimPagePath and parseClaimPage agree', () => {
  const hash = sha256(Buffer.from('page'))
  const fileID = `cloud://local-dev.6c6f-local-dev-1300000000/${claimPagePath('d1', 'medical_record', hash, 'jpg')}`
  expect(parseClaimPage(fileID)).toEqual({ folder: 'd1', item: 'medical_record', sha256: hash })
  expect(parseClaimPage(fileID.replace(hash, 'abc'))).toBeNull()
})
