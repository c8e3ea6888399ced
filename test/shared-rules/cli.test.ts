import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../..')
const CLI = path.join(ROOT, 'shared-rules/dist/cli.js')

function run(command: string, lines: string[], env: Record<string, string> = {}): { out: unknown[]; raw: string; status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, command], { input: lines.join('\n') + '\n', encoding: 'utf8', env: { ...process.env, ...env } })
  const raw = result.stdout
  return { raw, out: raw.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l)), status: result.status, stderr: result.stderr }
}

beforeAll(() => {
  if (!existsSync(CLI)) {
    const built = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/build-rules.ts')], { encoding: 'utf8' })
    if (built.status !== 0) throw new Error(`build:rules failed: ${built.stderr}`)
  }
})

const example1 = { scheme: 'wh-2020', product: 'critical', participant: { firstTime: true, shares: 2, coverageStart: '2021-03-10' }, claim: { kind: 'illness', disease: '白血病', eventDate: '2021-05-01', inpatient: true, designatedHospital: true } }
const example5 = { scheme: 'tz-2021', product: 'inpatient', participant: { firstTime: false, coverageStart: '2021-04-01', medicalInsurance: 'employee' }, claim: { kind: 'inpatient', admission: '2021-05-03', discharge: '2021-05-13', selfPayFen: 400000, selfFundedFen: 80000, designatedHospital: true, inpatient: true } }

describe('rules CLI contract', () => {
  it('assess: one line per input line, in order; a bad line answers INVALID_INPUT and processing continues', () => {
    const { out, status } = run('assess', [
      JSON.stringify(example1),
      '{not json',
      JSON.stringify({ ...example1, participant: { ...example1.participant, coverageStart: '2021-02-30' } }),
      JSON.stringify(example5),
      '',
      JSON.stringify({ scheme: 'wh-2020', participant: { firstTime: false, coverageStart: '2021-01-16' }, claim: { kind: 'death', disease: '肺炎', causeOfDeath: 'illness', eventDate: '2021-08-01', inpatient: true, designatedHospital: true } }),
      '[1,2]',
    ])
    expect(status).toBe(0)
    expect(out).toHaveLength(7)
    expect(out[0]).toEqual({ payable: true, amountFen: 200000, lines: [{ benefit: 'consolation', amountFen: 200000, basis: '第八条' }], reasons: [], endsCoverage: true })
    expect(out[1]).toEqual({ error: { code: 'INVALID_INPUT', message: expect.any(String) } })
    expect(out[2]).toEqual({ error: { code: 'INVALID_INPUT', message: expect.stringContaining('participant.coverageStart') } })
    expect(out[3]).toEqual(expect.objectContaining({ payable: true, amountFen: 270000 }))
    expect(out[4]).toEqual({ error: { code: 'INVALID_INPUT', message: expect.any(String) } })
    expect(out[5]).toEqual(expect.objectContaining({ amountFen: 300000, lines: [{ benefit: 'death', amountFen: 300000, basis: '第十条（二）2' }] }))
    expect(out[6]).toEqual({ error: { code: 'INVALID_INPUT', message: expect.any(String) } })
  })

  it('assess: absent booleans are false, `WH`/`TZ` infer the version, names and codes both work', () => {
    const { out } = run('assess', [
      JSON.stringify({ scheme: 'WH', participant: { coverageStart: '2021-01-16' }, claim: { kind: 'illness', disease: 'WH05', eventDate: '2021-05-01', inpatient: true } }),
      JSON.stringify({ scheme: 'TZ', product: 'critical', participant: { coverageStart: '2022-01-01' }, claim: { kind: 'illness', disease: '较轻急性心肌梗死', eventDate: '2022-03-01' } }),
      JSON.stringify({ scheme: 'tz-2021', product: 'critical', participant: { coverageStart: '2021-04-01' }, claim: { kind: 'illness', disease: '恶性肿瘤', severity: 'mild', eventDate: '2021-12-31', submittedOn: '2022-04-01' } }),
    ])
    expect(out[0]).toEqual(expect.objectContaining({ payable: false, reasons: [expect.objectContaining({ code: 'NOT_DESIGNATED_HOSPITAL' })] }))
    expect(out[1]).toEqual(expect.objectContaining({ payable: true, amountFen: 200000 }))
    expect(out[2]).toEqual(expect.objectContaining({ payable: false, reasons: [expect.objectContaining({ code: 'LATE_CLAIM' })] }))
  })

  it('participation', () => {
    const { out } = run('participation', [
      JSON.stringify({ scheme: 'tz-2021', unitType: 'private', finance: false, staff: 40, participants: 30 }),
      JSON.stringify({ scheme: 'wh-2020', unitType: 'agency', staff: 31, participants: 24 }),
      JSON.stringify({ scheme: 'wh-2020', unitType: 'company', staff: 31, participants: 24 }),
    ])
    expect(out[0]).toEqual({ ok: true, reasons: [] })
    expect(out[1]).toEqual({ ok: false, reasons: [expect.objectContaining({ code: 'PARTICIPATION_RATIO', basis: '第四条' })] })
    expect(out[2]).toEqual({ error: { code: 'INVALID_INPUT', message: expect.stringContaining('unitType') } })
  })

  it('quote, including FEES_NOT_ANNOUNCED for tz-2022', () => {
    const participants = Array.from({ length: 30 }, () => ({ firstTime: true, sex: 'male' }))
    const { out } = run('quote', [
      JSON.stringify({ scheme: 'tz-2021', unitType: 'private', finance: false, coverageStart: '2021-04-01', products: ['inpatient', 'critical'], participants }),
      JSON.stringify({ scheme: 'tz-2022', unitType: 'private', coverageStart: '2022-01-01', products: ['critical'], participants }),
      JSON.stringify({ scheme: 'wh-2020', unitType: 'soe', coverageStart: '2021-03-10', shares: 1, products: ['critical'], participants: [{ firstTime: true, sex: 'female' }] }),
    ])
    expect(out[0]).toEqual({ totalFen: 126000, lines: expect.any(Array) })
    expect(out[1]).toEqual({ error: { code: 'FEES_NOT_ANNOUNCED', message: expect.stringContaining('另行通知') } })
    expect(out[2]).toEqual(expect.objectContaining({ totalFen: 5000 }))
  })

  it('deadline: claim and review', () => {
    const { out } = run('deadline', [
      JSON.stringify({ scheme: 'wh-2020', kind: 'claim', eventDate: '2021-03-01' }),
      JSON.stringify({ scheme: 'wh-2020', kind: 'review', received: '2021-09-28' }),
      JSON.stringify({ scheme: 'tz-2021', kind: 'claim', eventDate: '2021-06-01' }),
      JSON.stringify({ scheme: 'wh-2020', kind: 'other' }),
    ])
    expect(out).toEqual([
      { date: '2021-06-28', basis: '第十八条 [I-4]' },
      { date: '2021-11-15', basis: '第十九条 [I-15]' },
      { date: '2022-03-31', basis: '台总工〔2021〕8号 一(一)' },
      { error: { code: 'INVALID_INPUT', message: expect.any(String) } },
    ])
  })

  it('an unknown command exits 2 with usage on stderr', () => {
    const r = run('frobnicate', ['{}'])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('用法')
  })

  it('answers identically under TZ=UTC and TZ=Asia/Shanghai', () => {
    const lines = [
      JSON.stringify(example1), JSON.stringify(example5),
      JSON.stringify({ ...example1, claim: { ...example1.claim, eventDate: '2021-12-31', submittedOn: '2022-04-29' } }),
      JSON.stringify({ ...example1, claim: { ...example1.claim, eventDate: '2022-01-01' } }),
    ]
    const deadlines = [
      JSON.stringify({ scheme: 'wh-2020', kind: 'review', received: '2021-09-28' }),
      JSON.stringify({ scheme: 'wh-2020', kind: 'review', received: '2021-12-31' }),
      JSON.stringify({ scheme: 'wh-2020', kind: 'claim', eventDate: '2021-12-31' }),
    ]
    for (const [command, input] of [['assess', lines], ['deadline', deadlines]] as const) {
      const utc = run(command, [...input], { TZ: 'UTC' })
      const cst = run(command, [...input], { TZ: 'Asia/Shanghai' })
      const west = run(command, [...input], { TZ: 'America/Los_Angeles' })
      expect(utc.raw).toBe(cst.raw)
      expect(west.raw).toBe(cst.raw)
      expect(utc.out).toHaveLength(input.length)
    }
  })
})
