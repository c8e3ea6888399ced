/**
 * The roster and the declaration's people read in pinyin order (issue 13, item 11), page by page on an index:
 * every writer stores the name's sort key (one-by-one entry, file import — a rename included —, participations), a
 * walk by pages keeps the order across page boundaries and equals the whole roster sorted, a name search is a key range
 * in the same order, and people written before the key existed are keyed by the roster timer's backfill operation —
 * listed once each meanwhile, in order after it.
 */
import fc from 'fast-check'
import { scaledRuns } from '../../helpers/fast-check-runs'
import { nameKeyOf } from '@cloud-shared/name-key'
import { makeId, makeRows, rosterCsv } from '../../fixtures/rosters/make-roster'
import { checkAnswer } from '../../helpers/contract-check'
import { expectQueriesIndexed } from '../../helpers/query-stats'
import { CLERK_TZ, OFFICE, TZ_UNIT, WH_UNIT, startSuite, type Suite } from '../enrolment/helpers'

let s: Suite
beforeAll(async () => {
  s = await startSuite()
})
afterAll(async () => {
  await s?.emu.stop()
})

/** The names in the order a clerk expects (see name-key.test.ts for why each stands where it does). */
const ORDERED = ['阿依古丽', '安然', '陈志强', '丁二', '丁一', '李', '李红梅', '李斯', '李四', '卢军', '吕布', '区志强', '欧阳娜娜', '单田芳', '孙莉', '解晓东', '曾小贤', '张伟', '赵立新', '周海燕']

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Walks `roster.list` page by page (every request index-served), answering the people in listed order. */
async function walkRoster(openid: string, input: Record<string, unknown>, limit: number): Promise<{ items: any[]; totals: number[]; pages: number }> {
  const items: any[] = []
  const totals: number[] = []
  let cursor: string | undefined
  let pages = 0
  do {
    const { result, queries } = await s.emu.callFunctionWithStats('roster', { action: 'list', ...input, limit, ...(cursor ? { cursor } : {}) }, { openid })
    checkAnswer('roster', 'list', result)
    if (!result.ok) throw new Error(`roster.list: ${result.code} ${result.message}`)
    expectQueriesIndexed(queries)
    items.push(...result.data.items)
    totals.push(result.data.total)
    cursor = result.data.nextCursor ?? undefined
    pages++
    // A walk takes at most one page per `limit` people the list counts, plus an empty last one; more is a cursor that
    // never ends, said as such (a fixed cap cut the walk short once the property's roster outgrew it).
  } while (cursor && pages <= Math.ceil(totals[0] / limit))
  if (cursor) throw new Error(`roster.list still answers a next page after ${pages} pages of ${limit} for ${totals[0]} people`)
  return { items, totals, pages }
}

async function unitPeople(unitId: string): Promise<any[]> {
  const out: any[] = []
  for (;;) {
    const res = await s.db.collection('people').where({ unitId }).skip(out.length).limit(1000).get()
    out.push(...res.data)
    if (res.data.length < 1000) return out
  }
}

describe('every writer stores the sort key with the name', () => {
  it('one-by-one entry, in any order, lists in pinyin order across pages; a name search keeps it', async () => {
    const shuffled = [...ORDERED].sort((a, b) => cmp(nameKeyOf(b).slice(3), nameKeyOf(a).slice(3)))
    for (const [i, name] of shuffled.entries()) {
      const r = await s.call('roster', CLERK_TZ, 'add', { name, idNumber: makeId('331002', '1990-03-0' + (1 + (i % 9)), 300 + i, i % 2 === 0), hireDate: '2020-01-01', status: 'in_service' })
      expect(r.ok).toBe(true)
    }
    const stored = (await s.db.collection('people').where({ unitId: TZ_UNIT, name: s.db.command.in(ORDERED) }).get()).data
    expect(stored).toHaveLength(ORDERED.length)
    for (const p of stored) expect(p.nameKey).toBe(nameKeyOf(p.name))

    const { items, pages } = await walkRoster(CLERK_TZ, {}, 4)
    expect(pages).toBeGreaterThan(3)
    expect(items.map((p) => p.name).filter((n) => ORDERED.includes(n))).toEqual(ORDERED)

    expect((await walkRoster(CLERK_TZ, { query: '李' }, 2)).items.map((p) => p.name)).toEqual(['李', '李红梅', '李斯', '李四'])
    expect((await walkRoster(CLERK_TZ, { query: '曾' }, 2)).items.map((p) => p.name)).toEqual(['曾小贤'])
    expect((await walkRoster(CLERK_TZ, { query: '李斯' }, 2)).items.map((p) => p.name)).toEqual(['李斯'])
  })

  it('a file import keys the people it adds, and a re-import that renames someone re-keys them', async () => {
    const rows = makeRows(6, { offset: 9100, hireDate: '2019-09-01' })
    const fileID = await s.upload(`roster-imports/${TZ_UNIT}/pinyin-a.csv`, rosterCsv(rows))
    expect((await s.call('roster', CLERK_TZ, 'import', { fileID })).ok).toBe(true)
    const renamed = rows.map((r, i) => (i === 0 ? { ...r, name: '曾国藩' } : r))
    const fileID2 = await s.upload(`roster-imports/${TZ_UNIT}/pinyin-b.csv`, rosterCsv(renamed))
    const again = await s.call('roster', CLERK_TZ, 'import', { fileID: fileID2 })
    expect(again.data).toMatchObject({ imported: 0, updated: 1 })
    const people = (await s.db.collection('people').where({ unitId: TZ_UNIT, name: s.db.command.in(renamed.map((r) => r.name)) }).get()).data
    expect(people).toHaveLength(6)
    for (const p of people) expect(p.nameKey).toBe(nameKeyOf(p.name))
    expect(people.find((p: any) => p.name === '曾国藩').nameKey.startsWith('zeng1')).toBe(true)
  })

  it('participations carry the key of their person’s name (newParticipation, used by every declaration)', async () => {
    const parts = (await s.db.collection('participations').where({ unitId: WH_UNIT }).limit(1000).get()).data
    expect(parts.length).toBeGreaterThan(0)
    for (const p of parts) expect(p.nameKey).toBe(nameKeyOf(p.name))
    const page = await s.ok('enrolment', OFFICE, 'get', { enrolmentId: parts[0].enrolmentId, limit: 100 })
    const names = page.participants.items.map((p: any) => p.name)
    expect(names).toEqual([...names].sort((a: string, b: string) => cmp(nameKeyOf(a), nameKeyOf(b))))
  })
})

describe('paging', () => {
  const given = fc.array(fc.constantFrom(...'伟芳娜秀英明军丽强长乐朝重行'), { minLength: 0, maxLength: 2 }).map((cs) => cs.join(''))
  const name = fc.tuple(fc.constantFrom(...'张王李赵曾单区解欧吕卢'), given).map(([a, b]) => a + b)

  it('property: walking the roster by pages of any size equals the whole roster sorted by (sort key, _id), each once', async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(fc.array(name, { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 9 }), async (names, limit) => {
        run++
        const now = new Date()
        // Namesakes included on purpose: `_id` carries the cursor across them.
        const docs = names.map((n, i) => ({
          _id: `pk-${run}-${String(i).padStart(2, '0')}`,
          unitId: TZ_UNIT,
          name: n,
          nameKey: nameKeyOf(n),
          idHash: `pk-hash-${run}-${i}`,
          idMasked: '3310**********123X',
          birthDate: '1980-01-01',
          sex: 'male',
          hireDate: '2010-01-01',
          status: 'in_service',
          openid: null,
          version: 1,
          createdAt: now,
          updatedAt: now,
        }))
        await s.db.collection('people').add({ data: docs })
        const all = await unitPeople(TZ_UNIT)
        const expected = all.sort((a, b) => cmp(a.nameKey, b.nameKey) || cmp(a._id, b._id)).map((p) => p._id)
        const { items, totals } = await walkRoster(CLERK_TZ, {}, limit)
        expect(items.map((p) => p._id)).toEqual(expected)
        for (const t of totals) expect(t).toBe(expected.length)
      }),
      scaledRuns({ numRuns: 6 }),
    )
  })
})

describe('people written before the key existed', () => {
  it('list once each meanwhile; the roster timer’s backfill keys them (resumably, once per key version) and the list is in pinyin order', async () => {
    const now = new Date()
    const legacy = ['钱七', '艾一', '曾五', '单六', '区八', '张九'].map((n, i) => ({
      _id: `legacy-${i}`,
      unitId: TZ_UNIT,
      name: n,
      idHash: `legacy-hash-${i}`,
      idMasked: '3310**********123X',
      birthDate: '1980-01-01',
      sex: 'female',
      hireDate: '2010-01-01',
      status: 'in_service',
      openid: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    }))
    await s.db.collection('people').add({ data: legacy })
    // A stored key of an older recipe is recomputed too.
    await s.db.collection('participations').where({ unitId: WH_UNIT, name: '张伟' }).update({ data: { nameKey: 'old-recipe' } })
    const before = await walkRoster(CLERK_TZ, {}, 7)
    const total = (await unitPeople(TZ_UNIT)).length
    expect(before.items).toHaveLength(total)
    expect(new Set(before.items.map((p) => p._id)).size).toBe(total)

    const tick = await s.emu.fireTimer('roster', 'resume')
    expect(tick).toMatchObject({ ok: true })
    const op = (await s.db.collection('operations').where({ kind: 'roster.nameKeys' }).get()).data
    expect(op).toHaveLength(1)
    expect(op[0].status).toBe('done')
    for (const p of await unitPeople(TZ_UNIT)) expect(p.nameKey).toBe(nameKeyOf(p.name))
    const zhang = (await s.db.collection('participations').where({ unitId: WH_UNIT, name: '张伟' }).get()).data[0]
    expect(zhang.nameKey).toBe(nameKeyOf('张伟'))

    const after = await walkRoster(CLERK_TZ, {}, 7)
    const all = await unitPeople(TZ_UNIT)
    expect(after.items.map((p) => p._id)).toEqual(all.sort((a, b) => cmp(a.nameKey, b.nameKey) || cmp(a._id, b._id)).map((p) => p._id))
    expect((await walkRoster(CLERK_TZ, { query: '曾五' }, 5)).items.map((p) => p._id)).toEqual(['legacy-2'])

    // The next tick finds the backfill done and starts nothing.
    await s.emu.fireTimer('roster', 'resume')
    expect((await s.db.collection('operations').where({ kind: 'roster.nameKeys' }).get()).data).toHaveLength(1)
  })
})
