/**
 * 网上申报 end to end on the emulator (business date 2021-06-15): the TZ private unit imports staff, files its staff
 * report, confirms and declares (ratio, retirees, duplicates, window and fees checked server-side), the agent returns
 * and approves, the office records the payment, coverage starts the next day; certificate, my coverage, pushes,
 * new hires (WH Art. 13), replacement (TZ, ≤ 20 %), renewal view, role and unit scope, version conflicts.
 */
import { quote } from '@mutual-aid/shared-rules'
import { nameKeyOf } from '../../../cloudfunctions/_shared/src/name-key'
import { makeId, makeRows, rosterXlsx } from '../../fixtures/rosters/make-roster'
import { AGENT, CLERK_TZ, CLERK_WH, OFFICE, TZ_UNIT, WH_UNIT, WORKER_TZ, WORKER_WH, preparedPeople, rosterIds, startSuite, type Suite } from './helpers'

let s: Suite
beforeAll(async () => {
  s = await startSuite()
  // 12 more staff: the TZ unit then has 26 in service (private enterprise: ≥ 10 people and ≥ 70 % → at least 19).
  const fileID = await s.upload(`roster-imports/${TZ_UNIT}/staff.xlsx`, await rosterXlsx(makeRows(12, { offset: 7000, hireDate: '2019-09-01' })))
  await s.ok('roster', CLERK_TZ, 'import', { fileID })
  await s.ok('roster', CLERK_TZ, 'add', { name: '退休老周', idNumber: makeId('331002', '1960-03-03', 3, false), hireDate: '1990-01-01', status: 'retired' })
})
afterAll(async () => {
  await s?.emu.stop()
})

const PRODUCTS = ['inpatient', 'critical', 'female']

describe('TZ declaration', () => {
  let inService: string[] = []
  let enrolmentId = ''
  let version = 0
  let replacementId = ''
  /** A declaration's code as its transfer remark ends with it. */
  const codeOf = (id: string) => id.replace(/[^0-9a-zA-Z]/g, '').slice(-8).toUpperCase()

  it('prepare shows the scheme, the open window, the roster and the quote start', async () => {
    const p = await s.ok('enrolment', CLERK_TZ, 'prepare', {})
    expect(p).toMatchObject({ year: 2021, today: '2021-06-15', coverageStartEstimate: '2021-06-16', firstTimeUnit: true })
    expect(p.scheme).toMatchObject({ id: 'tz-2021', family: 'TZ', shares: null })
    expect(p.scheme.products.map((x: any) => x.id).sort()).toEqual(['critical', 'female', 'inpatient'])
    expect(p.window).toMatchObject({ ok: true, from: '2021-04-01', to: '2021-06-30' })
    const people = await preparedPeople(s.ok, CLERK_TZ, p.year)
    expect(people).toHaveLength(27)
    expect(people.every((x: any) => x.idMasked.includes('**********'))).toBe(true)
    // 余静 (WORKER_TZ, bound to WeChat) first: every declaration below takes "the first n", and she must be in it.
    const listed = people.filter((x: any) => x.status === 'in_service')
    inService = [...listed.filter((x: any) => x.name === '余静'), ...listed.filter((x: any) => x.name !== '余静')].map((x: any) => x._id)
    expect(inService).toHaveLength(26)
    // The page gets the roster's figures, not the roster: 26 in service, all declarable, all first-time.
    expect(p).not.toHaveProperty('people')
    expect(p.roster).toMatchObject({ inService: 26, declarable: 26, previous: 0, activeHere: 0, notInReturned: null })
    expect(p.roster.groups.reduce((n: number, g: any) => n + g.count, 0)).toBe(26)
    expect(p.roster.groups.every((g: any) => g.firstTime)).toBe(true)
    expect(p.initial).toMatchObject({ participants: 26, staff: 26, ratioOk: true, requiredMin: 19 })
  })

  it('a first-time unit must file its staff report first (Art. 5)', async () => {
    const r = await s.call('enrolment', CLERK_TZ, 'submit', { year: 2021, personIds: inService.slice(0, 20), products: PRODUCTS })
    expect(r).toMatchObject({ ok: false, code: 'STAFF_REPORT_REQUIRED' })
    await s.ok('units', CLERK_TZ, 'recordStaffReport', { month: '2021-05', headcount: 26 })
  })

  it('the people list pages by name, in service only, or newest hire first', async () => {
    const inServiceRows = await preparedPeople(s.ok, CLERK_TZ, 2021, 'in_service')
    expect(inServiceRows.map((x: any) => x._id).sort()).toEqual([...inService].sort())
    // In the roster's pinyin order (the name's sort key), as the roster page lists it.
    const keys = inServiceRows.map((x: any) => nameKeyOf(x.name))
    expect(keys).toEqual([...keys].sort())
    const recent = (await preparedPeople(s.ok, CLERK_TZ, 2021, 'recent')).map((x: any) => x.hireDate)
    expect(recent).toHaveLength(26)
    expect(recent).toEqual([...recent].sort().reverse())
    const first = await s.ok('enrolment', CLERK_TZ, 'people', { year: 2021, limit: 5 })
    expect(first).toMatchObject({ total: 27 })
    expect(first.items).toHaveLength(5)
    expect(await s.call('enrolment', CLERK_WH, 'people', { year: 2021, unitId: TZ_UNIT })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('everyone except …: a roster changed since the page (revision or count) is refused with 名单已变化, changing nothing', async () => {
    const p = await s.ok('enrolment', CLERK_TZ, 'prepare', {})
    const fine = { rosterRevision: p.roster.revision, count: p.roster.declarable, except: [] }
    for (const allExcept of [{ ...fine, rosterRevision: p.roster.revision + 1 }, { ...fine, count: 25 }, { ...fine, except: [inService[0]] }]) {
      const r = await s.call('enrolment', CLERK_TZ, 'submit', { year: 2021, allExcept, products: PRODUCTS })
      expect(r).toMatchObject({ ok: false, code: 'ROSTER_CHANGED' })
      expect(r.message).toContain('名单已变化')
    }
    // Ten left out of 26: below the ratio, in the same words as a named list.
    const few = await s.call('enrolment', CLERK_TZ, 'submit', { year: 2021, allExcept: { ...fine, count: 16, except: inService.slice(0, 10) }, products: PRODUCTS })
    expect(few).toMatchObject({ ok: false, code: 'PARTICIPATION' })
    expect(few.message).toContain('至少 19 人')
    // A status change moves the revision: the page prepared before it is refused.
    const person = (await s.db.collection('people').doc(inService[25]).get()).data
    await s.ok('roster', CLERK_TZ, 'setStatus', { personId: person._id, version: person.version, status: 'left' })
    await s.ok('roster', CLERK_TZ, 'setStatus', { personId: person._id, version: person.version + 1, status: 'in_service' })
    expect(await s.call('enrolment', CLERK_TZ, 'submit', { year: 2021, allExcept: fine, products: PRODUCTS })).toMatchObject({ ok: false, code: 'ROSTER_CHANGED' })
    expect((await s.ok('enrolment', CLERK_TZ, 'prepare', {})).roster.revision).toBe(p.roster.revision + 2)
    expect((await s.db.collection('enrolments').where({ unitId: TZ_UNIT, year: 2021 }).count()).total).toBe(0)
    expect((await s.db.collection('participations').where({ unitId: TZ_UNIT, year: 2021 }).count()).total).toBe(0)
  })

  it('refuses a ratio below the rule, with the numbers in words', async () => {
    const r = await s.call('enrolment', CLERK_TZ, 'submit', { year: 2021, personIds: inService.slice(0, 15), products: PRODUCTS })
    expect(r).toMatchObject({ ok: false, code: 'PARTICIPATION' })
    expect(r.message).toContain('70%')
    expect(r.message).toContain('至少 19 人')
  })

  it('refuses a retiree (Art. 14.3) and someone not on the roster', async () => {
    const retired = (await preparedPeople(s.ok, CLERK_TZ, 2021)).find((x: any) => x.status === 'retired')._id
    const r = await s.call('enrolment', CLERK_TZ, 'submit', { year: 2021, personIds: [...inService.slice(0, 20), retired], products: PRODUCTS })
    expect(r).toMatchObject({ ok: false, code: 'RETIRED' })
    expect(r.message).toContain('退休老周')
    const whPerson = (await rosterIds(s, WH_UNIT))[0]
    expect(await s.call('enrolment', CLERK_TZ, 'submit', { year: 2021, personIds: [...inService.slice(0, 20), whPerson], products: PRODUCTS })).toMatchObject({ ok: false, code: 'NOT_ON_ROSTER' })
  })

  it('refuses next year while its window is not open, and other roles', async () => {
    const r = await s.call('enrolment', CLERK_TZ, 'submit', { year: 2022, personIds: inService, products: PRODUCTS })
    expect(r).toMatchObject({ ok: false, code: 'ENROLMENT_NOT_OPEN' })
    expect(await s.call('enrolment', AGENT, 'submit', { year: 2021, personIds: inService, products: PRODUCTS })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await s.call('enrolment', WORKER_TZ, 'submit', { year: 2021, personIds: inService, products: PRODUCTS })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('declares 20 of 26 with the server-side quote', async () => {
    const chosen = inService.slice(0, 20)
    const r = await s.ok('enrolment', CLERK_TZ, 'submit', { year: 2021, personIds: chosen, products: PRODUCTS })
    const people = (await s.db.collection('people').where({ _id: s.db.command.in(chosen) }).get()).data
    const expected = quote({ scheme: 'tz-2021', unitType: 'private', finance: false, coverageStart: '2021-06-16', products: PRODUCTS as any, participants: people.map((p: any) => ({ firstTime: true, sex: p.sex })) })
    expect(expected.ok).toBe(true)
    expect(r).toMatchObject({ status: 'submitted', participantCount: 20, totalFen: (expected as any).totalFen })
    enrolmentId = r.enrolmentId
    const parts = await s.db.collection('participations').where({ enrolmentId }).count()
    expect(parts.total).toBe(20)
    const women = (await s.db.collection('participations').where({ enrolmentId, sex: 'male' }).get()).data
    expect(women.every((p: any) => !p.products.includes('female'))).toBe(true)
    const again = await s.call('enrolment', CLERK_TZ, 'submit', { year: 2021, personIds: chosen, products: PRODUCTS })
    expect(again).toMatchObject({ ok: false, code: 'ALREADY_DECLARED' })
  })

  it('another unit cannot see it; the agent and the office can', async () => {
    expect(await s.call('enrolment', CLERK_WH, 'get', { enrolmentId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const got = await s.ok('enrolment', AGENT, 'get', { enrolmentId, limit: 5 })
    expect(got.participants.total).toBe(20)
    expect(got.participants.items[0].idMasked).toMatch(/\*{10}/)
    version = got.enrolment.version
    const listed = await s.ok('enrolment', AGENT, 'list', { status: 'submitted' })
    expect(listed.items.map((e: any) => e._id)).toContain(enrolmentId)
    expect((await s.ok('enrolment', CLERK_WH, 'list', {})).items.map((e: any) => e._id)).not.toContain(enrolmentId)
  })

  it('an agent of another district sees none of it and cannot review it', async () => {
    await s.db.collection('agents').add({ data: { _id: 'agent-other', name: '开发区总工会', region: '开发区' } })
    await s.db.collection('users').add({ data: { _id: 'o_other_agent_01', role: 'agent', name: '钱多', agentId: 'agent-other', createdAt: new Date(), updatedAt: new Date() } })
    expect(await s.call('enrolment', 'o_other_agent_01', 'review', { enrolmentId, version, decision: 'approve' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await s.call('enrolment', 'o_other_agent_01', 'get', { enrolmentId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect((await s.ok('enrolment', 'o_other_agent_01', 'list', {})).total).toBe(0)
    expect((await s.ok('units', 'o_other_agent_01', 'list', {})).total).toBe(0)
    expect(await s.call('roster', 'o_other_agent_01', 'list', { unitId: TZ_UNIT })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await s.ok('units', 'o_other_agent_01', 'listAgents')).toEqual([{ _id: 'agent-other', name: '开发区总工会', region: '开发区' }])
    expect((await s.ok('units', OFFICE, 'listAgents')).map((a: any) => a._id).sort()).toEqual(['agent-chengqu', 'agent-other'])
  })

  it('the agent returns it with a reason; the clerk is notified and resubmits', async () => {
    expect(await s.call('enrolment', CLERK_TZ, 'review', { enrolmentId, version, decision: 'approve' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await s.call('enrolment', AGENT, 'review', { enrolmentId, version, decision: 'return' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    const r = await s.ok('enrolment', AGENT, 'review', { enrolmentId, version, decision: 'return', reason: '请补充 2 名新入职职工' })
    expect(r.status).toBe('returned')
    const out = await s.emu.outbox(CLERK_TZ)
    expect(out.some((m: any) => JSON.stringify(m).includes('enrolmentReviewed'))).toBe(true)
    // The page reopens on the returned declaration: its 20 ticked, the 6 others named to untick, priced as 20.
    const p = await s.ok('enrolment', CLERK_TZ, 'prepare', {})
    expect(p.roster).toMatchObject({ declarable: 26 })
    expect(p.roster.notInReturned.map((x: any) => x._id).sort()).toEqual(inService.slice(20).sort())
    expect(p.initial).toMatchObject({ participants: 20 })
    const re = await s.ok('enrolment', CLERK_TZ, 'submit', { year: 2021, personIds: inService.slice(0, 22), products: PRODUCTS, enrolmentId, version: r.version })
    expect(re).toMatchObject({ enrolmentId, participantCount: 22 })
    expect((await s.db.collection('participations').where({ enrolmentId }).count()).total).toBe(22)
    version = re.version
  })

  it('the transfer remark is issued with the declaration and kept through a resubmission and a change of the rule', async () => {
    const issued = `海悦电子科技有限公司2021互助费${codeOf(enrolmentId)}`
    expect((await s.db.collection('enrolments').doc(enrolmentId).get()).data.paymentReference).toBe(issued)
    // The office changes the rule: 4 characters of the name, no year, another word.
    const current = await s.ok('enrolment', OFFICE, 'paymentSettings')
    const referenceRule = { unitNameChars: 4, year: false, word: '职工互助' }
    await s.ok('enrolment', OFFICE, 'setPaymentSettings', { settings: { ...current.settings, referenceRule }, version: current.version })
    expect((await s.ok('enrolment', OFFICE, 'paymentSettings')).settings.referenceRule).toEqual(referenceRule)
    expect((await s.ok('enrolment', CLERK_TZ, 'get', { enrolmentId })).payTo.reference).toBe(issued)
  })

  it('concurrent reviews: exactly one wins, the other gets a clear refusal', async () => {
    const current = (await s.ok('enrolment', OFFICE, 'get', { enrolmentId })).enrolment
    const [a, b] = await Promise.all([
      s.call('enrolment', AGENT, 'review', { enrolmentId, version: current.version, decision: 'approve' }),
      s.call('enrolment', OFFICE, 'review', { enrolmentId, version: current.version, decision: 'return', reason: '重复操作测试' }),
    ])
    const wins = [a, b].filter((x) => x.ok)
    expect(wins).toHaveLength(1)
    const loser = [a, b].find((x) => !x.ok)
    expect(['CONFLICT', 'WRONG_STATUS']).toContain(loser.code)
    if (!a.ok) {
      // The office's return won: resubmit and approve again so the rest of the story continues.
      const back = await s.ok('enrolment', CLERK_TZ, 'submit', { year: 2021, personIds: inService.slice(0, 22), products: PRODUCTS, enrolmentId, version: b.data.version })
      await s.ok('enrolment', AGENT, 'review', { enrolmentId, version: back.version, decision: 'approve' })
    }
  })

  it('the office records the payment: the amount must equal the quote; coverage starts the next day', async () => {
    const e = (await s.ok('enrolment', OFFICE, 'get', { enrolmentId })).enrolment
    expect(e.status).toBe('approved')
    const wrong = await s.call('enrolment', OFFICE, 'recordPayment', { enrolmentId, version: e.version, amountFen: e.quote.totalFen - 100, paidOn: '2021-06-15', reference: 'BANK-001' })
    expect(wrong).toMatchObject({ ok: false, code: 'AMOUNT_MISMATCH' })
    expect(await s.call('enrolment', AGENT, 'recordPayment', { enrolmentId, version: e.version, amountFen: e.quote.totalFen, paidOn: '2021-06-15', reference: 'BANK-001' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await s.call('enrolment', OFFICE, 'receiptUrl', { enrolmentId })).toMatchObject({ ok: false, code: 'NO_RECEIPT' })
    const receiptFileID = await s.upload(`receipts/${enrolmentId}/bank.png`, Buffer.from('receipt-photo'))
    const paid = await s.ok('enrolment', OFFICE, 'recordPayment', { enrolmentId, version: e.version, amountFen: e.quote.totalFen, paidOn: '2021-06-15', reference: 'BANK-001', receiptFileID })
    expect(paid).toMatchObject({ status: 'paid', coverageStart: '2021-06-16', coverageEnd: '2021-12-31' })
    // The receipt photo opens through a temporary URL for the unit's clerk, its agent and the office only.
    for (const who of [OFFICE, AGENT, CLERK_TZ]) {
      const { url } = await s.ok('enrolment', who, 'receiptUrl', { enrolmentId })
      expect(await (await fetch(url)).text()).toBe('receipt-photo')
    }
    expect(await s.call('enrolment', CLERK_WH, 'receiptUrl', { enrolmentId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await s.call('enrolment', WORKER_TZ, 'receiptUrl', { enrolmentId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    // The receipt is evidence: recorded by its hash with the payment; an overwrite afterwards shows.
    expect(await s.ok('enrolment', OFFICE, 'receiptUrl', { enrolmentId })).toMatchObject({ check: 'ok' })
    await s.upload(`receipts/${enrolmentId}/bank.png`, Buffer.from('another-photo'))
    expect(await s.ok('enrolment', OFFICE, 'receiptUrl', { enrolmentId })).toMatchObject({ check: 'changed' })
    expect(await s.db.collection('audit').where({ action: 'enrolment.receipt.open', entityId: enrolmentId }).count()).toMatchObject({ total: 5 })
    const active = await s.db.collection('participations').where({ enrolmentId, status: 'active', coverageStart: '2021-06-16' }).count()
    expect(active.total).toBe(22)
    const ledger = await s.db.collection('ledger').where({ sourceType: 'enrolment', sourceId: enrolmentId }).get()
    expect(ledger.data).toHaveLength(1)
    expect(ledger.data[0]).toMatchObject({ family: 'TZ', year: 2021, type: 'contribution', amountFen: e.quote.totalFen })
    expect(await s.call('enrolment', OFFICE, 'recordPayment', { enrolmentId, version: paid.version, amountFen: e.quote.totalFen, paidOn: '2021-06-15', reference: 'BANK-001' })).toMatchObject({ ok: false, code: 'WRONG_STATUS' })
    const clerkOut = await s.emu.outbox(CLERK_TZ)
    expect(clerkOut.some((m: any) => JSON.stringify(m).includes('enrolmentPaid'))).toBe(true)
    // 余静 (bound worker, among those declared) is told her coverage starts.
    const workerOut = await s.emu.outbox(WORKER_TZ)
    expect(workerOut.some((m: any) => JSON.stringify(m).includes('coverageStarted'))).toBe(true)
    const audit = await s.db.collection('audit').where({ entity: 'enrolments', entityId: enrolmentId }).get()
    expect(audit.data.map((a: any) => a.action)).toEqual(expect.arrayContaining(['enrolment.submit', 'enrolment.return', 'enrolment.resubmit', 'enrolment.approve', 'enrolment.recordPayment']))
  })

  it('the worker sees their coverage in words and their certificate; the clerk sees the unit certificate', async () => {
    const mine = await s.ok('enrolment', WORKER_TZ, 'myCoverage')
    expect(mine.items[0]).toMatchObject({ schemeId: 'tz-2021', year: 2021, coverageStart: '2021-06-16', coverageEnd: '2021-12-31', status: 'active' })
    expect(mine.items[0].products.map((p: any) => p.product).sort()).toEqual(['critical', 'female', 'inpatient'])
    expect(mine.items[0].products[0].summary).toContain('2021-06-16')
    const cert = await s.ok('enrolment', WORKER_TZ, 'certificate', {})
    expect(cert).toMatchObject({ kind: 'person', year: 2021, unit: { name: '海悦电子科技有限公司' } })
    const unitCert = await s.ok('enrolment', CLERK_TZ, 'certificate', { limit: 5 })
    expect(unitCert).toMatchObject({ kind: 'unit', scheme: { id: 'tz-2021' } })
    expect(unitCert.batches[0]).toMatchObject({ coverageStart: '2021-06-16', coverageEnd: '2021-12-31', participantCount: 22 })
    expect(unitCert.participants.total).toBe(22)
    expect(await s.call('enrolment', CLERK_WH, 'certificate', { unitId: TZ_UNIT })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    // A clerk who has no coverage of their own is told so when asking for their own certificate.
    expect(await s.call('enrolment', CLERK_TZ, 'certificate', { mine: true })).toMatchObject({ ok: false, code: 'NOT_BOUND' })
    // Staff OPENIDs are not handed to the unit.
    const detail = await s.ok('enrolment', CLERK_TZ, 'get', { enrolmentId })
    expect(JSON.stringify(detail.enrolment)).not.toContain(OFFICE)
    expect(JSON.stringify(detail.enrolment)).not.toContain(AGENT)
  })

  it('Art. 6: the same person cannot be enrolled again in the same scheme and period by another unit', async () => {
    // A second TZ unit employs 杜明 too (same ID) and tries to declare him.
    const unitId = await createUnitWithValidUscc()
    const invite = await s.ok('units', OFFICE, 'createInvite', { unitId })
    await s.ok('auth', 'o_second_tz_clerk', 'acceptInvite', { code: invite.code })
    await s.ok('roster', 'o_second_tz_clerk', 'add', { name: '杜明', idNumber: '331002198004142134', hireDate: '2020-01-01' })
    await s.ok('units', 'o_second_tz_clerk', 'recordStaffReport', { month: '2021-05', headcount: 1 })
    const people = await preparedPeople(s.ok, 'o_second_tz_clerk', 2021)
    expect(people[0].current).toMatchObject({ here: false, enrolmentId: null })
    const r = await s.call('enrolment', 'o_second_tz_clerk', 'submit', { year: 2021, personIds: people.map((x: any) => x._id), products: ['inpatient'] })
    expect(r).toMatchObject({ ok: false, code: 'DUPLICATE_ENROLMENT' })
    expect(r.message).toContain('杜明')
    expect(r.message).toContain('第六条')
  })

  it('replacement (TZ private): at most 20 % once per period, fee difference recomputed', async () => {
    const active = (await s.db.collection('participations').where({ enrolmentId, status: 'active' }).get()).data
    const outs = active.slice(0, 5).map((p: any) => p.personId)
    const spare = inService.slice(22)
    const over = await s.call('enrolment', CLERK_TZ, 'replace', { year: 2021, outPersonIds: outs, inPersonIds: [...spare, inService[0]] })
    expect(over).toMatchObject({ ok: false, code: 'REPLACEMENT_OVER_LIMIT' })
    expect(over.message).toContain('最多可替换 4 人')
    const r = await s.ok('enrolment', CLERK_TZ, 'replace', { year: 2021, outPersonIds: outs.slice(0, 2), inPersonIds: spare.slice(0, 2) })
    replacementId = r.enrolmentId
    expect(r).toMatchObject({ participantCount: 2, replacedCount: 2 })
    expect(r.totalFen).toBeGreaterThanOrEqual(0)
    const again = await s.call('enrolment', CLERK_TZ, 'replace', { year: 2021, outPersonIds: outs.slice(2, 3), inPersonIds: spare.slice(2, 3) })
    expect(again).toMatchObject({ ok: false, code: 'REPLACEMENT_USED' })
    // The agent approves; a zero difference takes effect at once, otherwise after payment.
    const e = (await s.ok('enrolment', AGENT, 'get', { enrolmentId: r.enrolmentId })).enrolment
    const reviewed = await s.ok('enrolment', AGENT, 'review', { enrolmentId: r.enrolmentId, version: e.version, decision: 'approve' })
    if (r.totalFen > 0) {
      await s.ok('enrolment', OFFICE, 'recordPayment', { enrolmentId: r.enrolmentId, version: reviewed.version, amountFen: r.totalFen, paidOn: '2021-06-15', reference: 'BANK-002' })
    }
    const voided = await s.db.collection('participations').where({ personId: s.db.command.in(outs.slice(0, 2)), year: 2021 }).get()
    expect(voided.data.every((p: any) => p.status === 'void' && p.coverageEnd === '2021-06-15')).toBe(true)
    const incoming = await s.db.collection('participations').where({ enrolmentId: r.enrolmentId, status: 'active' }).count()
    expect(incoming.total).toBe(2)
  })

  it('a declaration issued after the rule changed has the new rule’s remark', async () => {
    const stored = (await s.db.collection('enrolments').doc(replacementId).get()).data
    expect(stored.paymentReference).toBe(`海悦电子职工互助${codeOf(replacementId)}`)
  })

  it('WH units cannot replace anyone (no withdrawal, Art. 11)', async () => {
    const wh = await rosterIds(s, WH_UNIT)
    const r = await s.call('enrolment', CLERK_WH, 'replace', { year: 2021, outPersonIds: wh.slice(0, 1), inPersonIds: wh.slice(1, 2) })
    expect(r).toMatchObject({ ok: false, code: 'REPLACEMENT_NOT_ALLOWED' })
  })

  async function createUnitWithValidUscc(): Promise<string> {
    const { usccCheckChar } = await import('@mutual-aid/shared-rules')
    const body = '91331002MA2H7Q4M3'
    const made = await s.ok('units', OFFICE, 'create', {
      name: '台州双重雇佣测试有限公司', uscc: body + usccCheckChar(body), unitType: 'soe', finance: false, family: 'TZ',
      agentId: 'agent-chengqu', contactName: '王五', contactPhone: '13900000022', address: '',
    })
    return made.unitId
  }
})

describe('WH: new hires, coverage text, renewal', () => {
  it('the renewing worker sees full coverage in words', async () => {
    const mine = await s.ok('enrolment', WORKER_WH, 'myCoverage')
    expect(mine.items[0]).toMatchObject({ schemeId: 'wh-2020', shares: 2, firstTime: false, coverageStart: '2021-01-16' })
    expect(mine.items[0].products[0].phase).toBe('full')
    expect(mine.items[0].products[0].summary).toContain('保障期第 151 天')
  })

  it('new hires within 2 months are added as first-time with the unit’s shares; later is refused with the reason', async () => {
    const inTime = await s.ok('roster', CLERK_WH, 'add', { name: '新入职甲', idNumber: makeId('420702', '1995-05-05', 11, true), hireDate: '2021-05-01' })
    const late = await s.ok('roster', CLERK_WH, 'add', { name: '新入职乙', idNumber: makeId('420702', '1996-06-06', 12, false), hireDate: '2021-03-01' })
    const refused = await s.call('enrolment', CLERK_WH, 'addNewHires', { year: 2021, personIds: [inTime.personId, late.personId] })
    expect(refused).toMatchObject({ ok: false, code: 'LATE_NEW_HIRE' })
    expect(refused.message).toContain('新入职乙')
    expect(refused.message).toContain('2021-05-01')
    const ok = await s.ok('enrolment', CLERK_WH, 'addNewHires', { year: 2021, personIds: [inTime.personId] })
    // WH first-time rate 5 yuan per share per month, 2 shares, start 2021-06-16 → June–December = 7 months.
    const expected = quote({ scheme: 'wh-2020', unitType: 'soe', coverageStart: '2021-06-16', shares: 2, products: ['critical'], participants: [{ firstTime: true, sex: 'female' }] })
    expect(ok.totalFen).toBe((expected as any).totalFen)
    const part = (await s.db.collection('participations').where({ enrolmentId: ok.enrolmentId }).get()).data[0]
    expect(part).toMatchObject({ shares: 2, firstTime: true, status: 'pending' })
    const e = (await s.ok('enrolment', AGENT, 'get', { enrolmentId: ok.enrolmentId })).enrolment
    const reviewed = await s.ok('enrolment', AGENT, 'review', { enrolmentId: ok.enrolmentId, version: e.version, decision: 'approve' })
    await s.ok('enrolment', OFFICE, 'recordPayment', { enrolmentId: ok.enrolmentId, version: reviewed.version, amountFen: ok.totalFen, paidOn: '2021-06-15', reference: 'WH-NEW-01' })
    const cert = await s.ok('enrolment', CLERK_WH, 'certificate', { year: 2021 })
    const batch = cert.batches.find((b: any) => b.kind === 'new_hire')
    expect(batch.firstTimeCount).toBe(1)
    // First-timer windows: days 1–30 nothing, 31–60 and 61–90 consolation, from day 91 the medical benefit.
    expect(batch.firstTimeWindows.map((w: any) => [w.from, w.benefit])).toEqual([
      ['2021-06-16', 'none'],
      ['2021-07-16', 'consolation'],
      ['2021-08-15', 'consolation'],
      ['2021-09-14', 'medical'],
    ])
  })

  it('renewal for next period: last period’s participants, leavers and newcomers are marked', async () => {
    const p = await s.ok('enrolment', CLERK_WH, 'prepare', { year: 2022 })
    expect(p.scheme.id).toBe('wh-2020')
    expect(p.renewal).toMatchObject({ previousEnd: '2021-12-31', graceEnd: '2022-01-30' })
    expect(p.previousPlan).toEqual({ shares: 2, products: ['critical'] })
    const byName = new Map((await preparedPeople(s.ok, CLERK_WH, 2022)).map((x: any) => [x.name, x]))
    expect(byName.get('张伟')).toMatchObject({ previous: true, firstTime: false, status: 'in_service' })
    expect(byName.get('袁立新')).toMatchObject({ previous: false, status: 'retired' })
    expect(byName.get('新入职乙')).toMatchObject({ previous: false, firstTime: true })
    expect(byName.get('新入职甲')).toMatchObject({ previous: true, firstTime: false })
  })
})
