/**
 * Schemes are data: a new version (here a fictitious TZ 2023) is added by one data file in
 * `shared-rules/src/schemes/versions/`, and nothing else is edited by hand. Proven on a copy of the rules package: the
 * data file is dropped in, the same build step regenerates the index, and the copy then typechecks, bundles, lists
 * the version, resolves TZ + a date in its window to it, quotes with its fees, assesses with its rates — in-process
 * and through the rules CLI. The only differences from the original tree are the data file and the generated index.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { buildSync } from 'esbuild'
import { getScheme, listSchemes, parseScheme } from '@mutual-aid/shared-rules'
import { schemeIndexPath, schemeIndexSource, writeSchemeIndex } from '../../scripts/scheme-index'

const ROOT = path.resolve(__dirname, '../..')
const SRC = path.join(ROOT, 'shared-rules', 'src')

/** The data file a developer would add for TZ 2023 (fictitious numbers: 40 yuan allowance a day, new fees). */
const TZ_2023_FILE = `import type { TzScheme } from '../types'
import { TZ_2022 } from './tz-2022'

const DOC = '台总工〔2022〕99号（虚构的测试数据）'

/** Scheme TZ for the 2023 activity year — a fictitious version used to show that a new year is one data file. */
export const TZ_2023 = {
  ...TZ_2022,
  id: 'tz-2023',
  name: '台州市在职职工医疗互助保障（2023年度）',
  document: DOC,
  effectiveFrom: '2023-01-01',
  year: 2023,
  fees: [
    {
      per: 'person_month',
      product: 'inpatient',
      byUnitType: { agency: 600, institution: 600, social_org: 600, soe: 600, private_non_enterprise: 600, private: 400 },
      financeFen: 600,
      basis: \`\${DOC} 四(一)1\`,
    },
    { per: 'person_period', product: 'critical', fen: 2000, basis: \`\${DOC} 四(一)2\` },
    { per: 'person_period', product: 'female', fen: 2000, onlySex: 'female', basis: \`\${DOC} 四(一)3\` },
  ],
  feesBasis: \`\${DOC} 四(一)\`,
  activity: { from: '2023-01-01', to: '2023-12-31', basis: \`\${DOC} 一\` },
  enrolment: { from: '2022-10-10', to: '2022-12-31', basis: \`\${DOC} 一\` },
  claims: { from: '2023-01-01', to: '2024-03-31', basis: \`\${DOC} 一\` },
  inpatient: { ...TZ_2022.inpatient, allowancePerDayFen: 4000, allowanceBasis: \`\${DOC} 四(二)1\` },
} satisfies TzScheme

export default TZ_2023
`

/** Relative paths of every file under `dir`. */
function files(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? files(full, base) : [path.relative(base, full)]
  })
}

describe('the generated index of built-in versions', () => {
  it('is in sync with the data files (npm run build:rules regenerates it)', () => {
    expect(readFileSync(schemeIndexPath(), 'utf8')).toBe(schemeIndexSource())
  })
  it('lists every data file, and each file holds the version its name says', () => {
    const names = readdirSync(path.join(SRC, 'schemes', 'versions')).map((f) => f.replace(/\.ts$/, '')).sort()
    expect(listSchemes().map((s) => s.id).sort()).toEqual(names)
  })
  it.each(listSchemes().map((s) => [s.id] as [string]))('%s passes the scheme schema, also after a round trip through JSON (storage)', (id) => {
    const stored = JSON.parse(JSON.stringify(getScheme(id as never)))
    const parsed = parseScheme(stored)
    if (!parsed.ok) throw new Error(parsed.message)
    expect(parsed.scheme).toEqual(stored)
  })
})

describe('adding tz-2023 is one data file', () => {
  // Inside node_modules/.cache so the copy resolves zod, chinese-days and @types like the real package does.
  const cache = path.join(ROOT, 'node_modules', '.cache')
  let dir = ''
  let rules: any

  beforeAll(() => {
    mkdirSync(cache, { recursive: true })
    dir = mkdtempSync(path.join(cache, 'scheme-version-'))
    cpSync(SRC, path.join(dir, 'src'), { recursive: true })
    writeFileSync(path.join(dir, 'src', 'schemes', 'versions', 'tz-2023.ts'), TZ_2023_FILE)
    writeSchemeIndex(path.join(dir, 'src', 'schemes')) // what `npm run build:rules` does
    for (const entry of ['index', 'cli']) {
      buildSync({ entryPoints: [path.join(dir, 'src', `${entry}.ts`)], outfile: path.join(dir, 'dist', `${entry}.js`), bundle: true, platform: 'node', format: 'cjs', target: 'node18', logLevel: 'silent' })
    }
    rules = require(path.join(dir, 'dist', 'index.js'))
  })
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('changes no other file than the new data file and the generated index', () => {
    const original = new Set(files(SRC))
    const copy = files(path.join(dir, 'src'))
    expect(copy.filter((f) => !original.has(f))).toEqual([path.join('schemes', 'versions', 'tz-2023.ts')])
    const changed = copy.filter((f) => original.has(f) && readFileSync(path.join(SRC, f), 'utf8') !== readFileSync(path.join(dir, 'src', f), 'utf8'))
    expect(changed).toEqual([path.join('schemes', 'versions.generated.ts')])
  })

  it('typechecks as it stands (the id union follows the data files)', () => {
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ extends: path.join(ROOT, 'tsconfig.json'), compilerOptions: { noEmit: true, types: ['node'] }, include: ['src'], exclude: [] }))
    const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], { encoding: 'utf8' })
    expect(tsc.stdout + tsc.stderr).toBe('')
    expect(tsc.status).toBe(0)
  })

  it('is listed, valid, and found by year, by its window and by its period', () => {
    expect(rules.SCHEME_IDS).toEqual(['wh-2020', 'tz-2021', 'tz-2022', 'tz-2023'])
    expect(rules.parseScheme(JSON.parse(JSON.stringify(rules.getScheme('tz-2023')))).ok).toBe(true)
    expect(rules.schemeForPeriod('TZ', 2023).id).toBe('tz-2023')
    expect(rules.schemeOn('TZ', '2022-10-20', 'enrolment').id).toBe('tz-2023')
    expect(rules.schemeOn('TZ', '2022-10-20', 'period').id).toBe('tz-2022')
    expect(rules.enrolmentPeriodOn(rules.BUILT_IN_REGISTRY, 'TZ', '2022-10-20')).toMatchObject({ year: 2023, scheme: { id: 'tz-2023' } })
    expect(rules.checkEnrolmentDate('tz-2023', '2022-12-31')).toEqual({ ok: true })
    expect(rules.claimDeadline('tz-2023', '2023-06-01').date).toBe('2024-03-31')
  })

  it('quotes with its fees and assesses with its rates, in-process and through the CLI', () => {
    const participants = [{ firstTime: true, sex: 'female' }, { firstTime: true, sex: 'male' }]
    const quoteLine = { scheme: 'TZ', unitType: 'soe', coverageStart: '2022-11-01', products: ['inpatient', 'female'], participants }
    const parsed = rules.quoteInputSchema.parse(quoteLine)
    expect(parsed.scheme).toBe('tz-2023')
    const q = rules.quote(parsed)
    // inpatient 6 yuan × 12 months × 2 people + women's product 20 yuan × 1 woman
    expect(q).toMatchObject({ ok: true, totalFen: 600 * 12 * 2 + 2000 })
    const claim = { scheme: 'TZ', product: 'inpatient', participant: { coverageStart: '2023-01-01', medicalInsurance: 'employee' }, claim: { kind: 'inpatient', admission: '2023-05-03', discharge: '2023-05-13', designatedHospital: true } }
    const a = rules.assess(rules.assessInputSchema.parse(claim))
    expect(a.lines).toEqual([{ benefit: 'inpatient_allowance', amountFen: 10 * 4000, basis: '台总工〔2022〕99号（虚构的测试数据） 四(二)1' }])

    const cli = (command: string, line: unknown) => {
      const r = spawnSync(process.execPath, [path.join(dir, 'dist', 'cli.js'), command], { input: JSON.stringify(line) + '\n', encoding: 'utf8' })
      return JSON.parse(r.stdout)
    }
    expect(cli('quote', quoteLine)).toMatchObject({ totalFen: 600 * 12 * 2 + 2000 })
    expect(cli('assess', claim)).toMatchObject({ payable: true, amountFen: 40000 })
    expect(cli('deadline', { scheme: 'TZ', kind: 'claim', eventDate: '2023-06-01' })).toEqual({ date: '2024-03-31', basis: '台总工〔2022〕99号（虚构的测试数据） 一' })
  })
})
