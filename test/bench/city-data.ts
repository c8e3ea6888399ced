/**
 * A city's data, written straight into the emulator's storage format (local-cloud/src/db/persistence.ts) — a
 * snapshot file, no SDK calls: units, a roster of people, one participation per person, claims. Deterministic
 * (seeded), streamed (nothing held in memory), shapes like the functions write them (cloudfunctions/_shared/src/
 * documents.ts, claims/src/submit.ts). Used by the city-scale benchmark.
 */
import { createHash } from 'node:crypto'
import { promises as fsp } from 'node:fs'
import path from 'node:path'
import { encodeStored } from '../../local-cloud/src/db/storage-format'
import { nameKeyOf } from '../../cloudfunctions/_shared/src/name-key'

export interface CityShape {
  units: number
  people: number
  claims: number
  agents: number
}

export const CITY: CityShape = { units: 5_000, people: 1_000_000, claims: 200_000, agents: 20 }

/** Claim statuses and their share of the queue (of 100). */
const STATUSES: [string, number][] = [
  ['submitted', 6],
  ['clerk_confirmed', 4],
  ['agent_confirmed', 3],
  ['returned', 2],
  ['approved', 10],
  ['paid', 65],
  ['rejected', 10],
]

/** xorshift32: the same city on every run. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1
  return () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return (x >>> 0) / 0x100000000
  }
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅林建国文斌志新海燕春晓东'

/** What each paid claim paid, and each participant's contribution (fen). */
const PAYOUT_FEN = 616_100
const CONTRIBUTION_FEN = 9_000

const pad = (n: number, w: number) => String(n).padStart(w, '0')
export const unitId = (u: number) => `unit-${pad(u, 5)}`
export const agentId = (a: number) => `agent-${pad(a, 2)}`
export const personId = (p: number) => `person-${pad(p, 7)}`
export const personOpenid = (p: number) => `o_city_${pad(p, 7)}`
export const idHashOf = (p: number) => createHash('sha256').update(`city-${p}`).digest('hex')

/** Writes `<dataDir>/db/snapshot.ejsonl`; answers the documents written and the file size in bytes. */
export async function writeCity(dataDir: string, shape: CityShape = CITY): Promise<{ documents: number; bytes: number }> {
  const dir = path.join(dataDir, 'db')
  await fsp.mkdir(dir, { recursive: true })
  const file = path.join(dir, 'snapshot.ejsonl')
  const handle = await fsp.open(file, 'w')
  const rnd = random(20260101)
  const created = new Date('2025-01-06T02:00:00Z')
  let documents = 0
  let buffer: string[] = []
  const flush = async () => {
    if (buffer.length > 0) await handle.write(`${buffer.join('\n')}\n`)
    buffer = []
  }
  const line = async (value: unknown) => {
    buffer.push(encodeStored(value))
    if (buffer.length >= 5000) await flush()
  }
  const doc = async (d: Record<string, unknown>) => {
    documents++
    await line({ d })
  }
  const unitOf = (p: number) => p % shape.units
  const agentOfUnit = (u: number) => u % shape.agents
  const family = (u: number) => (u % 3 === 0 ? 'WH' : 'TZ')
  const name = () => SURNAMES[Math.floor(rnd() * SURNAMES.length)] + GIVEN[Math.floor(rnd() * GIVEN.length)] + (rnd() < 0.6 ? GIVEN[Math.floor(rnd() * GIVEN.length)] : '')
  // People and participations carry the name's pinyin sort key as every writer stores it (the lists page on it); the
  // names come from a small pool, so each key is computed once.
  const keys = new Map<string, string>()
  const named = () => {
    const n = name()
    let key = keys.get(n)
    if (key === undefined) keys.set(n, (key = nameKeyOf(n)))
    return { name: n, nameKey: key }
  }

  try {
    await line({ snapshot: 2, gen: 0 })
    await line({ collection: 'agents' })
    for (let a = 0; a < shape.agents; a++) await doc({ _id: agentId(a), name: `台州市第${a + 1}代理工会`, region: `第${a + 1}片区`, createdAt: created, updatedAt: created })
    await line({ collection: 'units' })
    for (let u = 0; u < shape.units; u++) {
      await doc({
        _id: unitId(u),
        name: `台州市第${u + 1}单位`,
        uscc: `91331000${pad(u, 10)}`,
        unitType: 'soe',
        finance: false,
        family: family(u),
        agentId: agentId(agentOfUnit(u)),
        contactName: name(),
        contactPhone: `1380000${pad(u, 4)}`,
        address: `台州市椒江区某路${u + 1}号`,
        version: 1,
        createdAt: created,
        updatedAt: created,
      })
    }
    await line({ collection: 'people' })
    for (let p = 0; p < shape.people; p++) {
      const born = 1965 + Math.floor(rnd() * 40)
      await doc({
        _id: personId(p),
        unitId: unitId(unitOf(p)),
        ...named(),
        idHash: idHashOf(p),
        idCipher: `v1:${createHash('md5').update(String(p)).digest('base64')}${createHash('md5').update(`c${p}`).digest('base64')}`,
        idMasked: `3310**********${pad(p % 10_000, 4)}`,
        birthDate: `${born}-${pad(1 + Math.floor(rnd() * 12), 2)}-${pad(1 + Math.floor(rnd() * 28), 2)}`,
        sex: rnd() < 0.5 ? 'male' : 'female',
        hireDate: `${born + 22}-0${1 + Math.floor(rnd() * 9)}-01`,
        status: rnd() < 0.9 ? 'in_service' : 'retired',
        openid: p % 3 === 0 ? personOpenid(p) : null,
        version: 1,
        createdAt: created,
        updatedAt: created,
      })
    }
    await line({ collection: 'participations' })
    for (let p = 0; p < shape.people; p++) {
      const u = unitOf(p)
      await doc({
        _id: `part-2025-${pad(p, 7)}`,
        enrolmentId: `enrol-2025-${unitId(u)}`,
        unitId: unitId(u),
        agentId: agentId(agentOfUnit(u)),
        personId: personId(p),
        idHash: idHashOf(p),
        idMasked: `3310**********${pad(p % 10_000, 4)}`,
        ...named(),
        sex: p % 2 ? 'male' : 'female',
        family: family(u),
        schemeId: family(u) === 'WH' ? 'wh-2020' : 'tz-2022',
        year: 2025,
        products: ['inpatient', 'critical'],
        shares: 1,
        firstTime: false,
        status: 'active',
        coverageStart: '2025-01-01',
        coverageEnd: '2025-12-31',
        endedProducts: [],
        inpatientDaysUsed: 0,
        priorDiseases: [],
        version: 1,
        createdAt: created,
        updatedAt: created,
      })
    }
    // The fund ledger as the functions keep it: each unit's contribution, each paid claim's payout, and the running
    // totals per scheme and year (cloudfunctions/_shared/src/fund.ts).
    const payouts: { c: number; family: string; at: Date; on: string }[] = []
    await line({ collection: 'claims' })
    for (let c = 0; c < shape.claims; c++) {
      const p = Math.floor(rnd() * shape.people)
      const u = unitOf(p)
      let pick = rnd() * 100
      let status = STATUSES[0][0]
      for (const [s, share] of STATUSES) {
        if ((pick -= share) < 0) {
          status = s
          break
        }
      }
      const day = 1 + Math.floor(rnd() * 28)
      const month = 1 + Math.floor(rnd() * 11)
      const submitted = new Date(Date.UTC(2025, month - 1, day, 2))
      const filer = rnd() < 0.7 ? personOpenid(p) : `o_clerk_${unitId(u)}`
      const dueDate = status === 'submitted' || status === 'clerk_confirmed' || status === 'returned' ? null : `2025-${pad(month + 1, 2)}-${pad(day, 2)}`
      if (status === 'paid') payouts.push({ c, family: family(u), at: new Date(submitted.getTime() + 20 * 86_400_000), on: `2025-${pad(month + 1, 2)}-${pad(day, 2)}` })
      const facts = { admission: `2025-${pad(month, 2)}-${pad(day, 2)}`, discharge: `2025-${pad(month, 2)}-${pad(Math.min(day + 5, 28), 2)}`, hospital: '台州医院', inpatientDays: 5, totalFen: 1_234_500, selfPayFen: 234_500, selfFundedFen: 12_300, diagnosis: '肺炎' }
      await doc({
        _id: `claim-2025-${pad(c, 6)}`,
        claimNo: `TZ2025${pad(c, 6)}`,
        idempotencyKey: `idem-${pad(c, 6)}`,
        draftId: `draft-${pad(c, 6)}`,
        family: family(u),
        schemeId: family(u) === 'WH' ? 'wh-2020' : 'tz-2022',
        year: 2025,
        product: 'inpatient',
        kind: 'inpatient',
        participationId: `part-2025-${pad(p, 7)}`,
        personId: personId(p),
        personName: name(),
        personOpenid: p % 3 === 0 ? personOpenid(p) : null,
        unitId: unitId(u),
        unitName: `台州市第${u + 1}单位`,
        agentId: agentId(agentOfUnit(u)),
        filedBy: { openid: filer, as: filer.startsWith('o_clerk') ? 'clerk' : 'worker', name: name() },
        status,
        facts,
        files: [`cloud://local-dev/claims/${pad(c, 6)}/1.jpg`, `cloud://local-dev/claims/${pad(c, 6)}/2.jpg`],
        materials: [{ n: 1, at: submitted, facts, files: [`cloud://local-dev/claims/${pad(c, 6)}/1.jpg`] }],
        history: [{ at: submitted, event: 'submit', from: 'draft', to: 'submitted', role: 'worker', openid: filer, name: name() }],
        returned: null,
        submittedOn: `2025-${pad(month, 2)}-${pad(day, 2)}`,
        claimDeadline: { date: '2026-03-31', article: '第十五条' },
        assessmentAtSubmit: { payableFen: 616_100, lines: [{ code: 'INPATIENT_BAND_1', article: '第八条', baseFen: 1_000_000, rate: 0.5, amountFen: 500_000 }] },
        assessmentAtDecision: null,
        materialsCompleteOn: null,
        dueDate,
        decision: status === 'approved' || status === 'paid' ? { outcome: 'approve', amountFen: PAYOUT_FEN, computedFen: PAYOUT_FEN, overridden: false, note: null, at: submitted, by: 'o_city_office', byName: '互助办' } : null,
        payoutId: null,
        paid: null,
        version: 1,
        createdAt: submitted,
        updatedAt: submitted,
      })
    }
    await line({ collection: 'ledger' })
    const funds = new Map<string, { family: string; contributionsFen: number; payoutsFen: number; entries: number }>()
    const fund = (f: string) => funds.get(f) ?? funds.set(f, { family: f, contributionsFen: 0, payoutsFen: 0, entries: 0 }).get(f)!
    for (let u = 0; u < shape.units; u++) {
      const members = Math.floor(shape.people / shape.units) + (u < shape.people % shape.units ? 1 : 0)
      const amountFen = members * CONTRIBUTION_FEN
      const at = new Date(created.getTime() + u * 60_000)
      await doc({ _id: `contribution-enrol-2025-${unitId(u)}`, family: family(u), year: 2025, type: 'contribution', amountFen, sourceType: 'enrolment', sourceId: `enrol-2025-${unitId(u)}`, unitId: unitId(u), paidOn: '2025-01-06', at })
      const f = fund(family(u))
      f.contributionsFen += amountFen
      f.entries++
    }
    for (const p of payouts) {
      await doc({ _id: `payout-${pad(p.c, 6)}`, family: p.family, year: 2025, type: 'payout', amountFen: PAYOUT_FEN, sourceType: 'claim', sourceId: `claim-2025-${pad(p.c, 6)}`, ref: `TZ2025${pad(p.c, 6)}`, on: p.on, at: p.at })
      const f = fund(p.family)
      f.payoutsFen += PAYOUT_FEN
      f.entries++
    }
    await line({ collection: 'funds' })
    for (const f of funds.values()) await doc({ _id: `${f.family}-2025`, family: f.family, year: 2025, contributionsFen: f.contributionsFen, payoutsFen: f.payoutsFen, entries: f.entries, updatedAt: created })
    await line({ end: documents })
    await flush()
    await handle.sync()
  } finally {
    await handle.close()
  }
  return { documents, bytes: (await fsp.stat(file)).size }
}
