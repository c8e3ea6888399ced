/**
 * Seeds the fictitious demo data set into an empty local emulator (first `npm start`, e2e runs).
 * Writes through the real wx-server-sdk, like the functions do. Running it twice changes nothing.
 */
import { localTemplateId, SUBSCRIBE_ON, type TemplateKey } from '../contracts/src/templates'
import { coverageEnd, maskResidentId, parseResidentId, quote, schemeForPeriod } from '@mutual-aid/shared-rules'
import { readConfig, type FunctionConfig } from '@cloud-shared/config'
import { encryptId, hashId } from '@cloud-shared/id-crypto'
import { nameKeyOf } from '@cloud-shared/name-key'
import { newParticipation } from '@cloud-shared/participation-doc'
import type { SdkHandle } from '@cloud-shared/sdk'
import { localCloud } from './sdk-env'
import { AGENT, DEMO_WORKERS, OFFICE, OFFICE_2, TZ_PEOPLE, TZ_UNIT, WH_PEOPLE, WH_UNIT, type DemoPersonRow } from './demo-data'

const personId = (unitId: string, index: number) => `${unitId}-p${String(index + 1).padStart(3, '0')}`

function personDoc(secrets: FunctionConfig['secrets'], unitId: string, row: DemoPersonRow, index: number, now: Date) {
  const [name, residentId, hireDate, status] = row
  const parsed = parseResidentId(residentId)
  if (!parsed.ok) throw new Error(`demo data: invalid resident ID for ${name}: ${parsed.message}`)
  return {
    _id: personId(unitId, index),
    unitId,
    name,
    nameKey: nameKeyOf(name),
    idHash: hashId(secrets, residentId),
    idCipher: encryptId(secrets, residentId),
    idMasked: maskResidentId(residentId),
    birthDate: parsed.birthDate,
    sex: parsed.sex,
    hireDate,
    status,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }
}

/** Seeds the demo data into the emulator at `baseUrl` unless it already holds it. Returns whether it wrote. */
export async function seedDemo(baseUrl: string): Promise<boolean> {
  const cloud = localCloud(baseUrl)
  // The same configuration the emulator's functions read (this process now points at the same local endpoint), so
  // the seeded ID hashes match what binding computes.
  const configured = readConfig(process.env)
  if (!configured.ok) throw new Error(`demo data: ${configured.problems.join('; ')}`)
  const { secrets } = configured.config
  const db = cloud.database()
  const existing = await db.collection('_local_identities').count()
  if (existing.total > 0) return false
  const now = new Date()
  const stamp = { createdAt: now, updatedAt: now }

  await db.collection('agents').add({ data: { _id: AGENT._id, name: AGENT.name, region: AGENT.region, ...stamp } })
  for (const unit of [WH_UNIT, TZ_UNIT]) {
    const { clerk, ...fields } = unit
    await db.collection('units').add({ data: { ...fields, version: 1, ...stamp } })
  }
  await db.collection('people').add({ data: WH_PEOPLE.map((row, i) => personDoc(secrets, WH_UNIT._id, row, i, now)) })
  await db.collection('people').add({ data: TZ_PEOPLE.map((row, i) => personDoc(secrets, TZ_UNIT._id, row, i, now)) })

  const users = [
    { _id: OFFICE.openid, role: 'office', name: OFFICE.name },
    { _id: OFFICE_2.openid, role: 'office', name: OFFICE_2.name },
    { _id: AGENT.user.openid, role: 'agent', name: AGENT.user.name, agentId: AGENT._id },
    { _id: WH_UNIT.clerk.openid, role: 'clerk', name: WH_UNIT.clerk.name, unitId: WH_UNIT._id },
    { _id: TZ_UNIT.clerk.openid, role: 'clerk', name: TZ_UNIT.clerk.name, unitId: TZ_UNIT._id },
    ...DEMO_WORKERS.map((w) => {
      const roster = w.unit === WH_UNIT._id ? WH_PEOPLE : TZ_PEOPLE
      return { _id: w.openid, role: null, name: roster[w.index][0], personId: personId(w.unit, w.index) }
    }),
  ]
  await db.collection('users').add({ data: users.map((u) => ({ ...u, ...stamp })) })
  for (const w of DEMO_WORKERS) {
    await db.collection('people').doc(personId(w.unit, w.index)).update({ data: { openid: w.openid } })
    // The demo workers bound through the app, whose 绑定 tap asked for the coverage notice and got 允许.
    await grantSubscriptions(baseUrl, w.openid, SUBSCRIBE_ON.bind)
  }

  await seedPaidWhEnrolment(db, now, secrets)

  const identities = [
    { openid: OFFICE.openid, role: 'office', name: OFFICE.name, label: OFFICE.label },
    { openid: OFFICE_2.openid, role: 'office', name: OFFICE_2.name, label: OFFICE_2.label },
    { openid: AGENT.user.openid, role: 'agent', name: AGENT.user.name, label: AGENT.user.label },
    { openid: WH_UNIT.clerk.openid, role: 'clerk', name: WH_UNIT.clerk.name, label: WH_UNIT.clerk.label },
    { openid: TZ_UNIT.clerk.openid, role: 'clerk', name: TZ_UNIT.clerk.name, label: TZ_UNIT.clerk.label },
    ...DEMO_WORKERS.map((w) => ({
      openid: w.openid,
      role: 'worker',
      name: (w.unit === WH_UNIT._id ? WH_PEOPLE : TZ_PEOPLE)[w.index][0],
      label: w.label,
    })),
  ]
  await db.collection('_local_identities').add({
    data: identities.map((i) => ({ _id: i.openid, ...i, home: '/pages/home/index' })),
  })
  return true
}

/** What tapping 允许 does for `openid` on the local cloud (`POST /local/subscribe`, signed in as that user). */
async function grantSubscriptions(baseUrl: string, openid: string, keys: readonly TemplateKey[]): Promise<void> {
  const session = await fetch(`${baseUrl}/local/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) })
  const { token } = (await session.json()) as { token: string }
  const res = await fetch(`${baseUrl}/local/subscribe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ tmplIds: keys.map(localTemplateId) }),
  })
  if (!res.ok) throw new Error(`demo data: subscribing ${openid} failed: ${await res.text()}`)
}

/**
 * The WH unit renewed for 2021 on 15 January (within the notice's deadline, so coverage is continuous: Art. 12),
 * 2 shares for everyone in service; the office recorded the payment, so coverage runs 16 January – 31 December.
 */
async function seedPaidWhEnrolment(db: SdkHandle, now: Date, secrets: FunctionConfig['secrets']): Promise<void> {
  const scheme = schemeForPeriod('WH', 2021)
  if (!scheme) throw new Error('demo data: no WH scheme for 2021')
  const paidOn = '2021-01-15'
  const coverageStart = '2021-01-16'
  const shares = 2
  const members = WH_PEOPLE.map((row, index) => ({ row, index })).filter(({ row }) => row[3] === 'in_service')
  const participants = members.map(({ row }) => ({ firstTime: false, sex: parseSex(row[1]) }))
  const priced = quote({
    scheme: scheme.id,
    unitType: WH_UNIT.unitType,
    finance: WH_UNIT.finance,
    coverageStart,
    shares,
    products: ['critical'],
    participants,
  })
  if (!priced.ok) throw new Error(`demo data: cannot quote the WH enrolment: ${priced.message}`)
  const enrolmentId = 'enrol-wh-minghu-2021'
  const end = coverageEnd(scheme.id, coverageStart)
  await db.collection('enrolments').add({
    data: {
      _id: enrolmentId,
      unitId: WH_UNIT._id,
      // Stored with the declaration as enrolment.declare stores it: the agent's and office's lists show it as the title.
      unitName: WH_UNIT.name,
      agentId: AGENT._id,
      family: 'WH',
      schemeId: scheme.id,
      year: 2021,
      kind: 'annual',
      status: 'paid',
      shares,
      products: ['critical'],
      participantCount: members.length,
      staffCount: members.length,
      quote: { totalFen: priced.totalFen, lines: priced.lines },
      submittedAt: new Date('2021-01-12T09:30:00+08:00'),
      submittedBy: WH_UNIT.clerk.openid,
      reviewedAt: new Date('2021-01-13T10:00:00+08:00'),
      reviewedBy: AGENT.user.openid,
      payment: {
        amountFen: priced.totalFen,
        paidOn,
        reference: 'DEMO-2021-0115-001',
        recordedBy: OFFICE.openid,
        recordedAt: new Date('2021-01-15T15:00:00+08:00'),
      },
      coverageStart,
      coverageEnd: end,
      version: 1,
      createdAt: now,
      updatedAt: now,
    },
  })
  await db.collection('participations').add({
    data: members.map(({ row, index }) => ({
      _id: `part-2021-${personId(WH_UNIT._id, index)}`,
      ...newParticipation(
        {
          enrolmentId,
          unit: { _id: WH_UNIT._id, agentId: AGENT._id },
          person: { _id: personId(WH_UNIT._id, index), idHash: hashId(secrets, row[1]), idMasked: maskResidentId(row[1]), name: row[0], sex: parseSex(row[1]) },
          scheme,
          year: 2021,
          products: ['critical'],
          shares,
          firstTime: false,
        },
        now,
        { start: coverageStart, end },
      ),
    })),
  })
  await db.collection('ledger').add({
    data: {
      family: 'WH',
      year: 2021,
      type: 'contribution',
      amountFen: priced.totalFen,
      sourceType: 'enrolment',
      sourceId: enrolmentId,
      // As enrolment's activate() writes it: the unit, so the fund report can attribute the contribution.
      unitId: WH_UNIT._id,
      paidOn: '2021-01-15',
      at: new Date('2021-01-15T15:00:00+08:00'),
    },
  })
  // The fund's running totals move with every ledger entry (cloudfunctions/_shared/src/fund.ts).
  await db.collection('funds').doc('WH-2021').set({
    data: { family: 'WH', year: 2021, contributionsFen: priced.totalFen, payoutsFen: 0, entries: 1, updatedAt: new Date('2021-01-15T15:00:00+08:00') },
  })
}

function parseSex(residentId: string): 'male' | 'female' {
  const parsed = parseResidentId(residentId)
  if (!parsed.ok) throw new Error(`demo data: invalid resident ID ${residentId}`)
  return parsed.sex
}

if (require.main === module) {
  const url = process.argv[2] || 'http://127.0.0.1:10086'
  seedDemo(url).then(
    (wrote) => console.log(wrote ? `seeded demo data into ${url}` : `demo data already present in ${url}`),
    (err) => {
      console.error(err)
      process.exit(1)
    },
  )
}
