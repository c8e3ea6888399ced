/**
 * Seeds the fictitious demo data set into an empty local emulator (first `npm start`, e2e runs).
 * Writes through the real wx-server-sdk, like the functions do. Running it twice changes nothing.
 */
import { maskResidentId, parseResidentId } from '@mutual-aid/shared-rules'
import { encryptId, hashId } from '@cloud-shared/id-crypto'
import { localCloud } from './sdk-env'
import { AGENT, DEMO_WORKERS, OFFICE, TZ_PEOPLE, TZ_UNIT, WH_PEOPLE, WH_UNIT, type DemoPersonRow } from './demo-data'

const personId = (unitId: string, index: number) => `${unitId}-p${String(index + 1).padStart(3, '0')}`

function personDoc(unitId: string, row: DemoPersonRow, index: number, now: Date) {
  const [name, residentId, hireDate, status] = row
  const parsed = parseResidentId(residentId)
  if (!parsed.ok) throw new Error(`demo data: invalid resident ID for ${name}: ${parsed.message}`)
  return {
    _id: personId(unitId, index),
    unitId,
    name,
    idHash: hashId(residentId),
    idCipher: encryptId(residentId),
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
  await db.collection('people').add({ data: WH_PEOPLE.map((row, i) => personDoc(WH_UNIT._id, row, i, now)) })
  await db.collection('people').add({ data: TZ_PEOPLE.map((row, i) => personDoc(TZ_UNIT._id, row, i, now)) })

  const users = [
    { _id: OFFICE.openid, role: 'office', name: OFFICE.name },
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
  }

  const identities = [
    { openid: OFFICE.openid, role: 'office', name: OFFICE.name, label: OFFICE.label },
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
