/**
 * 免申即享 end to end on the local cloud: the office imports the bureau's settlement export (good, unmatched, not
 * qualifying and duplicate rows), the worker is told and accepts in one call with the payee prefilled from her last
 * claim, the clerk, agent and office review it and it is paid. Validation changes nothing; the same file or serial
 * twice creates nothing new; rows that do not qualify are reported with the reason and article to the importer only.
 */
import { AGENT, CLERK_TZ, OFFICE, PAYEE_YJ, WORKER_TZ, allRows, csvOf, importToEnd, okData, startSettleSuite, staysOfParticipation, strangerId, tzId, uploadSettlements, type Suite } from './helpers'

let s: Suite
beforeAll(async () => {
  s = await startSettleSuite()
})
afterAll(async () => {
  await s?.emu.stop()
})

const count = async (collection: string, where: object = {}) => (await s.db.collection(collection).where(where).count()).total

/** DOMAIN example 5 for 余静, a stranger, a stay before her coverage, a non-designated stay, a repeated serial. */
const FIRST = csvOf([
  { id: tzId(0), name: '余静', admission: '2021-05-03', discharge: '2021-05-13', selfPay: '4000.00', selfFunded: '800.00', serial: 'JS202105130001' },
  { id: strangerId(1), name: '路人甲', admission: '2021-05-01', discharge: '2021-05-04', selfPay: '1000.00', selfFunded: '0', serial: 'JS202105040002' },
  { id: tzId(1), name: '杜明', admission: '2021-03-10', discharge: '2021-03-15', selfPay: '1500.00', selfFunded: '0', serial: 'JS202103150003' },
  { id: tzId(2), name: '叶春梅', designated: '否', admission: '2021-05-20', discharge: '2021-05-25', selfPay: '900.00', selfFunded: '100.00', serial: 'JS202105250004' },
  { id: tzId(0), name: '余静', admission: '2021-05-03', discharge: '2021-05-13', selfPay: '4000.00', selfFunded: '800.00', serial: 'JS202105130001' },
])

let importId = ''
let claimId = ''

describe('validation', () => {
  it('a file with errors answers them by row number and changes nothing', async () => {
    const bad = csvOf([
      { id: '331002197501012003', name: '余静', admission: '2021-05-03', discharge: '2021-05-13', selfPay: '4000', selfFunded: '800', serial: 'A1' },
      { id: tzId(1), name: '杜明', insurance: '商业保险', admission: '2021-05-13', discharge: '2021-05-03', selfPay: '四千', selfFunded: '0', serial: 'A2' },
      { id: tzId(2), name: '叶春梅', admission: '2021-05-03', discharge: '2021-05-13', total: '100', fund: '50', selfPay: '60', selfFunded: '0', serial: 'A3' },
    ])
    const answer = okData(await s.call('settlements', OFFICE, 'import', { fileID: await uploadSettlements(s, OFFICE, bad) }))
    expect(answer).toMatchObject({ status: 'invalid', importId: null, rows: 3 })
    const byRow = (row: number) => answer.errors.filter((e: any) => e.row === row).map((e: any) => e.field)
    expect(byRow(2)).toEqual(['idNumber'])
    expect(byRow(3)).toEqual(expect.arrayContaining(['insurance', 'discharge', 'selfPay']))
    expect(byRow(4)).toEqual(['total'])
    expect(answer.errors[0].message).toMatch(/身份证号码/)
    expect(await count('settlements')).toBe(0)
    expect(await count('settlementImports')).toBe(0)
    expect(await count('claims', { source: 'settlement' })).toBe(0)
  })

  it('a file without the columns names the missing headers', async () => {
    const answer = await s.call('settlements', OFFICE, 'import', { fileID: await uploadSettlements(s, OFFICE, Buffer.from('姓名,身份证号码\n余静,x')) })
    expect(answer).toMatchObject({ ok: false, code: 'BAD_FILE' })
    expect(answer.message).toMatch(/结算流水号/)
  })

  it('only the office and agents import; a clerk or worker is refused and audited', async () => {
    const fileID = await uploadSettlements(s, CLERK_TZ, FIRST)
    for (const who of [CLERK_TZ, WORKER_TZ]) expect(await s.call('settlements', who, 'import', { fileID })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await count('audit', { action: 'settlements.import.refused' })).toBe(2)
  })
})

describe('a good file', () => {
  it('is matched, assessed and proposed; every other row is reported with its reason', async () => {
    const answer = okData(await importToEnd(s, OFFICE, FIRST))
    importId = answer.importId
    expect(answer).toMatchObject({ status: 'done', rows: 5, counts: { proposed: 2, held: 0, unmatched: 1, notQualifying: 1, duplicate: 1 } })
    const rows = await allRows(s, OFFICE, importId)
    const byRow = Object.fromEntries(rows.map((r) => [r.row, r]))
    expect(byRow[2]).toMatchObject({ state: 'proposed', amountFen: 270_000, idMasked: '3310**********2002' })
    expect(byRow[3]).toMatchObject({ state: 'unmatched', reasons: [{ code: 'NOT_PARTICIPANT' }] })
    expect(byRow[4]).toMatchObject({ state: 'not_qualifying' })
    expect(byRow[4].reasons.map((r: any) => r.code)).toContain('OUTSIDE_PERIOD')
    expect(byRow[4].reasons[0].basis).toMatch(/台总工/)
    // Not designated: the allowance (5 days) without the cost subsidy, the reason with its article.
    expect(byRow[5]).toMatchObject({ state: 'proposed', amountFen: 15_000 })
    expect(byRow[5].reasons.map((r: any) => r.code)).toEqual(['NOT_DESIGNATED_HOSPITAL'])
    expect(byRow[6]).toMatchObject({ state: 'duplicate', reasons: [{ code: 'DUPLICATE_SERIAL' }] })
    claimId = (await s.db.collection('settlements').where({ serial: 'JS202105130001' }).get()).data[0].claimId
  })

  it('the same file again, or its serials in another file, creates nothing new', async () => {
    const before = { claims: await count('claims'), settlements: await count('settlements'), messages: await count('messages') }
    const again = okData(await importToEnd(s, OFFICE, FIRST))
    expect(again).toMatchObject({ importId, again: true, status: 'done' })
    const other = csvOf([
      { id: tzId(0), name: '余静', admission: '2021-05-03', discharge: '2021-05-13', selfPay: '4000.00', selfFunded: '800.00', serial: 'JS202105130001' },
      { id: strangerId(2), name: '路人乙', admission: '2021-06-01', discharge: '2021-06-02', selfPay: '10', selfFunded: '0', serial: 'JS202106020009' },
    ])
    const second = okData(await importToEnd(s, OFFICE, other))
    expect(second).toMatchObject({ status: 'done', counts: { duplicate: 1, unmatched: 1, proposed: 0 } })
    expect(await count('claims')).toBe(before.claims)
    expect(await count('messages')).toBe(before.messages)
    expect(await count('settlements')).toBe(before.settlements + 1)
  })

  it('stores no clear ID number, deletes the uploaded file at the next tick, and audits import, match and view', async () => {
    const everything = JSON.stringify([
      ...(await s.db.collection('settlements').limit(1000).get()).data,
      ...(await s.db.collection('settlementImports').limit(1000).get()).data,
      ...(await s.db.collection('claims').where({ source: 'settlement' }).limit(1000).get()).data,
      ...(await s.db.collection('audit').limit(1000).get()).data,
    ])
    for (const id of [tzId(0), tzId(1), tzId(2), strangerId(1)]) expect(everything).not.toContain(id)
    const imp = (await s.db.collection('settlementImports').where({ _id: importId }).get()).data[0]
    expect(imp.fileDeleted).toBe(false)
    const tick = await s.emu.fireTimer('settlements', 'tick')
    expect(tick).toMatchObject({ ok: true, data: { filesDeleted: 2 } })
    const download = await s.db.collection('settlementImports').where({ _id: importId }).get()
    expect(download.data[0].fileDeleted).toBe(true)
    for (const action of ['settlement.import', 'settlement.match', 'settlement.rows.view', 'settlement.import.done', 'settlement.file.delete']) {
      expect(await count('audit', { action, entityId: importId })).toBeGreaterThan(0)
    }
  })

  it('rows are the importer’s and the office’s only', async () => {
    expect(await s.call('settlements', CLERK_TZ, 'rows', { importId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await s.call('settlements', AGENT, 'rows', { importId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await s.call('settlements', WORKER_TZ, 'rows', { importId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('the worker confirms; it is reviewed and paid', () => {
  it('the worker is told in the inbox with the stay and the amount', async () => {
    const inbox = (await s.db.collection('messages').where({ openid: WORKER_TZ, template: 'claimProposed' }).get()).data
    expect(inbox).toHaveLength(1)
    expect(inbox[0].body).toContain('您 5月3日–5月13日 住院可领取互助补助 2,700.00 元，请确认')
    expect(inbox[0].page).toBe(`packages/claims/proposal/index?id=${claimId}`)
  })

  it('before accepting, the unit and agent do not see it; the worker sees the stay and the computation', async () => {
    expect(await s.call('claims', CLERK_TZ, 'get', { claimId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await s.call('claims', AGENT, 'get', { claimId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const queue = okData(await s.call('claims', CLERK_TZ, 'queue', {}))
    expect(queue.items.map((c: any) => c.id)).not.toContain(claimId)
    const mine = okData(await s.call('claims', WORKER_TZ, 'mine'))
    expect(mine.items.find((c: any) => c.id === claimId)).toMatchObject({ status: 'proposed', source: 'settlement' })
    const got = okData(await s.call('claims', WORKER_TZ, 'get', { claimId }))
    expect(got).toMatchObject({ status: 'proposed', source: 'settlement', actions: ['accept', 'decline'], settlement: { admission: '2021-05-03', discharge: '2021-05-13', selfPayFen: 400_000, selfFundedFen: 80_000, serial: 'JS202105130001' } })
    expect(got.offer.assessment.lines.map((l: any) => [l.benefit, l.amountFen])).toEqual([
      ['inpatient_allowance', 30_000],
      ['inpatient_subsidy', 240_000],
    ])
    expect(got.offer.assessment.amountFen).toBe(270_000)
    expect(got.offer.assessment.lines.every((l: any) => /台总工/.test(l.basis))).toBe(true)
    expect(got.offer.acceptBy).toBe('2022-03-31')
  })

  it('accepting needs the consent, then enters review at the scheme’s level (clerk by default)', async () => {
    const version = okData(await s.call('claims', WORKER_TZ, 'get', { claimId })).version
    expect(await s.call('claims', WORKER_TZ, 'acceptProposal', { claimId, version, payee: PAYEE_YJ })).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED' })
    okData(await s.call('claims', WORKER_TZ, 'consent', { kind: 'medical_info', version: '2021-01' }))
    expect(await s.call('claims', CLERK_TZ, 'acceptProposal', { claimId, version, payee: PAYEE_YJ })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const accepted = okData(await s.call('claims', WORKER_TZ, 'acceptProposal', { claimId, version, payee: PAYEE_YJ }))
    expect(accepted).toMatchObject({ status: 'submitted' })
    // A second tap (same version) changes nothing.
    expect(await s.call('claims', WORKER_TZ, 'acceptProposal', { claimId, version, payee: PAYEE_YJ })).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  it('the clerk, the agent and the office review it (marked as from the bureau), and it is paid', async () => {
    const v = async () => okData(await s.call('claims', OFFICE, 'get', { claimId })).version
    const clerkView = okData(await s.call('claims', CLERK_TZ, 'get', { claimId }))
    expect(clerkView).toMatchObject({ source: 'settlement', status: 'submitted', offer: null })
    okData(await s.call('claims', CLERK_TZ, 'confirm', { claimId, version: await v() }))
    okData(await s.call('claims', AGENT, 'confirm', { claimId, version: await v() }))
    const decided = okData(await s.call('claims', OFFICE, 'decide', { claimId, version: await v(), outcome: 'approve' }))
    expect(decided).toMatchObject({ status: 'approved', amountFen: 270_000 })
    okData(await s.call('claims', OFFICE, 'markPaid', { claimId, version: await v(), paidOn: '2021-06-15', reference: 'ZZ20210615001' }))
    const done = okData(await s.call('claims', WORKER_TZ, 'get', { claimId }))
    expect(done).toMatchObject({ status: 'paid', facts: { payee: PAYEE_YJ } })
    const p = (await s.db.collection('participations').where({ _id: s.part[0] }).get()).data[0]
    expect(p.inpatientDaysUsed).toBe(10)
    expect(await staysOfParticipation(s.db, s.part[0])).toEqual([expect.objectContaining({ claimId, source: 'settlement', days: 10, counted: true })])
  })
})
