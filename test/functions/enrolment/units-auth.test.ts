/**
 * Units (create, change with the Art. 23 late flag, invitations, staff report) and identity binding (clerk invite,
 * worker name + ID with throttling), through the real function bundles on the emulator.
 */
import { usccCheckChar } from '@mutual-aid/shared-rules'
import { AGENT, CLERK_TZ, CLERK_WH, OFFICE, TZ_UNIT, WH_UNIT, startSuite, type Suite } from './helpers'

let s: Suite
beforeAll(async () => {
  s = await startSuite()
})
afterAll(async () => {
  await s?.emu.stop()
})

const uscc = (body17: string) => body17 + usccCheckChar(body17)
const newUnit = (over: Record<string, unknown> = {}) => ({
  name: '江滨物流有限公司',
  uscc: uscc('91420700MA4F0K3Y2'),
  unitType: 'private',
  finance: false,
  family: 'WH',
  agentId: 'agent-chengqu',
  contactName: '孙丽',
  contactPhone: '13900000011',
  address: '城区江滨路 2 号',
  ...over,
})

describe('units', () => {
  let unitId = ''

  it('the agent creates a unit for itself; the USCC check digit is enforced', async () => {
    const bad = await s.call('units', AGENT, 'create', newUnit({ uscc: '91420700MA4F0K3Y2Z' === uscc('91420700MA4F0K3Y2') ? '91420700MA4F0K3Y21' : '91420700MA4F0K3Y2Z' }))
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(bad.message).toContain('统一社会信用代码')
    const created = await s.ok('units', AGENT, 'create', newUnit())
    unitId = created.unitId
    const audit = await s.db.collection('audit').where({ action: 'unit.create', entityId: unitId }).get()
    expect(audit.data[0]).toMatchObject({ openid: AGENT, roles: ['agent'] })
  })

  it('refuses a second unit with the same USCC, another agent, and clerks', async () => {
    expect(await s.call('units', OFFICE, 'create', newUnit({ name: '另一家' }))).toMatchObject({ ok: false, code: 'DUPLICATE_UNIT' })
    expect(await s.call('units', AGENT, 'create', newUnit({ uscc: uscc('91420700MA4F0K4X3'), agentId: 'agent-other' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await s.call('units', CLERK_WH, 'create', newUnit({ uscc: uscc('91420700MA4F0K5B4') }))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('lists units for the office and the agent, never for a clerk', async () => {
    const office = await s.ok('units', OFFICE, 'list', {})
    expect(office.total).toBe(3)
    const agent = await s.ok('units', AGENT, 'list', { query: '江滨' })
    expect(agent.items.map((u: any) => u.name)).toEqual(['江滨物流有限公司'])
    expect(await s.call('units', CLERK_TZ, 'list', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('a clerk changes their own unit in time; a late change (Art. 23) is flagged to the office', async () => {
    const unit = (await s.ok('units', CLERK_WH, 'get', {})).unit
    const inTime = await s.ok('units', CLERK_WH, 'update', { unitId: WH_UNIT, version: unit.version, changedOn: '2021-06-05', changes: { contactPhone: '13800000009' } })
    expect(inTime).toMatchObject({ late: false, lateDays: 10 })
    // A stale version is a conflict, not a silent overwrite.
    const stale = await s.call('units', CLERK_WH, 'update', { unitId: WH_UNIT, version: unit.version, changedOn: '2021-06-05', changes: { address: '新地址 1 号' } })
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' })
    const late = await s.ok('units', CLERK_WH, 'update', { unitId: WH_UNIT, version: unit.version + 1, changedOn: '2021-05-01', changes: { name: '明湖精密机械股份有限公司' } })
    expect(late).toMatchObject({ late: true, lateDays: 45, limitDays: 15, basis: '第二十三条' })
    const got = await s.ok('units', OFFICE, 'get', { unitId: WH_UNIT })
    expect(got.unit.name).toBe('明湖精密机械股份有限公司')
    expect(got.changes[0]).toMatchObject({ late: true, changedOn: '2021-05-01', reportedOn: '2021-06-15' })
    const listed = await s.ok('units', OFFICE, 'list', { query: '明湖' })
    expect(listed.items[0].lateChange).toBe(true)
    const inbox = await s.db.collection('messages').where({ openid: OFFICE }).get()
    expect(inbox.data.some((m: any) => m.title === '单位信息逾期变更')).toBe(true)
  })

  it('a TZ unit has no reporting limit, so a change is recorded but never flagged', async () => {
    const unit = (await s.ok('units', CLERK_TZ, 'get', {})).unit
    const answer = await s.ok('units', CLERK_TZ, 'update', { unitId: unit._id, version: unit.version, changedOn: '2021-03-01', changes: { contactPhone: '13800000010' } })
    expect(answer).toMatchObject({ late: false, lateDays: null, basis: null })
    const got = await s.ok('units', OFFICE, 'get', { unitId: unit._id })
    expect(got.changes[0]).toMatchObject({ late: false, changedOn: '2021-03-01' })
  })

  it('a clerk cannot touch another unit', async () => {
    expect(await s.call('units', CLERK_TZ, 'get', { unitId: WH_UNIT })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const unit = (await s.ok('units', CLERK_WH, 'get', {})).unit
    expect(await s.call('units', CLERK_TZ, 'update', { unitId: WH_UNIT, version: unit.version, changedOn: '2021-06-10', changes: { address: 'x 路' } })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('records the staff report (Art. 5)', async () => {
    const r = await s.ok('units', CLERK_TZ, 'recordStaffReport', { month: '2021-05', headcount: 14 })
    expect(r.staffReport).toEqual({ month: '2021-05', headcount: 14 })
    const got = await s.ok('units', CLERK_TZ, 'get', {})
    expect(got.unit.staffReport).toMatchObject({ month: '2021-05', headcount: 14 })
  })

  it('invites a clerk with a one-time code; a wrong or used code is refused', async () => {
    const invite = await s.ok('units', AGENT, 'createInvite', { unitId })
    expect(invite.code).toMatch(/^\d{8}$/)
    expect(invite.expiresOn).toBe('2021-06-22')
    const stored = await s.db.collection('invites').where({ unitId }).get()
    expect(JSON.stringify(stored.data)).not.toContain(invite.code)
    const wrong = await s.call('auth', 'o_new_clerk_0001', 'acceptInvite', { code: invite.code === '00000000' ? '00000001' : '00000000' })
    expect(wrong).toMatchObject({ ok: false, code: 'INVITE_INVALID' })
    const accepted = await s.ok('auth', 'o_new_clerk_0001', 'acceptInvite', { code: invite.code, name: '孙丽' })
    expect(accepted).toMatchObject({ unitId, unitName: '江滨物流有限公司' })
    const who = await s.ok('auth', 'o_new_clerk_0001', 'whoami')
    expect(who).toMatchObject({ role: 'clerk', unitId })
    const again = await s.call('auth', 'o_someone_else_01', 'acceptInvite', { code: invite.code })
    expect(again).toMatchObject({ ok: false, code: 'INVITE_INVALID' })
    expect(again.message).toContain('已被使用')
    // An agent cannot invite for a unit of another agent; the office can.
    expect(await s.call('units', CLERK_WH, 'createInvite', { unitId: TZ_UNIT })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('worker binding', () => {
  const NEW_USER = 'o_fresh_worker_01'

  it('binds with name + ID from the roster; the user becomes a worker', async () => {
    const r = await s.ok('auth', NEW_USER, 'bindWorker', { name: '李晓东', idNumber: '420702198411231256' })
    expect(r.name).toBe('李晓东')
    const who = await s.ok('auth', NEW_USER, 'whoami')
    expect(who).toMatchObject({ role: 'worker', personName: '李晓东' })
    const again = await s.call('auth', NEW_USER, 'bindWorker', { name: '李晓东', idNumber: '420702198411231256' })
    expect(again).toMatchObject({ ok: false, code: 'ALREADY_BOUND' })
  })

  it('a record bound to another WeChat is refused', async () => {
    const r = await s.call('auth', 'o_fresh_worker_02', 'bindWorker', { name: '张伟', idNumber: '420702197001011010' })
    expect(r).toMatchObject({ ok: false, code: 'BOUND_ELSEWHERE' })
  })

  it('a wrong pair says only that it does not match, and five failures lock binding for 15 minutes', async () => {
    const who = 'o_guesser_000001'
    const first = await s.call('auth', who, 'bindWorker', { name: '王秀英', idNumber: '420702198411231256' })
    expect(first).toMatchObject({ ok: false, code: 'NO_MATCH' })
    expect(first.message).not.toContain('李晓东')
    expect(first.message).toContain('还可尝试 4 次')
    for (let i = 0; i < 3; i++) await s.call('auth', who, 'bindWorker', { name: '某某', idNumber: '420702198411231256' })
    const fifth = await s.call('auth', who, 'bindWorker', { name: '某某', idNumber: '420702198411231256' })
    expect(fifth).toMatchObject({ ok: false, code: 'NO_MATCH' })
    expect(fifth.message).toContain('暂停绑定')
    // Even the right pair is refused while locked, with the time to retry.
    const locked = await s.call('auth', who, 'bindWorker', { name: '赵磊', idNumber: '420702199104061378' })
    expect(locked).toMatchObject({ ok: false, code: 'THROTTLED' })
    expect(locked.message).toMatch(/请于 \d{2}:\d{2} 后再试/)
  })

  it('an invalid ID number is refused without counting as a guess', async () => {
    const r = await s.call('auth', 'o_typo_user_001', 'bindWorker', { name: '赵磊', idNumber: '420702199104061377' })
    expect(r).toMatchObject({ ok: false, code: 'INVALID_ID' })
  })
})
