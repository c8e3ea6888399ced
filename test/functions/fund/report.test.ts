/**
 * Reports (issue 14, deliverable 2) over a generated year: every figure reconciles exactly with the documents it
 * stands on — contributions = the ledger's contribution entries, paid = its payout entries, balance = the difference,
 * to the fen — for the whole scheme, an agent and a unit; scope comes from the caller; the work is bounded to the
 * scope's documents (indexed `$match`, then `$group`); and the Excel export carries the same figures.
 */
import ExcelJS from 'exceljs'
import { expectQueriesIndexed } from '../../helpers/query-stats'
import { OFFICE, AGENT, CLERK_WH, WORKER, startSuite, type Suite } from './helpers'
import { AGENTS, UNITS, YEAR, expectedFigures, generateYear, type Generated } from './generated-year'

let s: Suite
let g: Generated
beforeAll(async () => {
  s = await startSuite()
  g = generateYear()
  const now = new Date()
  await s.db.collection('agents').add({ data: AGENTS.map((a) => ({ ...a, region: a.name, createdAt: now, updatedAt: now })) })
  await s.db.collection('units').add({
    data: UNITS.map((u, i) => ({ ...u, uscc: `GEN${String(i).padStart(15, '0')}`, unitType: 'enterprise', finance: false, contactName: '经办人', contactPhone: '13800000000', address: '', version: 1, createdAt: now, updatedAt: now })),
  })
  // An agent user of the generated east district.
  await s.db.collection('users').add({ data: { _id: 'gen-agent-a', role: 'agent', name: '东区经办', agentId: 'agent-gen-a', createdAt: now, updatedAt: now } })
  for (const [name, docs] of Object.entries({ participations: g.participations, ledger: g.ledger, claims: g.claims })) {
    for (let i = 0; i < docs.length; i += 500) await s.db.collection(name).add({ data: docs.slice(i, i + 500) })
  }
}, 180_000)
afterAll(async () => {
  await s?.emu.stop()
})

const report = (openid: string, input: Record<string, unknown>) => s.ok('fund', openid, 'report', { year: YEAR, ...input })

function expectReconciles(r: any, e: ReturnType<typeof expectedFigures>) {
  expect(r.participants).toEqual(e.participants)
  expect(r.units).toEqual(e.units)
  expect(r.contributionsFen).toBe(e.contributionsFen)
  expect(r.paidFen).toBe(e.paidFen)
  expect(r.balanceFen).toBe(e.balanceFen)
  expect(r.balanceFen).toBe(r.contributionsFen - r.paidFen)
  expect(r.approvedFen).toBe(e.approvedFen)
  expect(r.claims.total).toBe(e.claimsTotal)
  expect(Object.fromEntries(r.claims.byStatus.map((x: any) => [x.status, x.count]))).toEqual(e.byStatus)
  expect(r.claims.byBenefit.reduce((n: number, b: any) => n + b.count, 0)).toBe(e.claimsTotal)
  expect(r.claims.byBenefit.reduce((n: number, b: any) => n + b.approvedFen, 0)).toBe(e.approvedFen)
  expect(r.decided).toBe(e.decided)
  // One decimal, half-up: the exact integer arithmetic, not floating point.
  expect(r.claimsPerThousand).toBe(e.participants.total ? Math.floor((e.claimsTotal * 10_000 * 2 + e.participants.total) / (2 * e.participants.total)) / 10 : null)
  expect(r.avgDaysToDecision).toBe(e.decided ? Math.floor((e.daysSum * 10 * 2 + e.decided) / (2 * e.decided)) / 10 : null)
  // The breakdown adds up to the totals.
  const sum = (k: string) => r.rows.reduce((n: number, row: any) => n + row[k], 0)
  expect(sum('participants')).toBe(e.participants.total)
  expect(sum('contributionsFen')).toBe(e.contributionsFen)
  expect(sum('paidFen')).toBe(e.paidFen)
  expect(sum('claims')).toBe(e.claimsTotal)
}

it('the whole WH scheme, by agent: reconciles with the ledger to the fen; overdue reviews by the Art. 19 due date', async () => {
  const r = await report(OFFICE, { family: 'WH' })
  // The ledger itself, read whole for this check (the demo's WH unit is in the scheme too).
  const ledger = (await s.db.collection('ledger').where({ family: 'WH', year: YEAR }).limit(1000).get()).data
  const sum = (type: string) => ledger.filter((x: any) => x.type === type).reduce((n: number, x: any) => n + x.amountFen, 0)
  expect(r.contributionsFen).toBe(sum('contribution'))
  expect(r.paidFen).toBe(sum('payout'))
  const e = expectedFigures(g, 'WH', null)
  const demoParts = (await s.db.collection('participations').where({ family: 'WH', year: YEAR, unitId: 'unit-wh-minghu', status: 'active' }).count()).total
  expect(r.participants.total).toBe(e.participants.total + demoParts)
  expect(r.balanceFen).toBe(r.contributionsFen - r.paidFen)
  expect(r.rowsBy).toBe('agent')
  expect(r.rows.map((x: any) => x.name)).toEqual(expect.arrayContaining(['东区总工会', '西区总工会', '教育系统工会', '城区总工会']))
  expect(r.overdueReviews).toBe(e.overdue)
  expect(r.reviewBasis).toContain('30 个工作日')
})

it('each agent and each unit reconcile exactly with their ledger entries', async () => {
  for (const agent of AGENTS) {
    for (const family of ['WH', 'TZ'] as const) {
      const unitIds = UNITS.filter((u) => u.agentId === agent._id).map((u) => u._id)
      const r = await report(OFFICE, { family, agentId: agent._id })
      expect(r.rowsBy).toBe('unit')
      expect(r.scope).toMatchObject({ agentId: agent._id, agentName: agent.name })
      expectReconciles(r, expectedFigures(g, family, unitIds))
    }
  }
  for (const unit of UNITS) {
    const r = await report(OFFICE, { family: unit.family, unitId: unit._id })
    expect(r.scope).toMatchObject({ unitId: unit._id, unitName: unit.name })
    expectReconciles(r, expectedFigures(g, unit.family, [unit._id]))
  }
})

it('TZ sets no review limit: no overdue figure', async () => {
  const r = await report(OFFICE, { family: 'TZ', agentId: 'agent-gen-b' })
  expect(r.overdueReviews).toBeNull()
  expect(r.reviewBasis).toBeNull()
})

it('an agent sees its own units only, whatever it asks; others see no report', async () => {
  const own = await report('gen-agent-a', { family: 'WH' })
  expect(own.scope.agentId).toBe('agent-gen-a')
  expectReconciles(own, expectedFigures(g, 'WH', ['unit-gen-1', 'unit-gen-2']))
  expect(await s.call('fund', 'gen-agent-a', 'report', { family: 'WH', year: YEAR, agentId: 'agent-gen-b' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await s.call('fund', 'gen-agent-a', 'report', { family: 'WH', year: YEAR, unitId: 'unit-gen-3' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await s.call('fund', AGENT, 'report', { family: 'WH', year: YEAR, unitId: 'unit-gen-1' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  for (const who of [CLERK_WH, WORKER]) {
    expect(await s.call('fund', who, 'report', { family: 'WH', year: YEAR })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await s.call('fund', who, 'exportReport', { family: 'WH', year: YEAR })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  }
})

it('bounded work: each figure reads only the scope documents, through the by_fund_unit indexes', async () => {
  const unitIds = ['unit-gen-1', 'unit-gen-2']
  const e = expectedFigures(g, 'WH', unitIds)
  const { result, queries } = await s.emu.callFunctionWithStats('fund', { action: 'report', family: 'WH', year: YEAR, agentId: 'agent-gen-a' }, { openid: OFFICE })
  expect(result.ok).toBe(true)
  const aggregates = queries.filter((q) => q.action === 'aggregate')
  expect(aggregates.map((q) => q.collection).sort()).toEqual(['claims', 'claims', 'ledger', 'participations'])
  for (const q of aggregates) {
    expect(q.stage).toBe('IXSCAN')
    // Exactly the scope's documents of that collection: never the other year, family or units.
    expect(q.docsExamined).toBe(e.docs[q.collection as 'claims' | 'ledger' | 'participations'])
  }
  // The other reads (scope, names, the overdue count) return what they examine.
  expect(queries.some((q) => q.action === 'count' && q.collection === 'claims')).toBe(true)
  // The scheme configuration (schemeFees) and the agents' names are small collections read whole by design.
  const others = queries.filter((q) => q.action !== 'aggregate' && !['schemeFees', 'agents'].includes(q.collection))
  for (const q of others) expect(`${q.collection} ${q.stage}`).not.toMatch(/COLLSCAN/)
  expectQueriesIndexed(queries, { except: ['schemeFees', 'agents'] })
})

it('the Excel export has the same figures, and only a link from the function opens it', async () => {
  const r = await report(OFFICE, { family: 'WH', agentId: 'agent-gen-a' })
  const x = await s.ok('fund', OFFICE, 'exportReport', { family: 'WH', year: YEAR, agentId: 'agent-gen-a' })
  expect(x.fileName).toMatch(/^基金报表-WH-2021-agent-gen-a-2021-06-15\.xlsx$/)
  const res = await fetch(x.url)
  expect(res.ok).toBe(true)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load((await res.arrayBuffer()) as any)
  const summary = new Map<string, unknown>()
  wb.getWorksheet('概况')!.eachRow((row, n) => {
    if (n > 1) summary.set(String(row.getCell(1).value), row.getCell(2).value)
  })
  expect(summary.get('参加人数')).toBe(r.participants.total)
  expect(summary.get('已收互助金（元）')).toBe(r.contributionsFen / 100)
  expect(summary.get('已支付金额（元）')).toBe(r.paidFen / 100)
  expect(summary.get('基金结余（元）= 已收 − 已支付')).toBe(r.balanceFen / 100)
  expect(summary.get('申请笔数')).toBe(r.claims.total)
  expect(summary.get('逾期未审批笔数')).toBe(r.overdueReviews)
  const rows = wb.getWorksheet('按单位')!
  expect(rows.rowCount - 1).toBe(r.rows.length)
  // Storage is closed to clients: the app cannot open the file by its fileID.
  const token = await s.emu.token(OFFICE)
  const direct = await fetch(`${s.emu.url}/local/temp-file-urls`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ fileList: [x.fileID] }) })
  const body = (await direct.json()) as any
  expect(JSON.stringify(body)).toMatch(/STORAGE_EXCEED_AUTHORITY|403/)
  const audit = (await s.db.collection('audit').where({ action: 'report.export' }).get()).data
  expect(audit).toHaveLength(1)
})
