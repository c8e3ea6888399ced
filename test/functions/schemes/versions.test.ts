/**
 * Scheme versions run by the office (issue 14), through the `schemes` function on the emulator:
 * - TZ 2022's fees, "announced separately", are announced once through the function (validated, audited) and reach
 *   quoting; a second or concurrent announcement is refused;
 * - a revised WH version is derived from wh-2020, edited as a draft (validated by the built-in versions' schema;
 *   concurrent edits answer CONFLICT), previewed against the documents' examples, and published exactly once;
 * - the year goes on (the emulator restarts on the same data at later business dates): the WH unit renews for 2022
 *   under the new version, and a 2022 claim is assessed by it while a claim on the 2021 period keeps the old rules
 *   (第二十六条).
 */
import type { WhScheme } from '@mutual-aid/shared-rules'
import { uploadPage } from '../claims/helpers'
import { preparedPeople } from '../enrolment/helpers'
import { AGENT, CLERK_TZ, CLERK_WH, OFFICE, TZ_2022_FEES, TZ_2022_NOTICE, WORKER_WH, startYear, type Year } from './helpers'

let y: Year
beforeAll(async () => {
  y = await startYear('2021-10-15')
})
afterAll(async () => {
  await y?.emu.stop()
})

const count = async (collection: string, where: object = {}) => (await y.db.collection(collection).where(where).count()).total as number

describe('the list of versions', () => {
  it('shows the built-in versions with their dates and fee state; staff may read it, workers may not', async () => {
    const list = await y.ok('schemes', OFFICE, 'list')
    expect(list.versions.map((v: any) => [v.id, v.source, v.fees])).toEqual([
      ['tz-2022', 'built_in', 'pending'],
      ['tz-2021', 'built_in', 'document'],
      ['wh-2020', 'built_in', 'document'],
    ])
    expect(list.versions[0]).toMatchObject({ year: 2022, enrolment: { from: '2021-10-10', to: '2021-12-31' } })
    expect(list.problems).toEqual([])
    expect((await y.ok('schemes', CLERK_TZ, 'list')).drafts).toEqual([])
    expect(await y.call('schemes', WORKER_WH, 'list')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('announcing TZ 2022 fees', () => {
  const announce = (by: string, over: Record<string, unknown> = {}) =>
    y.call('schemes', by, 'announceFees', { schemeId: 'tz-2022', fees: TZ_2022_FEES, notice: TZ_2022_NOTICE, announcedOn: '2021-10-12', ...over })

  it('refuses what cannot be announced and stores nothing', async () => {
    expect(await announce(CLERK_TZ)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await announce(OFFICE, { schemeId: 'tz-2021' })).toMatchObject({ ok: false, code: 'FEES_IN_DOCUMENT' })
    const incomplete = await announce(OFFICE, { fees: TZ_2022_FEES.slice(0, 2) })
    expect(incomplete).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(incomplete.message).toContain('缺少“female”项目的缴费标准')
    expect(await announce(OFFICE, { announcedOn: '2021-10-16' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await announce(OFFICE, { schemeId: 'tz-2099' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await count('schemeFees')).toBe(0)
  })

  it('four office taps at once announce once; the fees reach the declaration page', async () => {
    const answers = await Promise.all([announce(OFFICE), announce(OFFICE), announce(OFFICE), announce(OFFICE)])
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    for (const a of answers.filter((x) => !x.ok)) expect(a.code).toBe('FEES_ALREADY_ANNOUNCED')
    expect(await count('schemeFees')).toBe(1)
    expect(await count('audit', { action: 'scheme.announceFees' })).toBe(1)
    const p = await y.ok('enrolment', CLERK_TZ, 'prepare', {})
    expect(p).toMatchObject({ year: 2022, rules: { id: 'tz-2022', fees: TZ_2022_FEES } })
    const list = await y.ok('schemes', OFFICE, 'list')
    expect(list.versions[0]).toMatchObject({ id: 'tz-2022', fees: 'announced', feesNotice: TZ_2022_NOTICE })
    expect(await announce(OFFICE)).toMatchObject({ ok: false, code: 'FEES_ALREADY_ANNOUNCED' })
  })
})

describe('a revised WH version: draft, edit, preview, publish', () => {
  let draftId = ''
  let draft: WhScheme

  it('is derived from wh-2020 for a later year only', async () => {
    expect(await y.call('schemes', OFFICE, 'createDraft', { baseId: 'wh-2020', year: 2021 })).toMatchObject({ ok: false, code: 'EFFECTIVE_TOO_EARLY' })
    expect(await y.call('schemes', OFFICE, 'createDraft', { baseId: 'tz-2021', year: 2022 })).toMatchObject({ ok: false, code: 'VERSION_EXISTS' })
    expect(await y.call('schemes', CLERK_WH, 'createDraft', { baseId: 'wh-2020', year: 2022 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const made = await y.ok('schemes', OFFICE, 'createDraft', { baseId: 'wh-2020', year: 2022 })
    draftId = made.draftId
    const got = await y.ok('schemes', OFFICE, 'getDraft', { draftId })
    expect(got.draft).toMatchObject({ targetId: 'wh-2022', baseId: 'wh-2020', version: 1, status: 'draft' })
    draft = got.scheme
    expect(draft.effectiveFrom).toBe('2022-01-01')
  })

  it('refuses an edit that does not validate, naming the field, and keeps the draft as it was', async () => {
    const overlapping = { ...draft, illnessFirstTime: draft.illnessFirstTime.map((w, i) => (i === 1 ? { ...w, fromDay: 50 } : w)) }
    const r = await y.call('schemes', OFFICE, 'saveDraft', { draftId, version: 1, scheme: overlapping })
    expect(r).toMatchObject({ ok: false, code: 'INVALID_SCHEME' })
    expect(r.message).toContain('各段天数须按顺序且不重叠')
    expect(r.details.issues[0].path).toBe('illnessFirstTime.1.fromDay')
    expect((await y.ok('schemes', OFFICE, 'getDraft', { draftId })).draft.version).toBe(1)
  })

  it('two office users saving one draft at once: one save wins, the other is told to reload', async () => {
    const raise = (fen: number): WhScheme => ({
      ...draft,
      illnessFirstTime: draft.illnessFirstTime.map((w) => (w.benefit === 'medical' ? { ...w, perShareFen: fen } : w)),
      illnessRenewing: draft.illnessRenewing.map((w) => (w.benefit === 'medical' ? { ...w, perShareFen: fen } : w)),
    })
    const answers = await Promise.all([
      y.call('schemes', OFFICE, 'saveDraft', { draftId, version: 1, scheme: raise(1200000) }),
      y.call('schemes', OFFICE, 'saveDraft', { draftId, version: 1, scheme: raise(1500000) }),
    ])
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(answers.find((a) => !a.ok)).toMatchObject({ code: 'CONFLICT' })
    const got = await y.ok('schemes', OFFICE, 'getDraft', { draftId })
    expect(got.draft.version).toBe(2)
    // Whichever won, the office now sets 12,000 yuan per share at the version it reloaded.
    await y.ok('schemes', OFFICE, 'saveDraft', { draftId, version: 2, scheme: raise(1200000) })
    expect(await count('audit', { action: 'scheme.saveDraft', entityId: draftId })).toBe(2)
  })

  it('the preview shows which of the documents\' examples change, and nothing blocks publishing', async () => {
    const p = await y.ok('schemes', OFFICE, 'preview', { draftId })
    const changed = p.rows.filter((r: any) => r.differs)
    expect(changed.map((r: any) => r.id)).toEqual(['wh-example-3', 'wh-day-91'])
    expect(changed[0]).toMatchObject({ base: { amountFen: 3000000 }, draft: { amountFen: 3600000, summary: '给付 36,000.00 元（医疗互助金）' } })
    expect(p.changes).toEqual(expect.arrayContaining([
      { path: 'illnessRenewing[0].perShareFen', before: '1000000', after: '1200000' },
      { path: 'effectiveFrom', before: '2020-01-01', after: '2022-01-01' },
    ]))
    expect(p.blockers).toEqual([])
  })

  it('three publish taps at once publish once; the version is then immutable', async () => {
    const answers = await Promise.all([1, 2, 3].map(() => y.call('schemes', OFFICE, 'publish', { draftId, version: 3 })))
    expect(answers.filter((a) => a.ok)).toEqual([expect.objectContaining({ data: { schemeId: 'wh-2022', publishedOn: '2021-10-15' } })])
    for (const a of answers.filter((x) => !x.ok)) expect(['CONFLICT', 'DRAFT_PUBLISHED', 'VERSION_EXISTS']).toContain(a.code)
    expect(await count('schemeVersions')).toBe(1)
    expect(await count('audit', { action: 'scheme.publish' })).toBe(1)
    const again = await y.call('schemes', OFFICE, 'saveDraft', { draftId, version: 4, scheme: draft })
    expect(again).toMatchObject({ ok: false, code: 'DRAFT_PUBLISHED' })
    expect(await y.call('schemes', OFFICE, 'createDraft', { baseId: 'wh-2020', year: 2022 })).toMatchObject({ ok: false, code: 'VERSION_EXISTS' })
    const list = await y.ok('schemes', OFFICE, 'list')
    expect(list.versions.find((v: any) => v.id === 'wh-2022')).toMatchObject({ source: 'published', publishedOn: '2021-10-15', effectiveFrom: '2022-01-01' })
    expect(list.drafts).toEqual([])
  })

  it('a second draft for the same effective date cannot be published (unique slot)', async () => {
    const made = await y.ok('schemes', OFFICE, 'createDraft', { baseId: 'wh-2020', year: 2023 })
    const got = await y.ok('schemes', OFFICE, 'getDraft', { draftId: made.draftId })
    await y.ok('schemes', OFFICE, 'saveDraft', { draftId: made.draftId, version: 1, scheme: { ...got.scheme, id: 'wh-2022-b', effectiveFrom: '2022-01-01' } })
    const p = await y.ok('schemes', OFFICE, 'preview', { draftId: made.draftId })
    expect(p.blockers.join('')).toContain('已有自 2022-01-01 起施行的版本')
    expect(await y.call('schemes', OFFICE, 'publish', { draftId: made.draftId, version: 2 })).toMatchObject({ ok: false, code: 'VERSION_EXISTS' })
    await y.ok('schemes', OFFICE, 'discardDraft', { draftId: made.draftId, version: 2 })
    expect((await y.ok('schemes', OFFICE, 'list')).drafts).toEqual([])
  })
})

describe('the year goes on: participants are assessed under the version their period began in (第二十六条)', () => {
  it('January 2022: the WH unit renews for 2022 under wh-2022', async () => {
    y = await y.moveTo('2022-01-20')
    const p = await y.ok('enrolment', CLERK_WH, 'prepare', {})
    expect(p).toMatchObject({ year: 2022, scheme: { id: 'wh-2022' } })
    const ids = (await preparedPeople(y.ok, CLERK_WH, p.year)).filter((x: any) => x.status === 'in_service').map((x: any) => x._id)
    const submitted = await y.ok('enrolment', CLERK_WH, 'submit', { year: 2022, personIds: ids, shares: 2, products: ['critical'] })
    const got = (await y.ok('enrolment', AGENT, 'get', { enrolmentId: submitted.enrolmentId })).enrolment
    expect(got.schemeName).toBe('武汉城市圈职工重大疾病医疗互助（2022年版办法）')
    const approved = await y.ok('enrolment', AGENT, 'review', { enrolmentId: submitted.enrolmentId, version: got.version, decision: 'approve' })
    const paid = await y.ok('enrolment', OFFICE, 'recordPayment', { enrolmentId: submitted.enrolmentId, version: approved.version, amountFen: submitted.totalFen, paidOn: '2022-01-20', reference: 'WH22-001' })
    expect(paid).toMatchObject({ status: 'paid', coverageStart: '2022-01-21', coverageEnd: '2022-12-31' })
    expect(await count('participations', { year: 2022, schemeId: 'wh-2022', status: 'active' })).toBe(ids.length)
  })

  it('March 2022: a 2022 claim pays the new 12,000 yuan per share; a claim on the 2021 period keeps wh-2020\'s 10,000', async () => {
    y = await y.moveTo('2022-03-01')
    const prep = await y.ok('claims', WORKER_WH, 'prepare', { target: { mode: 'self' } })
    const byYear = Object.fromEntries(prep.participations.map((x: any) => [x.year, x]))
    expect(byYear[2022]).toMatchObject({ schemeId: 'wh-2022', rules: { id: 'wh-2022' } })
    expect(byYear[2021]).toMatchObject({ schemeId: 'wh-2020', rules: { id: 'wh-2020' } })

    const file = async (participationId: string, eventDate: string) => {
      const facts = { disease: 'WH05', eventDate, hospital: '鄂州市中心医院', designatedHospital: true, inpatient: true, admission: eventDate, discharge: eventDate, payee: { name: '张伟', bank: '中国工商银行鄂州分行', account: '6222020000000000001' } }
      const d = await y.ok('claims', WORKER_WH, 'saveDraft', { target: { mode: 'self' }, participationId, product: 'critical', kind: 'illness', facts, files: {} })
      const files: Record<string, string[]> = {}
      for (const [i, item] of ['participant_id', 'discharge_summary', 'diagnostic_reports', 'medical_record'].entries()) files[item] = [await uploadPage(y.emu, WORKER_WH, d.draftId, item, i + 1)]
      await y.ok('claims', WORKER_WH, 'saveDraft', { draftId: d.draftId, version: d.version, participationId, product: 'critical', kind: 'illness', facts, files })
      await y.ok('claims', WORKER_WH, 'consent', { kind: 'medical_info', version: '2021-01' })
      return y.ok('claims', WORKER_WH, 'submit', { draftId: d.draftId, idempotencyKey: `k-${participationId}-${eventDate}` })
    }
    const c2022 = await file(byYear[2022].id, '2022-02-15')
    const c2021 = await file(byYear[2021].id, '2021-12-01')
    const stored = async (id: string) => (await y.db.collection('claims').where({ _id: id }).get()).data[0]
    expect((await stored(c2022.claimId)).assessmentAtSubmit).toMatchObject({ payable: true, amountFen: 2400000, lines: [{ benefit: 'medical', amountFen: 2400000, basis: '第七条' }] })
    expect((await stored(c2021.claimId)).assessmentAtSubmit).toMatchObject({ payable: true, amountFen: 2000000 })
    const detail = await y.ok('claims', OFFICE, 'get', { claimId: c2022.claimId })
    expect(detail).toMatchObject({ schemeId: 'wh-2022', rules: { id: 'wh-2022', effectiveFrom: '2022-01-01' } })
    const cov = await y.ok('enrolment', WORKER_WH, 'myCoverage', {})
    expect(cov.items.map((i: any) => [i.year, i.schemeId, i.schemeName])).toEqual([
      [2022, 'wh-2022', '武汉城市圈职工重大疾病医疗互助（2022年版办法）'],
      [2021, 'wh-2020', '武汉城市圈职工重大疾病医疗互助（2020年版办法）'],
    ])
  })

  it('a published version whose stored data no longer validates stops its claims with a clear message', async () => {
    await y.db.collection('schemeVersions').doc('wh-2022').update({ data: { 'scheme.shares.min': 0 } })
    const prep = await y.call('claims', WORKER_WH, 'prepare', { target: { mode: 'self' } })
    expect(prep).toMatchObject({ ok: false, code: 'SCHEME_CONFIG_INVALID' })
    expect(prep.message).toContain('方案版本 wh-2022 的数据有误')
    const list = await y.ok('schemes', OFFICE, 'list')
    expect(list.problems).toEqual([expect.objectContaining({ id: 'wh-2022' })])
    await y.db.collection('schemeVersions').doc('wh-2022').update({ data: { 'scheme.shares.min': 1 } })
    expect((await y.ok('schemes', OFFICE, 'list')).problems).toEqual([])
  })
})
