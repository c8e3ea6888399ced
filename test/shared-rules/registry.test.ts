/**
 * A family name plus a date resolves to the version whose enrolment window or period contains the date — never by the
 * calendar year alone (TZ 2022 is declared from 2021-10-10 while TZ 2021 still runs). Dates from the seeds: TZ 2021
 * window 04-01–06-30, period 04-01–12-31; TZ 2022 window 2021-10-10–2021-12-31, period 2022; WH 2020 in force from
 * 2020-01-01. A registry also takes versions configured at run time (a revised WH, Art. 24/26).
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import {
  BUILT_IN_REGISTRY, WH_2020, assess, assessInputSchema, createSchemeRegistry, deadlineInputSchema, enrolmentPeriodOn,
  formatIssues, quoteInputSchema, schemeForPeriod, schemeOn, type Family, type SchemeDateUse, type WhScheme,
} from '@mutual-aid/shared-rules'

describe('family + date → version', () => {
  it.each<[Family, string, SchemeDateUse, string | undefined]>([
    ['TZ', '2021-03-31', 'enrolment', undefined],
    ['TZ', '2021-04-01', 'enrolment', 'tz-2021'],
    ['TZ', '2021-06-30', 'enrolment', 'tz-2021'],
    ['TZ', '2021-07-01', 'enrolment', 'tz-2021'], // window closed, period still runs
    ['TZ', '2021-10-09', 'enrolment', 'tz-2021'],
    ['TZ', '2021-10-10', 'enrolment', 'tz-2022'], // the 2022 window opens
    ['TZ', '2021-11-02', 'enrolment', 'tz-2022'],
    ['TZ', '2021-12-31', 'enrolment', 'tz-2022'],
    ['TZ', '2022-01-01', 'enrolment', 'tz-2022'],
    ['TZ', '2022-12-31', 'enrolment', 'tz-2022'],
    ['TZ', '2023-01-01', 'enrolment', undefined],
    ['TZ', '2021-03-31', 'period', undefined],
    ['TZ', '2021-04-01', 'period', 'tz-2021'],
    ['TZ', '2021-11-02', 'period', 'tz-2021'], // a coverage start or an event inside the 2021 period
    ['TZ', '2021-12-31', 'period', 'tz-2021'],
    ['TZ', '2022-01-01', 'period', 'tz-2022'],
    ['TZ', '2023-01-01', 'period', undefined],
    ['WH', '2019-12-31', 'period', undefined],
    ['WH', '2020-01-01', 'period', 'wh-2020'],
    ['WH', '2021-11-02', 'enrolment', 'wh-2020'], // WH has no window: the version in force
    ['WH', '2030-06-01', 'period', 'wh-2020'], // in force until a revised version is added (第二十四条)
  ])('%s %s (%s) → %s', (family, date, use, id) => {
    expect(schemeOn(family, date, use)?.id).toBe(id)
  })

  it.each<[Family, number, string | undefined]>([
    ['TZ', 2020, undefined], ['TZ', 2021, 'tz-2021'], ['TZ', 2022, 'tz-2022'], ['TZ', 2023, undefined],
    ['WH', 2019, undefined], ['WH', 2020, 'wh-2020'], ['WH', 2022, 'wh-2020'], ['WH', 99999, undefined],
  ])('%s period %i → %s', (family, year, id) => {
    expect(schemeForPeriod(family, year)?.id).toBe(id)
  })

  it.each<[Family, string, string | undefined, number | undefined]>([
    ['TZ', '2021-03-15', 'tz-2021', 2021], // before the first window: the next one to open
    ['TZ', '2021-06-15', 'tz-2021', 2021],
    ['TZ', '2021-07-05', 'tz-2021', 2021], // closed; prepare shows why
    ['TZ', '2021-10-15', 'tz-2022', 2022],
    ['TZ', '2022-06-01', 'tz-2022', 2022],
    ['TZ', '2023-02-01', undefined, undefined],
    ['WH', '2021-06-15', 'wh-2020', 2021],
    ['WH', '2021-12-20', 'wh-2020', 2021],
    ['WH', '2021-12-30', 'wh-2020', 2021], // paid today: covered on 31 December
    ['WH', '2021-12-31', 'wh-2020', 2022], // paid today: no day of 2021 left (第三条)
    ['TZ', '2021-12-31', 'tz-2022', 2022],
    ['WH', '2019-06-01', undefined, undefined],
  ])('declaring on %s %s: %s, period %s', (family, today, id, year) => {
    const p = enrolmentPeriodOn(BUILT_IN_REGISTRY, family, today)
    expect(p?.scheme.id).toBe(id)
    expect(p?.year).toBe(year)
  })
})

describe('the boundary schemas and the CLI follow', () => {
  const participants = [{ firstTime: true, sex: 'male' }]
  it('a TZ quote starting 2021-11-02 is a 2022 quote (only the 2022 enrolment is open then)', () => {
    const q = quoteInputSchema.parse({ scheme: 'TZ', unitType: 'soe', coverageStart: '2021-11-02', products: ['critical'], participants })
    expect(q.scheme).toBe('tz-2022')
  })
  it('a TZ claim whose coverage started 2021-11-02 is assessed under 2021, its deadline too', () => {
    const a = assessInputSchema.parse({ scheme: 'TZ', product: 'critical', participant: { coverageStart: '2021-11-02' }, claim: { kind: 'illness', disease: '恶性肿瘤', eventDate: '2021-12-01' } })
    expect(a.scheme).toBe('tz-2021')
    expect(assess(a)).toMatchObject({ payable: true, amountFen: 500000 })
    expect(deadlineInputSchema.parse({ scheme: 'TZ', kind: 'claim', eventDate: '2021-11-02' }).scheme).toBe('tz-2021')
    expect(deadlineInputSchema.parse({ scheme: 'TZ', kind: 'claim', eventDate: '2022-05-01' }).scheme).toBe('tz-2022')
  })
  it('a date no version covers is a clear input error', () => {
    const r = quoteInputSchema.safeParse({ scheme: 'TZ', unitType: 'soe', coverageStart: '2021-03-01', products: ['critical'], participants })
    expect(r.success).toBe(false)
    if (!r.success) expect(formatIssues(r.error)).toBe('scheme：2021-03-01 不在 TZ 任何版本的参保时间或保障期内，无法确定方案版本，请写明方案编号（wh-2020、tz-2021、tz-2022）')
  })
  it('the CLI: {"scheme":"TZ","coverageStart":"2021-11-02"} quotes 2022 (fees not announced yet)', () => {
    const cli = path.resolve(__dirname, '../../shared-rules/dist/cli.js')
    const line = JSON.stringify({ scheme: 'TZ', unitType: 'soe', coverageStart: '2021-11-02', products: ['critical'], participants })
    const r = spawnSync(process.execPath, [cli, 'quote'], { input: line + '\n', encoding: 'utf8' })
    expect(JSON.parse(r.stdout)).toEqual({ error: { code: 'FEES_NOT_ANNOUNCED', message: expect.stringContaining('2022年度') } })
  })
})

describe('a registry with a revised WH version (第二十四条、第二十六条)', () => {
  // A fictitious revision: from 2023 the medical benefit is 12,000 yuan per share.
  const WH_2023: WhScheme = {
    ...WH_2020,
    id: 'wh-2023',
    name: '武汉城市圈职工重大疾病医疗互助（2023年修订，虚构）',
    effectiveFrom: '2023-01-01',
    illnessRenewing: [{ fromDay: 1, toDay: null, benefit: 'medical', perShareFen: 1200000, basis: '第七条' }],
  }
  const registry = createSchemeRegistry([...BUILT_IN_REGISTRY.schemes, WH_2023])

  it('governs the periods that begin from its effective date; earlier periods keep the old rules', () => {
    expect(registry.forDate('WH', '2022-12-31', 'period')?.id).toBe('wh-2020')
    expect(registry.forDate('WH', '2023-01-01', 'period')?.id).toBe('wh-2023')
    expect(registry.forYear('WH', 2022)?.id).toBe('wh-2020')
    expect(registry.forYear('WH', 2023)?.id).toBe('wh-2023')
    expect(registry.latest('WH')?.id).toBe('wh-2023')
    expect(registry.ids).toEqual(['wh-2020', 'tz-2021', 'tz-2022', 'wh-2023'])
  })
  it('a participant is assessed under the version stored with their period', () => {
    const claim = { product: 'critical' as const, participant: { firstTime: false, shares: 1, coverageStart: '2022-03-01' }, claim: { kind: 'illness' as const, disease: 'WH05', eventDate: '2022-06-01', inpatient: true, designatedHospital: true } }
    expect(assess({ ...claim, scheme: registry.get('wh-2020') }).amountFen).toBe(1000000)
    expect(assess({ ...claim, scheme: registry.get('wh-2023'), participant: { ...claim.participant, coverageStart: '2023-03-01' }, claim: { ...claim.claim, eventDate: '2023-06-01' } }).amountFen).toBe(1200000)
  })
  it('refuses two versions with one id, and answers unknown ids clearly', () => {
    expect(() => createSchemeRegistry([WH_2020, WH_2020])).toThrow(RangeError)
    expect(registry.has('wh-2023')).toBe(true)
    expect(registry.has('tz-2023')).toBe(false)
    expect(registry.find('tz-2023')).toBeUndefined()
    expect(() => registry.get('tz-2023')).toThrow(RangeError)
  })
})
