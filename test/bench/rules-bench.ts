/**
 * Rules benchmark: in-process assessments per second, and 100,000 generated cases through the
 * rules CLI (`node shared-rules/dist/cli.js assess`). Targets: ≥ 1,000,000 assessments/s
 * in-process; 100k CLI lines in ≤ 2 s. Run alone: `npx tsx test/bench/rules-bench.ts`.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { assess, type AssessInput } from '../../shared-rules/src/index'

const ROOT = path.resolve(__dirname, '../..')
const CLI = path.join(ROOT, 'shared-rules/dist/cli.js')

/** Deterministic varied cases (no randomness, so runs compare). */
export function generateCases(count: number): AssessInput[] {
  const diseases = ['WH01', '白血病', '冠状动脉搭桥及支架植入术', '肺炎', 'WH16', '胃炎']
  const tzCritical = ['恶性肿瘤', 'TZC02', '严重慢性肾衰竭', '较轻急性心肌梗死', '高血压']
  const cases: AssessInput[] = []
  for (let i = 0; i < count; i++) {
    const month = 1 + (i % 12)
    const day = 1 + (i % 28)
    const date = `2021-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`
    switch (i % 5) {
      case 0:
        cases.push({ scheme: 'wh-2020', product: 'critical',
          participant: { firstTime: i % 2 === 0, shares: 1 + (i % 3), coverageStart: '2021-01-15' },
          claim: { kind: 'illness', disease: diseases[i % diseases.length], eventDate: date, inpatient: true, designatedHospital: i % 7 !== 0 } })
        break
      case 1:
        cases.push({ scheme: 'wh-2020', product: 'critical',
          participant: { firstTime: i % 3 === 0, shares: 1 + (i % 3), coverageStart: '2021-01-15', priorDiseases: i % 4 === 0 ? [{ disease: 'WH01', paid: i % 8 === 0, period: 'previous' }] : [] },
          claim: { kind: 'death', disease: diseases[i % diseases.length], eventDate: date, inpatient: true, designatedHospital: true, causeOfDeath: i % 9 === 0 ? 'accident' : 'illness', submittedOn: date } })
        break
      case 2:
        cases.push({ scheme: 'tz-2021', product: 'inpatient',
          participant: { firstTime: false, coverageStart: '2021-04-01', medicalInsurance: i % 2 ? 'employee' : 'resident', allowanceDaysUsed: i % 40 },
          claim: { kind: 'inpatient', admission: date, discharge: `2021-${month < 10 ? '0' : ''}${month}-28`, selfPayFen: 10000 + (i % 500000), selfFundedFen: 8000, designatedHospital: true } })
        break
      case 3:
        cases.push({ scheme: 'tz-2021', product: 'critical',
          participant: { firstTime: false, coverageStart: '2021-04-01' },
          claim: { kind: 'illness', disease: tzCritical[i % tzCritical.length], severity: i % 2 ? 'mild' : 'severe', eventDate: date, exclusions: i % 11 === 0 ? ['fraud'] : [] } })
        break
      default:
        cases.push({ scheme: 'tz-2021', product: 'female',
          participant: { firstTime: false, coverageStart: '2021-04-01', sex: i % 6 ? 'female' : 'male' },
          claim: { kind: 'illness', disease: i % 2 ? '乳腺癌' : '宫颈癌', inSitu: i % 10 === 0, eventDate: date, submittedOn: '2022-04-01' } })
    }
  }
  return cases
}

function inProcess(): number {
  const cases = generateCases(4096)
  let sink = 0
  for (let i = 0; i < 200_000; i++) sink += assess(cases[i & 4095]).amountFen // warm-up
  const rounds = 2_000_000
  const started = process.hrtime.bigint()
  for (let i = 0; i < rounds; i++) sink += assess(cases[i & 4095]).amountFen
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  if (sink < 0) throw new Error('impossible')
  return rounds / seconds
}

async function throughCli(lines: number): Promise<{ seconds: number; outLines: number }> {
  if (!existsSync(CLI)) spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/build-rules.ts')], { stdio: 'inherit' })
  const dir = mkdtempSync(path.join(tmpdir(), 'rules-bench-'))
  const file = path.join(dir, 'cases.jsonl')
  writeFileSync(file, generateCases(lines).map((c) => JSON.stringify(c)).join('\n') + '\n')
  try {
    const started = process.hrtime.bigint()
    const outLines = await new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, 'assess'], { stdio: ['pipe', 'pipe', 'inherit'] })
      let count = 0
      child.stdout.on('data', (chunk: Buffer) => {
        for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) count++
      })
      child.on('error', reject)
      child.on('close', (code) => (code === 0 ? resolve(count) : reject(new Error(`CLI exited ${code}`))))
      const input = require('node:fs').createReadStream(file)
      input.pipe(child.stdin)
    })
    return { seconds: Number(process.hrtime.bigint() - started) / 1e9, outLines }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Print in-process assessments/s and the CLI's time and lines/s for 100,000 cases. */
export async function runRulesBench(): Promise<void> {
  const perSecond = inProcess()
  process.stdout.write(`rules assess in-process: ${Math.round(perSecond).toLocaleString('en-US')} assessments/s (target ≥ 1,000,000) ${perSecond >= 1e6 ? 'OK' : 'BELOW TARGET'}\n`)
  const n = 100_000
  const cli = await throughCli(n)
  if (cli.outLines !== n) throw new Error(`CLI answered ${cli.outLines} lines for ${n} inputs`)
  process.stdout.write(`rules CLI: ${n.toLocaleString('en-US')} lines in ${cli.seconds.toFixed(2)} s = ${Math.round(n / cli.seconds).toLocaleString('en-US')} lines/s (target ≤ 2 s) ${cli.seconds <= 2 ? 'OK' : 'ABOVE TARGET'}\n`)
}

if (require.main === module) {
  runRulesBench().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
    process.exit(1)
  })
}
