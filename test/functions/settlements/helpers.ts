/**
 * Fixtures for the settlements tests: the demo seed on the emulator, every TZ roster person (海悦电子, 14 people)
 * enrolled in TZ 2021 with all three products from 2021-04-01, and helpers to write the bureau's export as CSV, upload
 * it as the office does and import it to the end.
 */
import { residentIdCheckChar } from '@mutual-aid/shared-rules'
import { SUBSCRIBE_ON } from '@mutual-aid/contracts'
import { newParticipation } from '@cloud-shared/participation-doc'
import { staysOf, type SettlementStaysDoc } from '@cloud-shared/stays'
import type { ParticipationDoc, StayEntry } from '@cloud-shared/documents'
import { startEmulator, type Emulator } from '../../helpers/emulator'
import { checkAnswer } from '../../helpers/contract-check'
import { seedDemo } from '../../../scripts/seed'
import { localCloud } from '../../../scripts/sdk-env'
import { TZ_PEOPLE } from '../../../scripts/demo-data'
import { fileClaim, uploadTo } from '../claims/helpers'

export const OFFICE = 'demo-office-01'
export const OFFICE_2 = 'demo-office-02'
export const AGENT = 'demo-agent-01'
export const CLERK_TZ = 'demo-clerk-tz'
export const WORKER_TZ = 'demo-worker-tz-1' // 余静, the TZ unit's first person
export const TZ_UNIT = 'unit-tz-haiyue'

export interface Suite {
  emu: Emulator
  db: any
  call(fn: 'settlements' | 'claims', openid: string, action: string, input?: Record<string, unknown>): Promise<any>
  /** Participation id by roster index (0 = 余静). */
  part: string[]
}

export async function startSettleSuite(options: { today?: string; faultInjection?: boolean; dataDir?: string } = {}): Promise<Suite> {
  const emu = await startEmulator({ env: { MUTUAL_AID_TODAY: options.today ?? '2021-06-15' }, faultInjection: options.faultInjection, dataDir: options.dataDir })
  const db = localCloud(emu.url).database()
  await seedDemo(emu.url)
  const people = (await db.collection('people').where({ unitId: TZ_UNIT }).orderBy('_id', 'asc').limit(100).get()).data
  const now = new Date()
  const part: string[] = []
  for (const person of people) {
    const _id = `part-tz2021-${person._id}`
    part.push(_id)
    const doc = newParticipation(
      { enrolmentId: 'enrol-tz-2021', unit: { _id: TZ_UNIT, agentId: 'agent-chengqu' }, person, scheme: { id: 'tz-2021', family: 'TZ' }, year: 2021, products: ['inpatient', 'critical', 'female'], shares: 1, firstTime: true },
      now,
      { start: '2021-04-01', end: '2021-12-31' },
    )
    await db.collection('participations').add({ data: { _id, ...doc, medicalInsurance: 'employee' } })
  }
  // Every TZ person bound to a WeChat user (余静 is the demo's; the others `tz-w-<index>`), so each can file and accept.
  for (const [i, person] of people.entries()) {
    if (i === 0) continue
    await db.collection('users').add({ data: { _id: workerOf(i), role: null, name: person.name, personId: person._id, createdAt: now, updatedAt: now } })
    await db.collection('people').doc(person._id).update({ data: { openid: workerOf(i) } })
  }
  return {
    emu,
    db,
    part,
    call: async (fn, openid, action, input = {}) => {
      const moment = fn === 'claims' ? ({ submit: 'claimSubmit', decide: 'officeReview', markPaid: 'officeReview', acceptProposal: 'proposalOpened' } as const)[action] : undefined
      if (moment) await emu.subscribe(openid, SUBSCRIBE_ON[moment])
      const answer = await emu.callFunction(fn, { action, ...input }, { openid })
      checkAnswer(fn, action, answer)
      return answer
    },
  }
}

/** The WeChat user bound to TZ roster person `i`. */
export const workerOf = (i: number) => (i === 0 ? WORKER_TZ : `tz-w-${i}`)

/** The resident ID of TZ roster person `i` (余静 = 0). */
export const tzId = (i: number) => TZ_PEOPLE[i][1]

/** A valid resident ID nobody in the demo has (Taizhou area code, born 1988-08-08). */
export function strangerId(n = 1): string {
  const body = `33100219880808${String(100 + n).padStart(3, '0')}`
  return body + residentIdCheckChar(body)
}

export interface SettlementLine {
  id: string
  name: string
  insurance?: string
  hospital?: string
  code?: string
  designated?: string
  admission: string
  discharge: string
  total?: string
  fund?: string
  selfPay: string
  selfFunded: string
  settledOn?: string
  serial: string
}

export const HEADER = '身份证号码,姓名,险种,医院名称,医院编码,是否定点,入院日期,出院日期,医疗总费用,统筹基金支付,个人自负,个人自理,结算日期,结算流水号'

/** The bureau's export as CSV (UTF-8), one line per settlement. */
export function csvOf(lines: SettlementLine[]): Buffer {
  const body = lines.map((l) =>
    [l.id, l.name, l.insurance ?? '职工医保', l.hospital ?? '台州市中心医院', l.code ?? 'H33100200001', l.designated ?? '是', l.admission, l.discharge, l.total ?? '20000.00', l.fund ?? '10000.00', l.selfPay, l.selfFunded, l.settledOn ?? l.discharge, l.serial].join(','),
  )
  return Buffer.from([HEADER, ...body].join('\n'), 'utf8')
}

let uploads = 0

/** Uploads a file as `openid` where the import expects it (`settlement-imports/<openid>/…`). */
export async function uploadSettlements(s: Suite, openid: string, content: Buffer, name = `settlements-${++uploads}.csv`): Promise<string> {
  const { fileID } = await uploadTo(s.emu, openid, `settlement-imports/${openid}/${Date.now()}-${name}`, content)
  if (!fileID) throw new Error('upload failed')
  return fileID
}

/** Imports a file to the end, as the page does: `import`, then `continue` while it answers `running`. */
export async function importToEnd(s: Suite, openid: string, content: Buffer): Promise<any> {
  const fileID = await uploadSettlements(s, openid, content)
  let answer = await s.call('settlements', openid, 'import', { fileID })
  for (let i = 0; i < 200 && answer.ok && answer.data.status !== 'done' && answer.data.status !== 'invalid'; i++) {
    answer = await s.call('settlements', openid, 'continue', { importId: answer.data.importId })
  }
  return answer
}

/** Every row of an import (all pages). */
export async function allRows(s: Suite, openid: string, importId: string, state?: string): Promise<any[]> {
  const out: any[] = []
  let cursor: string | null = null
  do {
    const page: any = await s.call('settlements', openid, 'rows', { importId, ...(state ? { state } : {}), cursor, limit: 100 })
    if (!page.ok) throw new Error(JSON.stringify(page))
    out.push(...page.data.items)
    cursor = page.data.nextCursor
  } while (cursor)
  return out
}

export const PAYEE_YJ = { name: '余静', bank: '中国工商银行台州分行', account: '6222020000000000099' }

export function okData(answer: any): any {
  if (!answer?.ok) throw new Error(`expected ok, got ${JSON.stringify(answer)}`)
  return answer.data
}

const STAY_ITEMS = ['participant_id', 'inpatient_receipts', 'settlement_statement', 'discharge_summary']

/** A stay filed by hand by person `i` themself (the other channel a settlement meets); answers the submit envelope. */
export async function fileByHand(s: Suite, i: number, admission: string, discharge: string) {
  const claims = { emu: s.emu, db: s.db, call: (o: string, a: string, inp?: Record<string, unknown>) => s.call('claims', o, a, inp) }
  const r = await fileClaim(claims, workerOf(i), {
    product: 'inpatient',
    kind: 'inpatient',
    facts: { hospital: '台州市中心医院', designatedHospital: true, admission, discharge, selfPayFen: 100_000, selfFundedFen: 0, medicalInsurance: 'employee', payee: { name: TZ_PEOPLE[i][0], bank: '台州银行', account: `62220200000000${String(i).padStart(5, '0')}` } },
    items: STAY_ITEMS,
  })
  return r.submit
}

/** Persons `from`…13 consent to their medical data being read (accepting a proposal and filing a stay need it). */
export async function consentAll(s: Suite, from = 0): Promise<void> {
  for (let i = from; i < TZ_PEOPLE.length; i++) okData(await s.call('claims', workerOf(i), 'consent', { kind: 'medical_info', version: '2021-01' }))
}

let reports = 0

/**
 * The bureau reports person `i`'s stay: one settlement line, imported to the end by the office. Answers the import's
 * answer, the settlement row, and the claim it became (held or proposed), or null.
 */
export async function reportStay(s: Suite, i: number, admission: string, discharge: string, selfPay = '1000.00') {
  const serial = `R${Date.now()}${++reports}`
  const answer = okData(await importToEnd(s, OFFICE, csvOf([{ id: tzId(i), name: TZ_PEOPLE[i][0], admission, discharge, selfPay, selfFunded: '0', serial }])))
  const row = (await s.db.collection('settlements').where({ serial }).get()).data[0]
  const claim = row.claimId ? (await s.db.collection('claims').doc(row.claimId).get()).data : null
  return { answer, row, claim }
}

/** A participation's stays as the functions read them: its own and those it references in `settlementStays`. */
export async function staysOfParticipation(db: any, participationId: string): Promise<StayEntry[]> {
  const p = (await db.collection('participations').doc(participationId).get()).data as ParticipationDoc
  const docs = new Map<string, SettlementStaysDoc>()
  for (const ref of p.stayRefs ?? []) docs.set(ref, (await db.collection('settlementStays').doc(ref).get()).data)
  return staysOf(p, docs)
}

/** The same, in a crash suite's digest state (which must hold `participations` and `settlementStays`). */
export function staysInState(state: Record<string, Record<string, unknown>[]>, participationId: string): StayEntry[] {
  const p = state.participations.find((x) => x._id === participationId) as unknown as ParticipationDoc | undefined
  if (!p) return []
  const docs = new Map((state.settlementStays ?? []).map((d) => [String(d._id), d as unknown as SettlementStaysDoc]))
  return staysOf(p, docs)
}

/**
 * What the cross-channel tests read and do to a claim, each step at the claim's current version. `suite` is read at
 * each call: the suite starts in `beforeAll`, after the test file has taken these.
 */
export function claimSteps(suite: () => Suite) {
  const claimOf = async (id: string) => (await suite().db.collection('claims').doc(id).get()).data
  const version = async (claimId: string) => (await claimOf(claimId)).version
  const act = async (openid: string, action: string, claimId: string, input: Record<string, unknown> = {}) =>
    okData(await suite().call('claims', openid, action, { claimId, version: await version(claimId), ...input }))
  return {
    claimOf,
    version,
    participation: async (i: number) => (await suite().db.collection('participations').doc(suite().part[i]).get()).data,
    /** Person `i`'s stays, as the functions read them. */
    stays: (i: number) => staysOfParticipation(suite().db, suite().part[i]),
    /** The 'claimProposed' notices person `i` has been sent. */
    proposalNotices: async (i: number) => (await suite().db.collection('messages').where({ openid: workerOf(i), template: 'claimProposed' }).get()).data,
    /** Confirmed by the unit's clerk and the agent: now at the office's level. */
    toOffice: async (claimId: string) => {
      await act(CLERK_TZ, 'confirm', claimId)
      await act(AGENT, 'confirm', claimId)
    },
    approve: (claimId: string) => act(OFFICE, 'decide', claimId, { outcome: 'approve' }),
    reject: (claimId: string) => act(OFFICE, 'decide', claimId, { outcome: 'reject', reasonCode: 'NOT_PAYABLE', note: '材料与事实不符，不予给付' }),
    markPaid: (claimId: string) => act(OFFICE, 'markPaid', claimId, { paidOn: '2021-06-15', reference: 'TX20210615' }),
    returnIt: (claimId: string) => act(CLERK_TZ, 'return', claimId, { reason: '请补充出院小结' }),
    /** Person `i` accepts their proposal, paid to their own account. */
    accept: (i: number, claimId: string) => act(workerOf(i), 'acceptProposal', claimId, { payee: { name: TZ_PEOPLE[i][0], bank: '台州银行', account: '6222020000000000777' } }),
  }
}
