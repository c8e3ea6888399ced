/**
 * A generated year of the fund for the report tests: three agents, seven units, both scheme families, participations
 * (first-time and renewing), contribution entries per unit, claims in every status with decisions and payout entries —
 * the documents exactly as the enrolment and claims functions write them — plus noise of another year. Deterministic
 * (a seeded generator), and it answers the expected figures computed straight from what it wrote.
 */
export const YEAR = 2021

/** mulberry32: a tiny seeded generator, so every run writes the same year. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const AGENTS = [
  { _id: 'agent-gen-a', name: '东区总工会' },
  { _id: 'agent-gen-b', name: '西区总工会' },
  { _id: 'agent-gen-c', name: '教育系统工会' },
]

export const UNITS = [
  { _id: 'unit-gen-1', name: '东区一厂', agentId: 'agent-gen-a', family: 'WH' as const },
  { _id: 'unit-gen-2', name: '东区二厂', agentId: 'agent-gen-a', family: 'WH' as const },
  { _id: 'unit-gen-3', name: '西区医院', agentId: 'agent-gen-b', family: 'WH' as const },
  { _id: 'unit-gen-4', name: '第一中学', agentId: 'agent-gen-c', family: 'WH' as const },
  { _id: 'unit-gen-5', name: '东区电子', agentId: 'agent-gen-a', family: 'TZ' as const },
  { _id: 'unit-gen-6', name: '西区物流', agentId: 'agent-gen-b', family: 'TZ' as const },
  { _id: 'unit-gen-7', name: '第二中学', agentId: 'agent-gen-c', family: 'TZ' as const },
]

const STATUSES = ['submitted', 'clerk_confirmed', 'agent_confirmed', 'returned', 'approved', 'rejected', 'paid'] as const

export interface Generated {
  units: typeof UNITS
  participations: any[]
  ledger: any[]
  claims: any[]
}

export function generateYear(seed = 14): Generated {
  const rnd = random(seed)
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1))
  const now = new Date('2021-06-15T02:00:00Z')
  const participations: any[] = []
  const ledger: any[] = []
  const claims: any[] = []
  let claimSeq = 0
  for (const unit of UNITS) {
    // A unit renews when its people continued from 2020; a first-time unit's people are all first-time.
    const renewingUnit = unit._id !== 'unit-gen-2' && unit._id !== 'unit-gen-6'
    const people = int(12, 40)
    for (let i = 0; i < people; i++) {
      for (const year of [YEAR, YEAR - 1]) {
        participations.push({
          _id: `part-${year}-${unit._id}-${i}`, enrolmentId: `enrol-${year}-${unit._id}`, unitId: unit._id, agentId: unit.agentId,
          personId: `${unit._id}-p${i}`, idHash: `hash-${unit._id}-${i}`, name: `职工${i}`, sex: i % 2 ? 'female' : 'male',
          family: unit.family, schemeId: unit.family === 'WH' ? 'wh-2020' : 'tz-2021', year, products: unit.family === 'WH' ? ['critical'] : ['inpatient', 'critical'],
          shares: 1, firstTime: !renewingUnit || i >= people - 3, status: i === 0 && year === YEAR ? 'void' : 'active',
          coverageStart: `${year}-02-01`, coverageEnd: `${year}-12-31`, endedProducts: [], inpatientDaysUsed: 0, priorDiseases: [], version: 1, createdAt: now, updatedAt: now,
        })
      }
    }
    for (const year of [YEAR, YEAR - 1]) {
      ledger.push({ _id: `contribution-enrol-${year}-${unit._id}`, family: unit.family, year, type: 'contribution', amountFen: people * int(3_000, 6_000), sourceType: 'enrolment', sourceId: `enrol-${year}-${unit._id}`, unitId: unit._id, paidOn: `${year}-01-20`, at: now })
    }
    const claimCount = int(4, 9)
    for (let k = 0; k < claimCount; k++) {
      claimSeq += 1
      const status = STATUSES[int(0, STATUSES.length - 1)]
      const decided = status === 'approved' || status === 'rejected' || status === 'paid'
      const complete = decided || status === 'agent_confirmed' ? `2021-0${int(3, 5)}-${String(int(10, 28)).padStart(2, '0')}` : null
      const decidedDay = complete ? Number(complete.slice(-2)) : 0
      const amountFen = status === 'rejected' ? 0 : int(50_000, 2_000_000)
      const id = `claim-gen-${claimSeq}`
      const product = unit.family === 'WH' ? 'critical' : (['critical', 'inpatient'] as const)[int(0, 1)]
      claims.push({
        _id: id, claimNo: `${unit.family}${YEAR}-G${String(claimSeq).padStart(5, '0')}`, idempotencyKey: `idem-${id}`, family: unit.family, schemeId: unit.family === 'WH' ? 'wh-2020' : 'tz-2021',
        year: YEAR, product, kind: product === 'inpatient' ? 'inpatient' : 'illness', unitId: unit._id, unitName: unit.name, agentId: unit.agentId, status,
        personName: `职工${k}`, personOpenid: null, filedBy: { openid: `w-${id}`, as: 'worker', name: `职工${k}` },
        materialsCompleteOn: complete,
        // agent_confirmed claims: some past their due date (before 2021-06-15), some not.
        dueDate: complete ? (status === 'agent_confirmed' && k % 2 === 0 ? '2021-06-01' : '2021-07-20') : null,
        // Decided at 10:00 CST (02:00 UTC) some days after complete materials; one decided at 23:30 CST (15:30 UTC).
        decision: decided
          ? { outcome: status === 'rejected' ? 'reject' : 'approve', amountFen, at: complete ? new Date(`${complete.slice(0, 8)}${String(Math.min(decidedDay + 3 + (k % 4), 28)).padStart(2, '0')}T${k % 5 === 0 ? '15:30' : '02:00'}:00Z`) : now }
          : null,
        paid: status === 'paid' ? { paidOn: '2021-06-10', reference: `REF${claimSeq}` } : null,
        version: 4, createdAt: now, updatedAt: now,
      })
      if (status === 'paid') {
        ledger.push({ family: unit.family, year: YEAR, type: 'payout', amountFen, sourceType: 'claim', sourceId: id, ref: `${unit.family}${YEAR}-G${claimSeq}`, unitId: unit._id, agentId: unit.agentId, on: '2021-06-10', at: now })
      }
    }
  }
  return { units: UNITS, participations, ledger, claims }
}

/** Calendar days between two dates `YYYY-MM-DD`. */
const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

/** The CST date of an instant. */
const cstDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)

/** The figures the report must show for a family and a set of units, computed from the generated documents. */
export function expectedFigures(g: Generated, family: 'WH' | 'TZ', unitIds: string[] | null) {
  const inScope = (d: any) => d.family === family && d.year === YEAR && (!unitIds || unitIds.includes(d.unitId))
  const parts = g.participations.filter((p) => inScope(p) && p.status === 'active')
  const ledger = g.ledger.filter(inScope)
  const claims = g.claims.filter(inScope)
  const contributionsFen = ledger.filter((e) => e.type === 'contribution').reduce((n, e) => n + e.amountFen, 0)
  const paidFen = ledger.filter((e) => e.type === 'payout').reduce((n, e) => n + e.amountFen, 0)
  const decided = claims.filter((c) => c.decision && c.materialsCompleteOn)
  const dayList = decided.map((c) => days(c.materialsCompleteOn, cstDate(c.decision.at)))
  const units = new Set(parts.map((p) => p.unitId))
  const firstTimeUnits = [...units].filter((u) => parts.filter((p) => p.unitId === u).every((p) => p.firstTime)).length
  const byStatus: Record<string, number> = {}
  for (const c of claims) byStatus[c.status] = (byStatus[c.status] ?? 0) + 1
  return {
    participants: { total: parts.length, firstTime: parts.filter((p) => p.firstTime).length, renewing: parts.filter((p) => !p.firstTime).length },
    units: { total: units.size, firstTime: firstTimeUnits, renewing: units.size - firstTimeUnits },
    contributionsFen,
    paidFen,
    balanceFen: contributionsFen - paidFen,
    approvedFen: claims.filter((c) => c.status === 'approved' || c.status === 'paid').reduce((n, c) => n + c.decision.amountFen, 0),
    claimsTotal: claims.length,
    byStatus,
    decided: decided.length,
    daysSum: dayList.reduce((n, d) => n + d, 0),
    overdue: claims.filter((c) => c.status === 'agent_confirmed' && c.dueDate < '2021-06-15').length,
    docs: { participations: g.participations.filter((p) => inScope(p)).length, ledger: ledger.length, claims: claims.length },
  }
}
