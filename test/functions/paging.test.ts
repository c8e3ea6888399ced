/**
 * Every list action pages on the server: walking its pages by cursor yields exactly the rows the filters select, in
 * the stated order, each once — checked against an oracle computed here from the stored documents — with an exact
 * `total`, and every database request of every page examines at most 2× what it returns (expectQueriesIndexed: an
 * index serves the filter, the sort and the page). Ties in the sort (same day, same name, same instant) are seeded on
 * purpose: the tie-breaker must carry the cursor across them. Also: the fund's running totals under concurrent
 * ledger entries, and cursors that were not made by the function are refused.
 */
import { CLAIM_STATUSES } from '@mutual-aid/shared-rules'
import { addToFund } from '@cloud-shared/fund'
import { nameKeyOf } from '@cloud-shared/name-key'
import { newParticipation } from '@cloud-shared/participation-doc'
import { runInTransaction } from '@cloud-shared/transaction'
import { checkAnswer } from '../helpers/contract-check'
import { expectQueriesIndexed } from '../helpers/query-stats'
import { AGENT, CLERK_TZ, CLERK_WH, OFFICE, WORKER, startSuite, type Suite } from './claims/helpers'

let s: Suite
const WORKER_PERSON = 'unit-wh-minghu-p001'
const WH = 'unit-wh-minghu'
const TZ = 'unit-tz-haiyue'

/** A fixed shuffle, so that natural (insertion) order is not the sort order. */
function shuffled<T>(items: T[]): T[] {
  const out = [...items]
  let seed = 7
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    const j = seed % (i + 1)
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

async function addAll(collection: string, docs: object[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 100) await s.db.collection(collection).add({ data: docs.slice(i, i + 100) })
}

async function readAll<T>(collection: string, where: object = {}): Promise<T[]> {
  const out: T[] = []
  for (;;) {
    const res = await s.db.collection(collection).where(where).skip(out.length).limit(1000).get()
    out.push(...(res.data as T[]))
    if (res.data.length < 1000) return out
  }
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0')
const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0)
const time = (v: unknown) => new Date(v as string).getTime()

/**
 * Walks a list action page by page. Each page's answer must match the contract, and every request it made must be
 * index-served. Returns the pages.
 */
async function walk(fn: string, event: Record<string, unknown>, openid: string, limit: number): Promise<any[]> {
  const pages: any[] = []
  let cursor: string | undefined
  do {
    const { result, queries } = await s.emu.callFunctionWithStats(fn, { ...event, ...(cursor ? { cursor } : {}), limit }, { openid })
    checkAnswer(fn, String(event.action), result)
    if (!result.ok) throw new Error(`${fn}.${event.action}: ${result.code} ${result.message}`)
    expect(queries.some((q) => q.action === 'find' && q.nReturned > 0)).toBe(true)
    expectQueriesIndexed(queries)
    pages.push(result.data)
    cursor = (result.data.nextCursor ?? result.data.participants?.nextCursor) || undefined
  } while (cursor && pages.length < 200)
  return pages
}

const ids = (pages: any[], pick: (page: any) => any[] = (p) => p.items, key = 'id') => pages.flatMap((p) => pick(p).map((x: any) => x[key]))

beforeAll(async () => {
  s = await startSuite()
  const now = new Date('2021-06-15T02:00:00Z')
  await s.db.collection('agents').add({ data: { _id: 'agent-other', name: '开发区总工会', region: '开发区', createdAt: now, updatedAt: now } })

  // 161 filed claims over two units, two agents, every status a filed claim can have (the statuses only a proposal from
  // the bureau's data has before it is accepted are the settlements suites'); many on the same day, due dates shared.
  const FILED_STATUSES = CLAIM_STATUSES.filter((st) => !['proposed', 'held', 'declined', 'lapsed'].includes(st))
  const claims = Array.from({ length: 161 }, (_v, i) => {
    const status = FILED_STATUSES[i % FILED_STATUSES.length]
    const unitId = i % 3 === 0 ? TZ : WH
    const due = status === 'agent_confirmed' || status === 'approved' || status === 'paid'
    return {
      _id: `pg-claim-${pad(i, 3)}`,
      claimNo: `${unitId === TZ ? 'TZ' : 'WH'}2021-${pad(900 + i, 6)}`,
      idempotencyKey: `pg-key-${i}`,
      family: unitId === TZ ? 'TZ' : 'WH',
      schemeId: unitId === TZ ? 'tz-2021' : 'wh-2020',
      year: 2021,
      product: 'critical',
      kind: 'illness',
      personName: `参加人${i}`,
      unitName: unitId === TZ ? '海悦电子科技有限公司' : '明湖精密机械有限公司',
      unitId,
      agentId: i % 5 === 0 ? 'agent-other' : 'agent-chengqu',
      personId: i % 6 === 0 ? WORKER_PERSON : `pg-person-${i}`,
      filedBy: { openid: i % 4 === 0 ? WORKER : `pg-filer-${i % 9}`, as: 'worker', name: '填报人' },
      status,
      submittedOn: `2021-0${1 + (i % 5)}-${pad(10 + (i % 4))}`,
      dueDate: due ? `2021-06-${pad(10 + (i % 6))}` : null,
      decision: null,
      history: [],
      materials: [],
      createdAt: now,
      updatedAt: now,
    }
  })
  await addAll('claims', shuffled(claims))

  // 137 ledger entries, pairs at the same instant.
  const ledger = Array.from({ length: 137 }, (_v, i) => ({
    _id: `pg-ledger-${pad(i, 3)}`,
    family: i % 2 ? 'WH' : 'TZ',
    year: 2020 + (i % 2),
    type: i % 3 ? 'contribution' : 'payout',
    amountFen: 1000 + i,
    sourceType: 'test',
    sourceId: `pg-${i}`,
    at: new Date(Date.UTC(2021, 0, 1 + Math.floor(i / 2))),
  }))
  await addAll('ledger', shuffled(ledger))

  // 143 more people in the TZ unit: a few surnames, namesakes.
  const surnames = ['王', '李', '张', '刘', '陈']
  const personName = (i: number) => `${surnames[i % 5]}${['伟', '芳', '娜'][i % 3]}${i % 4 === 0 ? '' : '明'}`
  const people = Array.from({ length: 143 }, (_v, i) => ({
    _id: `pg-person-doc-${pad(i, 3)}`,
    unitId: TZ,
    name: personName(i),
    // Stored with the name by every writer (roster add/import): the lists page on it (name-key.ts).
    nameKey: nameKeyOf(personName(i)),
    idHash: `pg-hash-${i}`,
    idMasked: '3310**********123X',
    birthDate: '1980-01-01',
    sex: i % 2 ? 'male' : 'female',
    hireDate: '2010-01-01',
    status: i % 7 === 0 ? 'retired' : 'in_service',
    openid: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }))
  await addAll('people', shuffled(people))

  // 57 more units (two agents), several created at the same instant.
  const units = Array.from({ length: 57 }, (_v, i) => ({
    _id: `pg-unit-${pad(i, 3)}`,
    name: `${['东湖', '西山', '南港'][i % 3]}${i}号单位`,
    uscc: `PG${pad(i, 16)}`,
    unitType: 'private',
    finance: false,
    family: i % 2 ? 'WH' : 'TZ',
    agentId: i % 4 === 0 ? 'agent-other' : 'agent-chengqu',
    contactName: '联系人',
    contactPhone: '13800000000',
    address: '',
    version: 1,
    createdAt: new Date(Date.UTC(2020, 0, 1 + Math.floor(i / 3))),
    updatedAt: now,
  }))
  await addAll('units', shuffled(units))

  // 64 more declarations of the WH unit, drafts among them.
  const statuses = ['draft', 'submitted', 'returned', 'approved', 'paid'] as const
  const enrolments = Array.from({ length: 64 }, (_v, i) => ({
    _id: `pg-enrol-${pad(i, 3)}`,
    unitId: WH,
    unitName: '明湖精密机械有限公司',
    agentId: 'agent-chengqu',
    family: 'WH',
    schemeId: 'wh-2020',
    year: 2000 + i,
    kind: 'annual',
    status: statuses[i % 5],
    participantCount: 1,
    quote: { totalFen: 100, lines: [] },
    version: 1,
    createdAt: now,
    updatedAt: new Date(Date.UTC(2021, 0, 1 + Math.floor(i / 2))),
  }))
  await addAll('enrolments', shuffled(enrolments))

  // 96 more active people on the seeded 2021 WH declaration (its page of people, the unit's certificate).
  const parts = Array.from({ length: 96 }, (_v, i) => {
    const person = { _id: `pg-part-person-${i}`, idHash: `pg-part-hash-${i}`, idMasked: '4207**********1234', name: `${surnames[i % 5]}${i % 3 ? '强' : '丽'}`, sex: 'male' as const }
    const facts = { enrolmentId: 'enrol-wh-minghu-2021', unit: { _id: WH, agentId: 'agent-chengqu' }, person, year: 2021, shares: 1, firstTime: i % 4 === 0 }
    const doc = newParticipation({ ...facts, scheme: { id: 'wh-2020', family: 'WH' }, products: ['critical'] }, now, { start: '2021-01-16', end: '2021-12-31' })
    return { _id: `pg-part-${pad(i, 3)}`, ...doc }
  })
  await addAll('participations', shuffled(parts))

  // 113 messages for the worker, in threes at the same instant; some read.
  const messages = Array.from({ length: 113 }, (_v, i) => ({
    _id: `pg-msg-${pad(i, 3)}`,
    openid: WORKER,
    template: 'test',
    title: `通知 ${i}`,
    body: '正文',
    page: '/packages/claims/inbox/index',
    ref: null,
    read: i % 3 === 0,
    createdAt: new Date(Date.UTC(2021, 0, 1 + Math.floor(i / 3))),
  }))
  await addAll('messages', shuffled(messages))

  // 88 more audit entries, two entities.
  const audit = Array.from({ length: 88 }, (_v, i) => ({
    _id: `pg-audit-${pad(i, 3)}`,
    action: 'test.step',
    entity: i % 2 ? 'claim' : 'unit',
    entityId: i % 2 ? 'pg-claim-001' : `pg-unit-${pad(i % 5, 3)}`,
    before: null,
    after: { i },
    openid: OFFICE,
    roles: ['office'],
    fn: 'test',
    at: new Date(Date.UTC(2021, 1, 1 + Math.floor(i / 2))),
  }))
  await addAll('audit', shuffled(audit))
}, 120_000)

afterAll(async () => {
  await s?.emu.stop()
})

describe('claims: review queue', () => {
  const inScope = (c: any, scope: Record<string, string>) => Object.entries(scope).every(([k, v]) => c[k] === v)
  const table: [who: string, openid: string, scope: Record<string, string>, filters: Record<string, string>][] = [
    ['office, 待审核 (by due date)', OFFICE, {}, { status: 'agent_confirmed' }],
    ['office, 全部 (newest first)', OFFICE, {}, {}],
    ['office, one scheme', OFFICE, {}, { family: 'WH' }],
    ['office, one agent, one status, one scheme', OFFICE, { agentId: 'agent-other' }, { status: 'submitted', family: 'TZ' }],
    ['agent, its default', AGENT, { agentId: 'agent-chengqu' }, { status: 'clerk_confirmed' }],
    ['agent, 待审核 one scheme', AGENT, { agentId: 'agent-chengqu' }, { status: 'agent_confirmed', family: 'WH' }],
    ['agent, 全部', AGENT, { agentId: 'agent-chengqu' }, {}],
    ['clerk, its default', CLERK_WH, { unitId: WH }, { status: 'submitted' }],
    ['clerk, 全部', CLERK_WH, { unitId: WH }, {}],
  ]
  it.each(table)('%s: pages in order, each claim once, exact counts, index-served', async (_who, openid, scope, filters) => {
    const all = await readAll<any>('claims')
    const agentFilter = openid === OFFICE && scope.agentId ? { agentId: scope.agentId } : {}
    const scoped = all.filter((c) => inScope(c, scope) && (!filters.family || c.family === filters.family))
    const selected = scoped.filter((c) => !filters.status || c.status === filters.status)
    const order =
      filters.status === 'agent_confirmed'
        ? (a: any, b: any) => cmp(a.dueDate ?? '', b.dueDate ?? '') || cmp(a.claimNo, b.claimNo)
        : filters.status
          ? (a: any, b: any) => cmp(a.submittedOn, b.submittedOn) || cmp(a.claimNo, b.claimNo)
          : (a: any, b: any) => cmp(b.submittedOn, a.submittedOn) || cmp(b.claimNo, a.claimNo)
    const expected = [...selected].sort(order).map((c) => c._id)
    expect(expected.length).toBeGreaterThan(1)

    const pages = await walk('claims', { action: 'queue', ...filters, ...agentFilter }, openid, 7)
    expect(ids(pages)).toEqual(expected)
    for (const page of pages) {
      expect(page.items.length).toBeLessThanOrEqual(7)
      expect(page.total).toBe(expected.length)
      for (const status of CLAIM_STATUSES) expect(page.counts[status]).toBe(scoped.filter((c) => c.status === status).length)
      expect(page.all).toBe(scoped.length)
    }
    expect(pages[pages.length - 1].nextCursor).toBeNull()
  })

  it('a worker’s own claims (filed by them or for them): newest first, each once, exact total', async () => {
    const all = await readAll<any>('claims')
    const expected = all
      .filter((c) => c.filedBy.openid === WORKER || c.personId === WORKER_PERSON)
      .sort((a, b) => cmp(b.submittedOn, a.submittedOn) || cmp(b.claimNo, a.claimNo))
      .map((c) => c._id)
    expect(expected.length).toBeGreaterThan(40)
    const pages = await walk('claims', { action: 'mine' }, WORKER, 6)
    expect(ids(pages)).toEqual(expected)
    for (const page of pages) expect(page.total).toBe(expected.length)
  })

  it('refuses a cursor it did not make, and changes nothing', async () => {
    for (const cursor of ['bm90LWpzb24', 'WyJhIl0', 'eyJhIjoxfQ']) {
      const r = await s.emu.callFunction('claims', { action: 'queue', status: 'submitted', cursor }, { openid: OFFICE })
      expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('翻页位置无效') })
    }
  })
})

describe('ledger', () => {
  it.each([[{}], [{ family: 'WH' }], [{ year: 2020 }], [{ family: 'TZ', year: 2020 }]] as [Record<string, unknown>][])(
    'entries %j newest first by pages, exact total, funds from the running totals',
    async (filters) => {
      const all = await readAll<any>('ledger')
      const expected = all
        .filter((e) => (!filters.family || e.family === filters.family) && (!filters.year || e.year === filters.year))
        .sort((a, b) => time(b.at) - time(a.at) || cmp(b._id, a._id))
        .map((e) => e._id)
      const pages = await walk('claims', { action: 'ledger', ...filters }, OFFICE, 9)
      expect(ids(pages)).toEqual(expected)
      for (const page of pages) expect(page.total).toBe(expected.length)
      const funds = await readAll<any>('funds')
      expect(pages[0].funds).toHaveLength(funds.filter((f) => (!filters.family || f.family === filters.family) && (!filters.year || f.year === filters.year)).length)
    },
  )

  it('running totals stay exact under concurrent ledger entries (each moves its fund in its own transaction)', async () => {
    const db = s.db
    const before = (await db.collection('funds').where({ _id: 'TZ-2030' }).get()).data[0] ?? null
    expect(before).toBeNull()
    const amounts = Array.from({ length: 12 }, (_v, i) => 100 * (i + 1))
    await Promise.all(
      amounts.map((amountFen, i) =>
        runInTransaction(db, async (tx: any) => {
          await tx.collection('ledger').add({ data: { _id: `pg-concurrent-${i}`, family: 'TZ', year: 2030, type: i % 2 ? 'payout' : 'contribution', amountFen, sourceType: 'test', sourceId: `c-${i}`, at: new Date() } })
          await addToFund(tx, { family: 'TZ', year: 2030, type: i % 2 ? 'payout' : 'contribution', amountFen, at: new Date() })
        }, { attempts: 40 }),
      ),
    )
    const fund = (await db.collection('funds').where({ _id: 'TZ-2030' }).get()).data[0]
    const sum = (odd: boolean) => amounts.filter((_a, i) => (i % 2 === 1) === odd).reduce((a, b) => a + b, 0)
    expect(fund).toMatchObject({ family: 'TZ', year: 2030, contributionsFen: sum(false), payoutsFen: sum(true), entries: 12 })
    const ledger = await s.call(OFFICE, 'ledger', { family: 'TZ', year: 2030 })
    expect(ledger.data.funds).toEqual([{ family: 'TZ', year: 2030, contributionsFen: sum(false), payoutsFen: sum(true), balanceFen: sum(false) - sum(true), entries: 12 }])
    expect(ledger.data.total).toBe(12)
  })
})

describe('roster', () => {
  it.each([[{}], [{ status: 'retired' }], [{ query: '王' }], [{ query: '李芳明' }], [{ query: '刘', status: 'in_service' }]] as [Record<string, string>][])(
    'the TZ roster %j by name (pinyin order: the sort key), each person once, exact total',
    async (filters) => {
      const all = await readAll<any>('people', { unitId: TZ })
      const expected = all
        .filter((p) => (!filters.status || p.status === filters.status) && (!filters.query || p.name.startsWith(filters.query)))
        .sort((a, b) => cmp(nameKeyOf(a.name), nameKeyOf(b.name)) || cmp(a._id, b._id))
        .map((p) => p._id)
      expect(expected.length).toBeGreaterThan(0)
      const pages = await walk('roster', { action: 'list', ...filters }, CLERK_TZ, 8)
      expect(ids(pages, undefined, '_id')).toEqual(expected)
      for (const page of pages) {
        expect(page.total).toBe(expected.length)
        expect(page.inService).toBe(all.filter((p) => p.status === 'in_service').length)
      }
    },
  )
})

describe('the declaration page', () => {
  it.each([
    ['all', {}],
    ['in_service', {}],
    ['in_service', { query: '刘' }],
  ] as [string, Record<string, string>][])('its people %s %j by name, each once, exact total; prepare counts them', async (list, filters) => {
    const all = await readAll<any>('people', { unitId: TZ })
    const expected = all
      .filter((p) => (list === 'all' || p.status === 'in_service') && (!filters.query || p.name.startsWith(filters.query)))
      .sort((a, b) => cmp(nameKeyOf(a.name), nameKeyOf(b.name)) || cmp(a._id, b._id))
      .map((p) => p._id)
    expect(expected.length).toBeGreaterThan(0)
    const pages = await walk('enrolment', { action: 'people', year: 2021, list, ...filters }, CLERK_TZ, 7)
    expect(ids(pages, undefined, '_id')).toEqual(expected)
    for (const page of pages) expect(page.total).toBe(expected.length)
    const { result, queries } = await s.emu.callFunctionWithStats('enrolment', { action: 'prepare', year: 2021 }, { openid: CLERK_TZ })
    expectQueriesIndexed(queries)
    expect(result.data.roster.inService).toBe(all.filter((p) => p.status === 'in_service').length)
  })

  it('new hires first: in service, newest hire first; this period’s participants here by name', async () => {
    const inService = (await readAll<any>('people', { unitId: TZ, status: 'in_service' })).sort((a, b) => cmp(b.hireDate, a.hireDate) || cmp(b._id, a._id))
    const recent = await walk('enrolment', { action: 'people', year: 2021, list: 'recent' }, CLERK_TZ, 7)
    expect(ids(recent, undefined, '_id')).toEqual(inService.map((p) => p._id))
    const active = (await readAll<any>('participations', { unitId: WH, year: 2021, status: 'active' })).sort((a, b) => cmp(nameKeyOf(a.name), nameKeyOf(b.name)) || cmp(a._id, b._id))
    // (This suite's generated participations name people it never put on the roster: those rows have no person to show.)
    const onRoster = new Set((await readAll<any>('people', { unitId: WH })).map((p) => p._id))
    const enrolled = await walk('enrolment', { action: 'people', year: 2021, list: 'enrolled' }, CLERK_WH, 9)
    expect(ids(enrolled, undefined, '_id')).toEqual(active.filter((p) => onRoster.has(p.personId)).map((p) => p.personId))
    for (const page of enrolled) expect(page.total).toBe(active.length)
  })
})

describe('units', () => {
  it.each([
    ['office', OFFICE, {}, {}],
    ['office, searched', OFFICE, { query: '西山' }, {}],
    ['agent', AGENT, {}, { agentId: 'agent-chengqu' }],
    ['agent, searched', AGENT, { query: '东湖' }, { agentId: 'agent-chengqu' }],
  ] as [string, string, Record<string, string>, Record<string, string>][])('%s: by pages, each unit once, exact total', async (_who, openid, filters, scope) => {
    const all = await readAll<any>('units')
    const expected = all
      .filter((u) => (!scope.agentId || u.agentId === scope.agentId) && (!filters.query || u.name.startsWith(filters.query)))
      .sort(filters.query ? (a, b) => cmp(a.name, b.name) || cmp(a._id, b._id) : (a, b) => time(b.createdAt) - time(a.createdAt) || cmp(b._id, a._id))
      .map((u) => u._id)
    const pages = await walk('units', { action: 'list', ...filters }, openid, 6)
    expect(ids(pages, undefined, '_id')).toEqual(expected)
    for (const page of pages) expect(page.total).toBe(expected.length)
  })
})

describe('declarations', () => {
  it.each([
    ['office', OFFICE, {}, {}],
    ['office, paid', OFFICE, { status: 'paid' }, {}],
    ['agent', AGENT, {}, { agentId: 'agent-chengqu' }],
    ['clerk, returned', CLERK_WH, { status: 'returned' }, { unitId: WH }],
  ] as [string, string, Record<string, string>, Record<string, string>][])('%s: last changed first, drafts only when asked, exact total', async (_who, openid, filters, scope) => {
    const all = await readAll<any>('enrolments')
    const expected = all
      .filter((e) => Object.entries(scope).every(([k, v]) => e[k] === v) && (filters.status ? e.status === filters.status : e.status !== 'draft'))
      .sort((a, b) => time(b.updatedAt) - time(a.updatedAt) || cmp(b._id, a._id))
      .map((e) => e._id)
    const pages = await walk('enrolment', { action: 'list', ...filters }, openid, 7)
    expect(ids(pages, undefined, '_id')).toEqual(expected)
    for (const page of pages) expect(page.total).toBe(expected.length)
  })

  it.each([[{}], [{ query: '张' }]] as [Record<string, string>][])('a declaration’s people %j by name by pages', async (filters) => {
    const all = await readAll<any>('participations', { enrolmentId: 'enrol-wh-minghu-2021' })
    const expected = all
      .filter((p) => !filters.query || p.name.startsWith(filters.query))
      .sort((a, b) => cmp(nameKeyOf(a.name), nameKeyOf(b.name)) || cmp(a._id, b._id))
      .map((p) => p._id)
    const pages = await walk('enrolment', { action: 'get', enrolmentId: 'enrol-wh-minghu-2021', ...filters }, OFFICE, 11)
    expect(ids(pages, (p) => p.participants.items, '_id')).toEqual(expected)
    for (const page of pages) expect(page.participants.total).toBe(expected.length)
  })

  it('the unit’s certificate: its active people by name by pages, exact counts', async () => {
    const all = await readAll<any>('participations', { unitId: WH, year: 2021, status: 'active' })
    const expected = all.sort((a, b) => cmp(nameKeyOf(a.name), nameKeyOf(b.name)) || cmp(a._id, b._id)).map((p) => `${p.name}|${p.idMasked}`)
    const pages = await walk('enrolment', { action: 'certificate', year: 2021 }, CLERK_WH, 13)
    expect(pages.flatMap((p) => p.participants.items.map((x: any) => `${x.name}|${x.idMasked}`))).toEqual(expected)
    for (const page of pages) {
      expect(page.participants.total).toBe(all.length)
      expect(page.participants.firstTime).toBe(all.filter((p) => p.firstTime).length)
    }
  })
})

describe('inbox and audit log', () => {
  it('the inbox newest first by pages, exact total and unread count', async () => {
    const all = await readAll<any>('messages', { openid: WORKER })
    const expected = all.sort((a, b) => time(b.createdAt) - time(a.createdAt) || cmp(b._id, a._id)).map((m) => m._id)
    const pages = await walk('messages', { action: 'list' }, WORKER, 10)
    expect(ids(pages)).toEqual(expected)
    for (const page of pages) {
      expect(page.total).toBe(expected.length)
      expect(page.unread).toBe(all.filter((m) => !m.read).length)
    }
  })

  it.each([[{}], [{ entity: 'claim' }], [{ entity: 'claim', entityId: 'pg-claim-001' }]] as [Record<string, string>][])(
    'the audit log %j newest first by pages, office only',
    async (filters) => {
      const all = await readAll<any>('audit')
      const expected = all
        .filter((a) => (!filters.entity || a.entity === filters.entity) && (!filters.entityId || a.entityId === filters.entityId))
        .sort((a, b) => time(b.at) - time(a.at) || cmp(b._id, a._id))
        .map((a) => a._id)
      const pages = await walk('units', { action: 'auditLog', ...filters }, OFFICE, 12)
      // Reading the log writes nothing to it.
      expect(ids(pages)).toEqual(expected)
      for (const page of pages) expect(page.total).toBe(expected.length)
      expect(await s.emu.callFunction('units', { action: 'auditLog' }, { openid: AGENT })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    },
  )
})
