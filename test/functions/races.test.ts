/**
 * Check-then-write races, each run 20 times against the local cloud with concurrent function instances (16 per
 * function, as CloudBase runs many): binding (one person per user, one user per person), clerk invitations (a code used
 * once, a user consuming one code), the TZ replacement batch (one per unit and period, ≤ 20 %), consent (one record),
 * notice de-duplication (100 submits with one idempotency key → one claim, one "received" notice in the inbox and one
 * push) and the 5-miss throttle (50 parallel guesses → exactly 5 evaluated). Every round checks its invariants in the
 * database; the test fails on any broken one and prints the figures.
 */
import { residentIdCheckChar } from '@mutual-aid/shared-rules'
import { SUBSCRIBE_ON, localTemplateId } from '@mutual-aid/contracts'
import { messageIdOf } from '@cloud-shared/notify'
import { newParticipation } from '@cloud-shared/participation-doc'
import { CLERK_WH, OFFICE, WH_ILLNESS, WH_ILLNESS_ITEMS, WORKER, okData, startSuite, uploadPage, type Suite } from './claims/helpers'

const ROUNDS = 20
let s: Suite
const figures: Record<string, { rounds: number; calls: number; broken: number; note?: string }> = {}

beforeAll(async () => {
  s = await startSuite()
})
afterAll(async () => {
  for (const [race, f] of Object.entries(figures)) {
    console.log(`[races] ${race}: ${f.rounds} rounds, ${f.calls} concurrent calls, ${f.broken} broken invariants${f.note ? ` (${f.note})` : ''}`)
  }
  await s?.emu.stop()
})

const fn = (name: string, openid: string, action: string, input: Record<string, unknown> = {}) => s.emu.callFunction(name, { action, ...input }, { openid })
const all = <T>(n: number, make: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => make(i)))
const find = async (collection: string, where: object) => (await s.db.collection(collection).where(where).limit(1000).get()).data as any[]

/** A valid resident ID number (check digit computed), distinct per `seq`, outside the demo roster's region. */
function residentId(seq: number): string {
  const first17 = `42070319850101${String(seq).padStart(3, '0')}`
  return first17 + residentIdCheckChar(first17)
}

/** Records a round's broken invariants: each failed check is described, and the test fails at the end of the race. */
function checker(race: string) {
  const problems: string[] = []
  figures[race] ??= { rounds: 0, calls: 0, broken: 0 }
  return {
    expect(ok: boolean, what: string) {
      if (!ok) problems.push(what)
    },
    round(calls: number) {
      figures[race].rounds += 1
      figures[race].calls += calls
    },
    done() {
      figures[race].broken = problems.length
      expect(problems).toEqual([])
    },
  }
}

test(`binding: one person per WeChat user, one WeChat user per person (${ROUNDS} rounds)`, async () => {
  const c = checker('binding')
  for (let r = 0; r < ROUNDS; r++) {
    const people = []
    for (let k = 0; k < 3; k++) {
      const seq = r * 3 + k + 1
      const name = `绑定${String.fromCharCode(0x4e00 + seq)}`
      const idNumber = residentId(seq)
      const added = okData(await fn('roster', CLERK_WH, 'add', { name, idNumber, hireDate: '2020-01-01' }))
      people.push({ id: added.personId as string, name, idNumber })
    }
    const [a, b, shared] = people
    const u = `race-bind-u-${r}`
    const rivals = [`race-bind-v-${r}`, `race-bind-w-${r}`, `race-bind-x-${r}`, `race-bind-y-${r}`]
    // One WeChat user binds two records at once; four WeChat users bind one record at once.
    const answers = await Promise.all([
      ...[a, b].map((p) => fn('auth', u, 'bindWorker', { name: p.name, idNumber: p.idNumber })),
      ...rivals.map((o) => fn('auth', o, 'bindWorker', { name: shared.name, idNumber: shared.idNumber })),
    ])
    c.round(answers.length)
    const [pa, pb, pShared] = await Promise.all([a, b, shared].map(async (p) => (await find('people', { _id: p.id }))[0]))
    const users = await find('users', { _id: s.db.command.in([u, ...rivals]) })
    const userOf = (openid: string) => users.find((x) => x._id === openid)
    const boundToU = [pa, pb].filter((p) => p.openid === u)
    c.expect(boundToU.length === 1, `round ${r}: user bound to ${boundToU.length} of its two records`)
    c.expect(boundToU.length !== 1 || userOf(u)?.personId === boundToU[0]._id, `round ${r}: user document disagrees with the record`)
    c.expect([pa, pb].every((p) => p.openid === u || !p.openid), `round ${r}: a record bound to someone else`)
    const holders = rivals.filter((o) => userOf(o)?.personId === shared.id)
    c.expect(holders.length === 1, `round ${r}: ${holders.length} WeChat users hold the shared record`)
    c.expect(holders.length !== 1 || pShared.openid === holders[0], `round ${r}: shared record's openid is not its holder`)
    c.expect(answers.filter((x) => x.ok).length === 2, `round ${r}: ${answers.filter((x) => x.ok).length} binds answered ok (expected 2)`)
    c.expect(answers.every((x) => x.ok || ['ALREADY_BOUND', 'BOUND_ELSEWHERE'].includes(x.code)), `round ${r}: unexpected answer ${JSON.stringify(answers.find((x) => !x.ok && !['ALREADY_BOUND', 'BOUND_ELSEWHERE'].includes(x.code)))}`)
  }
  c.done()
}, 300_000)

test(`clerk invitations: a code is used once, a user consumes one code (${ROUNDS} rounds)`, async () => {
  const c = checker('invitations')
  for (let r = 0; r < ROUNDS; r++) {
    const codes = await all(4, (i) => fn('units', OFFICE, 'createInvite', { unitId: i === 3 ? 'unit-tz-haiyue' : 'unit-wh-minghu' }))
    const [c1, c2, shared, c4] = codes.map((x) => okData(x).code as string)
    const x = `race-inv-x-${r}`
    const rivals = [`race-inv-y-${r}`, `race-inv-z-${r}`, `race-inv-w-${r}`]
    const answers = await Promise.all([
      ...[c1, c2, c4].map((code) => fn('auth', x, 'acceptInvite', { code })),
      ...rivals.map((o) => fn('auth', o, 'acceptInvite', { code: shared })),
    ])
    c.round(answers.length)
    const invites = await find('invites', { usedBy: s.db.command.in([x, ...rivals]) })
    const users = await find('users', { _id: s.db.command.in([x, ...rivals]) })
    const consumedBy = (openid: string) => invites.filter((i) => i.usedBy === openid)
    c.expect(consumedBy(x).length === 1, `round ${r}: one user consumed ${consumedBy(x).length} codes`)
    const ux = users.find((u) => u._id === x)
    c.expect(consumedBy(x).length !== 1 || (ux?.role === 'clerk' && ux.unitId === consumedBy(x)[0].unitId), `round ${r}: user's unit is not the consumed code's`)
    const holders = rivals.filter((o) => consumedBy(o).length > 0)
    c.expect(holders.length === 1, `round ${r}: the shared code went to ${holders.length} users`)
    for (const o of rivals) {
      const u = users.find((d) => d._id === o)
      c.expect((u?.role === 'clerk') === holders.includes(o), `round ${r}: ${o} is ${u?.role ?? 'nobody'} without holding a code`)
    }
    c.expect(answers.filter((a) => a.ok).length === 2, `round ${r}: ${answers.filter((a) => a.ok).length} accepted (expected 2)`)
  }
  c.done()
}, 300_000)

/** A TZ private enterprise with 18 people, 12 enrolled for 2021 (paid), and its clerk — written as the seed would. */
async function replacementUnit(r: number): Promise<{ clerk: string; enrolled: string[]; spare: string[] }> {
  const now = new Date()
  const unitId = `unit-race-${r}`
  const unit = { _id: unitId, agentId: 'agent-chengqu' }
  await s.db.collection('units').add({
    data: { ...unit, name: `竞态测试电子${r}有限公司`, uscc: `RACE-USCC-${r}`, unitType: 'private', finance: false, family: 'TZ', contactName: '测试', contactPhone: '13800000000', address: '测试路', version: 1, createdAt: now, updatedAt: now },
  })
  const people = Array.from({ length: 18 }, (_, k) => ({
    _id: `${unitId}-p${k}`,
    unitId,
    name: `替换${r}-${k}`,
    idHash: `race-hash-${r}-${k}`,
    idMasked: '3310**********0000',
    birthDate: '1985-01-01',
    sex: k % 2 ? 'female' : 'male',
    hireDate: '2015-01-01',
    status: 'in_service',
    openid: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }))
  await s.db.collection('people').add({ data: people })
  const enrolmentId = `enrol-race-${r}`
  await s.db.collection('enrolments').add({
    data: { _id: enrolmentId, unitId, unitName: '竞态测试', agentId: 'agent-chengqu', family: 'TZ', schemeId: 'tz-2021', year: 2021, kind: 'annual', status: 'paid', shares: null, products: ['inpatient', 'critical'], participantCount: 12, firstTimeCount: 12, staffCount: 18, quote: { totalFen: 0, lines: [] }, coverageStart: '2021-04-01', coverageEnd: '2021-12-31', version: 3, createdAt: now, updatedAt: now },
  })
  const enrolled = people.slice(0, 12)
  await s.db.collection('participations').add({
    data: enrolled.map((p) =>
      newParticipation(
        { enrolmentId, unit, person: p as any, scheme: { id: 'tz-2021', family: 'TZ' }, year: 2021, products: ['inpatient', 'critical'], shares: 1, firstTime: true },
        now,
        { start: '2021-04-01', end: '2021-12-31' },
      ),
    ),
  })
  const clerk = `race-clerk-${r}`
  await s.db.collection('users').add({ data: { _id: clerk, role: 'clerk', name: '替换经办', unitId, createdAt: now, updatedAt: now } })
  return { clerk, enrolled: enrolled.map((p) => p._id), spare: people.slice(12).map((p) => p._id) }
}

test(`TZ replacement: one batch per unit and period, at most 20 % (${ROUNDS} rounds)`, async () => {
  const c = checker('replacement batches')
  for (let r = 0; r < ROUNDS; r++) {
    const { clerk, enrolled, spare } = await replacementUnit(r)
    // Three batches of two at once (20 % of 12 = 2): only one may exist.
    const answers = await all(3, (i) =>
      fn('enrolment', clerk, 'replace', { year: 2021, outPersonIds: enrolled.slice(2 * i, 2 * i + 2), inPersonIds: spare.slice(2 * i, 2 * i + 2) }),
    )
    c.round(answers.length)
    const batches = (await find('enrolments', { unitId: `unit-race-${r}`, kind: 'replacement' })).filter((e) => e.status !== 'returned')
    c.expect(batches.length === 1, `round ${r}: ${batches.length} replacement batches`)
    for (const b of batches) {
      c.expect(b.replacedParticipationIds.length <= 2, `round ${r}: batch replaces ${b.replacedParticipationIds.length} of 12 (> 20 %)`)
      const pending = await find('participations', { enrolmentId: b._id })
      c.expect(pending.length === b.participantCount, `round ${r}: batch has ${pending.length} participations for ${b.participantCount}`)
    }
    c.expect(answers.filter((a) => a.ok).length === 1, `round ${r}: ${answers.filter((a) => a.ok).length} batches accepted`)
    c.expect(answers.every((a) => a.ok || a.code === 'REPLACEMENT_USED'), `round ${r}: unexpected ${JSON.stringify(answers.find((a) => !a.ok && a.code !== 'REPLACEMENT_USED'))}`)
  }
  c.done()
}, 300_000)

test(`consent: 20 concurrent taps record one consent (${ROUNDS} rounds)`, async () => {
  const c = checker('consent')
  for (let r = 0; r < ROUNDS; r++) {
    const openid = `race-consent-${r}`
    const answers = await all(20, () => fn('claims', openid, 'consent', { kind: 'medical_info', version: '2021-01' }))
    c.round(answers.length)
    c.expect(answers.every((a) => a.ok && a.data.consent === true), `round ${r}: a tap was refused`)
    const records = await find('consents', { openid })
    c.expect(records.length === 1, `round ${r}: ${records.length} consent records`)
    const audits = await find('audit', { action: 'consent.give', openid })
    c.expect(audits.length === 1, `round ${r}: ${audits.length} audit entries`)
  }
  c.done()
}, 300_000)

test(`notices: 100 concurrent submits with one idempotency key → 1 claim, 1 "received" in the inbox, 1 push (${ROUNDS} rounds)`, async () => {
  const c = checker('submit notices')
  const participationId = okData(await fn('claims', WORKER, 'prepare', { target: { mode: 'self' } })).participations[0].id
  await fn('claims', WORKER, 'consent', { kind: 'medical_info', version: '2021-01' })
  for (let r = 0; r < ROUNDS; r++) {
    const base = { participationId, product: 'critical', kind: 'illness', facts: WH_ILLNESS }
    const draft = okData(await fn('claims', WORKER, 'saveDraft', { ...base, target: { mode: 'self' }, files: {} }))
    const files: Record<string, string[]> = {}
    for (const [i, item] of WH_ILLNESS_ITEMS.entries()) files[item] = [await uploadPage(s.emu, WORKER, draft.draftId, item, r * 10 + i + 1)]
    okData(await fn('claims', WORKER, 'saveDraft', { ...base, draftId: draft.draftId, version: draft.version, files }))
    // Three taps' worth of subscriptions: a notice sent more than once would reach the outbox more than once.
    for (let i = 0; i < 3; i++) await s.emu.subscribe(WORKER, SUBSCRIBE_ON.claimSubmit)
    const key = `race-key-${r}-${Date.now()}`
    const answers = await all(100, () => fn('claims', WORKER, 'submit', { draftId: draft.draftId, idempotencyKey: key }))
    c.round(answers.length)
    const claims = await find('claims', { idempotencyKey: key })
    c.expect(claims.length === 1, `round ${r}: ${claims.length} claims`)
    const claimId = claims[0]?._id
    c.expect(answers.every((a) => a.ok && a.data.claimId === claimId), `round ${r}: ${answers.filter((a) => !a.ok).length} submits failed: ${JSON.stringify(answers.find((a) => !a.ok))}`)
    const inbox = await find('messages', { openid: WORKER, template: 'claimReceived', 'ref.id': claimId })
    c.expect(inbox.length === 1, `round ${r}: ${inbox.length} "received" inbox messages`)
    c.expect(inbox[0]?._id === messageIdOf(`${claimId}:received`, WORKER) && inbox[0]?.push?.ok === true, `round ${r}: inbox message ${JSON.stringify(inbox[0]?.push)}`)
    const pushes = (await s.emu.outbox(WORKER)).filter((m: any) => m.templateId === localTemplateId('claimReceived') && m.page.endsWith(`id=${claimId}`))
    c.expect(pushes.length === 1, `round ${r}: ${pushes.length} "received" pushes`)
  }
  c.done()
}, 600_000)

test(`throttle: 50 parallel wrong guesses → exactly 5 evaluated, then locked (${ROUNDS} rounds over binding, invitations and beneficiary lookups)`, async () => {
  const c = checker('5-miss throttle')
  const kinds = [
    { key: 'bind', miss: 'NO_MATCH', call: (o: string) => fn('auth', o, 'bindWorker', { name: '无此人', idNumber: '420702198411231256' }) },
    { key: 'invite', miss: 'INVITE_INVALID', call: (o: string) => fn('auth', o, 'acceptInvite', { code: '00000000' }) },
    { key: 'beneficiary', miss: 'NOT_FOUND', call: (o: string) => fn('claims', o, 'prepare', { target: { mode: 'beneficiary', name: '无此人', residentId: '420702198411231256' } }) },
  ]
  let evaluated = 0
  for (let r = 0; r < ROUNDS; r++) {
    const kind = kinds[r % kinds.length]
    const openid = `race-guess-${kind.key}-${r}`
    const answers = await all(50, () => kind.call(openid))
    c.round(answers.length)
    const misses = answers.filter((a) => a.code === kind.miss).length
    const locked = answers.filter((a) => a.code === 'THROTTLED').length
    evaluated += misses
    c.expect(misses === 5 && locked === 45, `round ${r} (${kind.key}): ${misses} evaluated, ${locked} throttled`)
    const doc = (await find('throttles', { _id: `${kind.key}:${openid}` }))[0]
    c.expect(doc?.used === 5, `round ${r}: counter at ${doc?.used}`)
    const locks = await find('audit', { action: 'throttle.lock', entityId: `${kind.key}:${openid}` })
    c.expect(locks.length === 1, `round ${r}: ${locks.length} lock audit entries`)
    // Still locked for the right pair afterwards.
    const after = await kind.call(openid)
    c.expect(after.code === 'THROTTLED', `round ${r}: after the lock answered ${after.code}`)
  }
  figures['5-miss throttle'].note = `${evaluated} of ${ROUNDS * 50} guesses evaluated`
  c.done()
}, 300_000)
