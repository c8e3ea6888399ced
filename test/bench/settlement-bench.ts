/**
 * 免申即享 at a city's monthly scale on the local emulator: the bureau's export of 20,000 inpatient settlements (xlsx)
 * imported by the office — validated, stored once per serial, matched to 20,000 TZ participants by the keyed ID hash,
 * assessed, proposed and notified — through `import` and then `continue` calls, as the page makes them (each call is
 * bounded to stay inside the function's 20 s limit). Target: ≤ 60 s for the whole file. Prints seconds, calls and the
 * outcome counts. Run alone: `npx tsx test/bench/settlement-bench.ts`.
 */
import ExcelJS from 'exceljs'
import { residentIdCheckChar } from '@mutual-aid/shared-rules'
import { readConfig } from '@cloud-shared/config'
import { hashId } from '@cloud-shared/id-crypto'
import { newParticipation } from '@cloud-shared/participation-doc'
import { startEmulator } from '../helpers/emulator'
import { localCloud } from '../../scripts/sdk-env'
import { seedDemo } from '../../scripts/seed'

const ROWS = 20_000
const OFFICE = 'demo-office-01'
const UNIT = 'unit-tz-haiyue'

/** A valid resident ID for person `n` (Taizhou, born 1970–1999). */
function residentId(n: number): string {
  const year = 1970 + (n % 30)
  const month = String(1 + (n % 12)).padStart(2, '0')
  const day = String(1 + (n % 28)).padStart(2, '0')
  const body = `331002${year}${month}${day}${String(n % 1000).padStart(3, '0')}`
  return body + residentIdCheckChar(body)
}

export async function runSettlementBench(): Promise<void> {
  const emu = await startEmulator({ env: { MUTUAL_AID_TODAY: '2021-06-15' } })
  try {
    const cloud = localCloud(emu.url)
    const db = cloud.database()
    await seedDemo(emu.url)
    const configured = readConfig(process.env)
    if (!configured.ok) throw new Error(configured.problems.join('; '))
    const secrets = configured.config.secrets
    const timed = async <T>(label: string, body: () => Promise<T>): Promise<T> => {
      const started = process.hrtime.bigint()
      const result = await body()
      console.log(`${label.padEnd(52)} ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(2)} s`)
      return result
    }
    // Distinct IDs: n indexes (year, month, day, sequence) combinations.
    const ids: string[] = []
    const seen = new Set<string>()
    for (let n = 0; ids.length < ROWS; n++) {
      const id = residentId(n * 7 + Math.floor(n / 1000))
      if (!seen.has(id)) {
        seen.add(id)
        ids.push(id)
      }
    }
    const participants = Math.round(ROWS * 0.9)
    await timed(`seed ${participants.toLocaleString('en')} TZ participants (bound to WeChat)`, async () => {
      const now = new Date()
      for (let i = 0; i < participants; i += 1000) {
        const people = []
        const parts = []
        for (let j = i; j < Math.min(participants, i + 1000); j++) {
          const person = { _id: `bench-p${j}`, idHash: hashId(secrets, ids[j]), idMasked: `${ids[j].slice(0, 4)}**********${ids[j].slice(-4)}`, name: `职工${j}`, sex: 'female' as const }
          people.push({ ...person, unitId: UNIT, birthDate: '1980-01-01', hireDate: '2010-01-01', status: 'in_service', openid: `bench-w${j}`, version: 1, createdAt: now, updatedAt: now })
          parts.push({
            _id: `bench-part${j}`,
            ...newParticipation({ enrolmentId: 'bench-enrol', unit: { _id: UNIT, agentId: 'agent-chengqu' }, person, scheme: { id: 'tz-2021', family: 'TZ' }, year: 2021, products: ['inpatient'], shares: 1, firstTime: true }, now, { start: '2021-04-01', end: '2021-12-31' }),
          })
        }
        await db.collection('people').add({ data: people })
        await db.collection('participations').add({ data: parts })
      }
    })
    const file = await timed(`build the bureau's export: ${ROWS.toLocaleString('en')} rows, xlsx`, async () => {
      const wb = new ExcelJS.Workbook()
      const ws = wb.addWorksheet('住院结算明细')
      ws.addRow(['身份证号码', '姓名', '险种', '医院名称', '医院编码', '是否定点', '入院日期', '出院日期', '医疗总费用', '统筹基金支付', '个人自负', '个人自理', '结算日期', '结算流水号'])
      for (let i = 0; i < ROWS; i++) {
        // 10 % of the rows are people who are not participants; 5 % were admitted before their coverage.
        const early = i % 20 === 7
        const day = String(1 + (i % 20)).padStart(2, '0')
        const admission = early ? `2021-03-${day}` : `2021-05-${day}`
        const discharge = early ? `2021-03-${String(2 + (i % 20)).padStart(2, '0')}` : `2021-05-${String(3 + (i % 20)).padStart(2, '0')}`
        ws.addRow([ids[i], `职工${i}`, i % 3 ? '职工医保' : '城乡居民医保', '台州市中心医院', 'H33100200001', i % 10 ? '是' : '否', admission, discharge, '12000.00', '7200.00', '4000.00', '800.00', discharge, `JS2021${String(i).padStart(8, '0')}`])
      }
      return Buffer.from(await wb.xlsx.writeBuffer())
    })
    console.log(`${'  file size'.padEnd(52)} ${(file.length / 1024).toFixed(0)} KB`)
    const { fileID } = await cloud.uploadFile({ cloudPath: `settlement-imports/${OFFICE}/bench.xlsx`, fileContent: file })
    let calls = 0
    const answer = await timed(`settlements.import → done (${ROWS.toLocaleString('en')} rows)`, async () => {
      let a = await emu.callFunction('settlements', { action: 'import', fileID }, { openid: OFFICE })
      calls++
      while (a?.ok && a.data.status !== 'done') {
        a = await emu.callFunction('settlements', { action: 'continue', importId: a.data.importId }, { openid: OFFICE })
        calls++
      }
      if (!a?.ok) throw new Error(JSON.stringify(a).slice(0, 400))
      return a.data
    })
    console.log(`${'  calls (import + continue; ≤ 20 s each)'.padEnd(52)} ${calls}`)
    console.log(`${'  outcome'.padEnd(52)} ${JSON.stringify(answer.counts)}`)
    const inbox = (await db.collection('messages').where({ template: 'claimProposed' }).count()).total
    console.log(`${'  proposal notices in inboxes'.padEnd(52)} ${inbox.toLocaleString('en')}`)
    console.log(`${'  target'.padEnd(52)} ≤ 60 s`)
  } finally {
    await emu.stop()
  }
}

if (require.main === module) {
  runSettlementBench().catch((err) => {
    console.error(err)
    process.exit(1)
  })
}
