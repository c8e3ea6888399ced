/**
 * A small TZ unit for the crash-point suites: 3 staff (a state-owned unit enrols everyone, so 3 people declare), two
 * of them bound to WeChat users — the same crash points, shape for shape, as a unit of thousands (issue 11: each crash
 * run costs about a second, so the inputs stay small).
 */
import { usccCheckChar } from '@mutual-aid/shared-rules'
import { makeId } from '../../fixtures/rosters/make-roster'
import { startEmulator } from '../../helpers/emulator'
import { seedDemo } from '../../../scripts/seed'
import { localCloud } from '../../../scripts/sdk-env'
import { okOf, type CallingSuite } from '../../helpers/calls'

export const OFFICE = 'demo-office-01'
export const AGENT = 'demo-agent-01'
export const CLERK_WH = 'demo-clerk-wh'
export const SMALL_CLERK = 'o_small_clerk_01'
export const SMALL_WORKERS = ['o_small_worker_1', 'o_small_worker_2']

export interface OpsSuite extends CallingSuite {
  cloud: any
}

export async function startOpsSuite(options: { faultInjection?: boolean; today?: string } = {}): Promise<OpsSuite> {
  const emu = await startEmulator({ env: { MUTUAL_AID_TODAY: options.today ?? '2021-06-15' }, faultInjection: options.faultInjection ?? true })
  await seedDemo(emu.url)
  const cloud = localCloud(emu.url)
  const db = cloud.database()
  const call = (fn: string, openid: string, action: string, input: Record<string, unknown> = {}) => emu.callFunction(fn, { action, ...input }, { openid })
  return { emu, db, cloud, call, ok: okOf(call) }
}

/** Who a test unit is and who keeps its roster. */
export interface UnitIdentity {
  name: string
  /** The USCC's first 17 characters; its check character is computed. */
  usccBody: string
  unitType: 'soe' | 'private'
  contactName: string
  contactPhone: string
  /** The clerk's openid: they accept the unit's invitation. */
  clerk: string
}

/** A TZ unit of 城区's agent, created by the office, whose clerk has accepted its invitation; answers its id. */
export async function unitWithClerk(s: CallingSuite, unit: UnitIdentity): Promise<string> {
  const { unitId } = await s.ok('units', OFFICE, 'create', {
    name: unit.name, uscc: unit.usccBody + usccCheckChar(unit.usccBody), unitType: unit.unitType, finance: false, family: 'TZ',
    agentId: 'agent-chengqu', contactName: unit.contactName, contactPhone: unit.contactPhone, address: '',
  })
  const invite = await s.ok('units', OFFICE, 'createInvite', { unitId })
  await s.ok('auth', unit.clerk, 'acceptInvite', { code: invite.code })
  return unitId
}

/** What tells one test unit from another: who it is, who keeps its roster, and how its people are named and born. */
interface UnitShape extends UnitIdentity {
  /** Bound, as binding leaves them, to the first people on the roster. */
  workers: readonly string[]
  staffName: string
  /** Person i is born `birthYear`-0(i%9+1)-`birthDayTens`(i%10), ID serial `serialFrom` + i: distinct across units. */
  birthYear: number
  birthDayTens: number
  serialFrom: number
}

/** A TZ unit with its clerk, `staff` people on the roster (the first bound to `shape.workers`) and its staff report. */
async function unitWithRoster(s: OpsSuite, shape: UnitShape, staff: number): Promise<{ unitId: string; personIds: string[] }> {
  const unitId = await unitWithClerk(s, shape)
  const personIds: string[] = []
  for (let i = 0; i < staff; i++) {
    const born = `${shape.birthYear}-0${(i % 9) + 1}-${shape.birthDayTens}${i % 10}`
    const added = await s.ok('roster', shape.clerk, 'add', { name: `${shape.staffName}${i + 1}`, idNumber: makeId('331002', born, shape.serialFrom + i, i % 2 === 0), hireDate: '2020-01-01' })
    personIds.push(added.personId)
  }
  await s.ok('units', shape.clerk, 'recordStaffReport', { month: '2021-05', headcount: staff })
  // Workers bound (as binding leaves them): the coverage notice must reach each of them.
  for (const [i, openid] of shape.workers.entries()) {
    await s.db.collection('people').doc(personIds[i]).update({ data: { openid } })
    await s.db.collection('users').add({ data: { _id: openid, role: null, name: `${shape.staffName}${i + 1}`, personId: personIds[i], createdAt: new Date(), updatedAt: new Date() } })
  }
  return { unitId, personIds }
}

/** A TZ state-owned unit with its clerk, `staff` people on the roster (the first two bound to workers) and its staff report. */
export function smallUnit(s: OpsSuite, staff = 3, uscc = '91331002MA2H7Q4M5'): Promise<{ unitId: string; personIds: string[] }> {
  return unitWithRoster(s, {
    name: '台州小型国有测试公司', usccBody: uscc, unitType: 'soe', contactName: '王五', contactPhone: '13900000022',
    clerk: SMALL_CLERK, workers: SMALL_WORKERS, staffName: '小厂职工', birthYear: 1985, birthDayTens: 1, serialFrom: 500,
  }, staff)
}

export const PRIVATE_CLERK = 'o_private_clerk_01'
export const PRIVATE_WORKERS = ['o_private_worker_1', 'o_private_worker_2']

/**
 * A TZ private enterprise (民营企业: the only kind that may replace participants; it enrols at least 10) with `staff` people on the roster,
 * the first two bound to workers, its first `declared` people declared for 2021, approved and paid — so 20 % of them
 * may be replaced by the colleagues left over.
 */
export async function privateUnitPaid(s: OpsSuite, staff = 11, declared = 10): Promise<{ unitId: string; personIds: string[]; enrolmentId: string }> {
  const { unitId, personIds } = await unitWithRoster(s, {
    name: '台州小型民营测试公司', usccBody: '91331002MA2H7Q4P8', unitType: 'private', contactName: '赵六', contactPhone: '13900000023',
    clerk: PRIVATE_CLERK, workers: PRIVATE_WORKERS, staffName: '民营职工', birthYear: 1986, birthDayTens: 2, serialFrom: 700,
  }, staff)
  const declaredAnswer = await s.ok('enrolment', PRIVATE_CLERK, 'submit', { year: 2021, products: ['inpatient', 'critical'], personIds: personIds.slice(0, declared) })
  const { enrolmentId } = declaredAnswer
  const approved = await s.ok('enrolment', AGENT, 'review', { enrolmentId, version: declaredAnswer.version, decision: 'approve' })
  const e = (await s.ok('enrolment', OFFICE, 'get', { enrolmentId })).enrolment
  await s.ok('enrolment', OFFICE, 'recordPayment', { enrolmentId, version: approved.version, amountFen: e.quote.totalFen, paidOn: '2021-06-15', reference: 'BANK-PRIVATE' })
  return { unitId, personIds, enrolmentId }
}

/** Fields that differ between two runs of the same operation by when they ran, never by what they did. */
export const TIMESTAMPS = ['createdAt', 'updatedAt', 'submittedAt', 'reviewedAt', 'recordedAt', 'at']
