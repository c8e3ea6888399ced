/**
 * The claims function behind the rebuilt claim form (issue 13): thumbnails of the caller's own draft pages through
 * temporary links (scoped and audited), PDF/OFD e-receipts stored by content hash like photos, facts corrected on a
 * return and kept with each materials version, and a family's death claim with the applicant's relationship and phone
 * (a worker never files 身故 for himself).
 */
import { createHash } from 'node:crypto'
import { claimPagePath } from '@mutual-aid/contracts'
import { ofdFile } from '../../fixtures/ofd/make-ofd'
import { AGENT, CLERK_WH, OFFICE, PAYEE, WH_ILLNESS, WH_ILLNESS_ITEMS, WORKER, WORKER_2, fileClaim, okData, startSuite, uploadPage, uploadTo, versionOf, type Suite } from './helpers'

let s: Suite

beforeAll(async () => {
  s = await startSuite()
})

afterAll(async () => {
  await s?.emu.stop()
})

/** A small but real PDF (the emulator's upload checks the %PDF magic). */
function pdf(text: string): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% ${text}\n%%EOF\n`, 'latin1')
}

async function newDraft(openid: string, facts: Record<string, unknown> = WH_ILLNESS) {
  const prep = okData(await s.call(openid, 'prepare', { target: { mode: 'self' } }))
  const participationId = prep.participations[0].id
  const d = okData(await s.call(openid, 'saveDraft', { target: { mode: 'self' }, participationId, product: 'critical', kind: 'illness', facts, files: {} }))
  return { ...d, participationId }
}

describe('draftFileUrls: thumbnails of pages saved in an earlier visit', () => {
  it('the owner gets a link per page of the draft; anyone else is refused; each opening is on record', async () => {
    const d = await newDraft(WORKER)
    const a = await uploadPage(s.emu, WORKER, d.draftId, 'participant_id', 1)
    const b = await uploadPage(s.emu, WORKER, d.draftId, 'participant_id', 2)
    okData(await s.call(WORKER, 'saveDraft', { draftId: d.draftId, version: d.version, participationId: d.participationId, product: 'critical', kind: 'illness', facts: WH_ILLNESS, files: { participant_id: [a, b] } }))

    const urls = okData(await s.call(WORKER, 'draftFileUrls', { draftId: d.draftId })).urls
    expect(Object.keys(urls).sort()).toEqual([a, b].sort())
    const res = await fetch(urls[a])
    expect(res.status).toBe(200)

    expect(await s.call(WORKER_2, 'draftFileUrls', { draftId: d.draftId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await s.call(OFFICE, 'draftFileUrls', { draftId: d.draftId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const audit = await s.db.collection('audit').where({ action: 'claimDraft.files.open', entityId: d.draftId }).get()
    expect(audit.data).toHaveLength(1)
    expect(audit.data[0].after.files.sort()).toEqual([a, b].sort())
  })

  it('an unknown draft is NOT_FOUND, a malformed id INVALID_INPUT', async () => {
    expect(await s.call(WORKER, 'draftFileUrls', { draftId: 'no-such-draft' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await s.call(WORKER, 'draftFileUrls', { draftId: '../x' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })
})

describe('e-receipts as files', () => {
  it('a PDF and an OFD page under their content hashes are accepted, their hashes recorded with the version on submit, and opened by the reviewer', async () => {
    const content = pdf('receipt 1')
    const prep = okData(await s.call(WORKER_2, 'prepare', { target: { mode: 'self' } }))
    const participationId = prep.participations[0].id
    const d = okData(await s.call(WORKER_2, 'saveDraft', { target: { mode: 'self' }, participationId, product: 'critical', kind: 'illness', facts: { ...WH_ILLNESS, payee: { ...PAYEE, name: '王秀英' } }, files: {} }))
    const hash = createHash('sha256').update(content).digest('hex')
    const up = await uploadTo(s.emu, WORKER_2, claimPagePath(d.draftId, 'diagnostic_reports', hash, 'pdf'), content)
    expect(up.status).toBe(200)
    const files: Record<string, string[]> = {}
    for (const [i, item] of WH_ILLNESS_ITEMS.entries()) files[item] = [await uploadPage(s.emu, WORKER_2, d.draftId, item, i + 1)]
    files.diagnostic_reports.push(up.fileID as string)
    // And an OFD e-receipt (GB/T 33190, the national e-invoice format: a ZIP container), the same way.
    const ofd = ofdFile('门诊收费票据')
    const ofdHash = createHash('sha256').update(ofd).digest('hex')
    const ofdUp = await uploadTo(s.emu, WORKER_2, claimPagePath(d.draftId, 'diagnostic_reports', ofdHash, 'ofd'), ofd)
    expect(ofdUp.status).toBe(200)
    files.diagnostic_reports.push(ofdUp.fileID as string)
    okData(await s.call(WORKER_2, 'saveDraft', { draftId: d.draftId, version: d.version, participationId, product: 'critical', kind: 'illness', facts: { ...WH_ILLNESS, payee: { ...PAYEE, name: '王秀英' } }, files }))
    await s.call(WORKER_2, 'consent', { kind: 'medical_info', version: '2021-01' })
    const claim = okData(await s.call(WORKER_2, 'submit', { draftId: d.draftId, idempotencyKey: `k${hash.slice(0, 20)}` }))
    const stored = await s.db.collection('claims').doc(claim.claimId).get()
    expect(stored.data.materials[0].hashes[up.fileID as string]).toBe(hash)
    expect(stored.data.materials[0].hashes[ofdUp.fileID as string]).toBe(ofdHash)
    // The unit's clerk opens both files: each checks against its recorded hash, and the link serves the bytes uploaded.
    const seen = okData(await s.call(CLERK_WH, 'photoUrls', { claimId: claim.claimId }))
    expect(seen.checks[up.fileID as string]).toBe('ok')
    expect(seen.checks[ofdUp.fileID as string]).toBe('ok')
    const served = await fetch(seen.urls[ofdUp.fileID as string])
    expect(served.status).toBe(200)
    expect(Buffer.from(await served.arrayBuffer()).equals(ofd)).toBe(true)
  })

  it('a file that is not an OFD (not even a ZIP) cannot be stored under a .ofd name', async () => {
    const fake = pdf('a PDF renamed .ofd')
    const hash = createHash('sha256').update(fake).digest('hex')
    const up = await uploadTo(s.emu, WORKER, claimPagePath('d-any', 'diagnostic_reports', hash, 'ofd'), fake)
    expect(up.status).toBe(400)
  })

  it('a file that is not a PDF cannot be stored under a .pdf name', async () => {
    const fake = Buffer.from('not a pdf at all')
    const hash = createHash('sha256').update(fake).digest('hex')
    const up = await uploadTo(s.emu, WORKER, claimPagePath('d-any', 'diagnostic_reports', hash, 'pdf'), fake)
    expect(up.status).toBe(400)
  })
})

describe('facts corrected on a return', () => {
  it('the filer corrects the diagnosis date and hospital answer; both versions keep their own facts', async () => {
    const filed = await fileClaim(s, WORKER, { facts: { ...WH_ILLNESS, designatedHospital: false } })
    const claimId = okData(filed.submit).claimId
    okData(await s.call('demo-clerk-wh', 'confirm', { claimId, version: await versionOf(s, claimId) }))
    okData(await s.call(AGENT, 'return', { claimId, version: await versionOf(s, claimId), reason: '确诊日期与诊断证明不符，请更正' }))
    const returned = okData(await s.call(WORKER, 'get', { claimId }))
    const corrected = { ...returned.facts, eventDate: '2021-04-28', designatedHospital: true }

    // Kept while gathered: closing the app before 重新提交 loses the correction neither.
    okData(await s.call(WORKER, 'saveResubmission', { claimId, files: returned.files, facts: corrected, note: '已更正确诊日期' }))
    expect(okData(await s.call(WORKER, 'get', { claimId })).resubmission).toMatchObject({ facts: { eventDate: '2021-04-28', designatedHospital: true } })
    // A bad correction is refused and changes nothing.
    expect(await s.call(WORKER, 'resubmit', { claimId, version: returned.version, facts: { ...corrected, eventDate: '2021-02-30' }, files: returned.files })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })

    okData(await s.call(WORKER, 'resubmit', { claimId, version: returned.version, facts: corrected, files: returned.files, note: '已更正确诊日期' }))
    const after = okData(await s.call(OFFICE, 'get', { claimId }))
    expect(after.facts).toMatchObject({ eventDate: '2021-04-28', designatedHospital: true })
    expect(after.materials.map((m: { facts: { eventDate: string; designatedHospital: boolean } }) => [m.facts.eventDate, m.facts.designatedHospital])).toEqual([
      ['2021-05-01', false],
      ['2021-04-28', true],
    ])
    // The rules' assessment follows the corrected answer: a designated hospital is no longer a refusal.
    expect(after.assessmentAtSubmit.reasons.map((r: { code: string }) => r.code)).not.toContain('NOT_DESIGNATED_HOSPITAL')
  })
})

describe('death claims', () => {
  it('a worker cannot file 身故 for himself', async () => {
    const prep = okData(await s.call(WORKER, 'prepare', { target: { mode: 'self' } }))
    const r = await s.call(WORKER, 'saveDraft', { target: { mode: 'self' }, participationId: prep.participations[0].id, product: 'critical', kind: 'death', facts: {}, files: {} })
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(r.message).toContain('家属')
  })

  it("a family's claim needs the applicant's relationship and a valid phone, and keeps them", async () => {
    const target = { mode: 'beneficiary', name: '李晓东', residentId: '420702198411231256' }
    const items = ['participant_id', 'household_cancellation', 'beneficiary_proof', 'beneficiary_id', 'death_certificate', 'diagnostic_reports', 'medical_record']
    const facts = { ...WH_ILLNESS, disease: 'other', causeOfDeath: 'illness', eventDate: '2021-05-10', payee: { ...PAYEE, name: '李小梅' } }
    const without = await fileClaim(s, 'family-ux-0001', { target, kind: 'death', facts, items })
    expect(without.submit).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(without.submit.message).toContain('关系')
    const badPhone = await fileClaim(s, 'family-ux-0002', { target, kind: 'death', facts: { ...facts, applicant: { relationship: 'spouse', phone: '12345' } }, items })
    expect(badPhone.submit).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await s.call('family-ux-0003', 'saveDraft', { target, participationId: 'x', product: 'critical', kind: 'death', facts: { applicant: { relationship: 'cousin' } }, files: {} })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })

    const ok = await fileClaim(s, 'family-ux-0004', { target, kind: 'death', facts: { ...facts, applicant: { relationship: 'spouse', phone: '13907110001' } }, items })
    const claim = okData(await s.call(OFFICE, 'get', { claimId: okData(ok.submit).claimId }))
    expect(claim.facts.applicant).toEqual({ relationship: 'spouse', phone: '13907110001' })
    expect(claim.filedBy.as).toBe('beneficiary')
  })
})
