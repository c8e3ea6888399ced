/**
 * One schema for every scheme version: the built-in data files pass it (scheme-versions.test.ts), and a version or a
 * fee announcement coming from storage or an office's form is refused with a message naming the field when it is
 * malformed or inconsistent. Announced fees (TZ 2022 四(一)2) are validated before they reach `quote`.
 */
import { TZ_2021, TZ_2022, WH_2020, applyAnnouncedFees, parseScheme, quote } from '@mutual-aid/shared-rules'

const clone = <T>(v: T): any => JSON.parse(JSON.stringify(v))
const people = (n: number) => Array.from({ length: n }, (_, i) => ({ firstTime: true, sex: i % 2 ? ('female' as const) : ('male' as const) }))

/** The announced 2022 fees used below (fictitious amounts; the real notice was never published in the seeds). */
const FEES_2022 = [
  { per: 'person_month', product: 'inpatient', byUnitType: { agency: 500, institution: 500, social_org: 500, soe: 500, private_non_enterprise: 500, private: 300 }, financeFen: 500, basis: '2022年度缴费通知 一' },
  { per: 'person_period', product: 'critical', fen: 2000, basis: '2022年度缴费通知 二' },
  { per: 'person_period', product: 'female', fen: 2000, onlySex: 'female', basis: '2022年度缴费通知 三' },
]

describe('scheme schema: malformed or inconsistent versions are refused with the field named', () => {
  const tz = () => clone({ ...TZ_2022, id: 'tz-2023', year: 2023, activity: { ...TZ_2022.activity, from: '2023-01-01', to: '2023-12-31' }, enrolment: { ...TZ_2022.enrolment, from: '2022-10-10', to: '2022-12-31' }, claims: { ...TZ_2022.claims, from: '2023-01-01', to: '2024-03-31' }, effectiveFrom: '2023-01-01' })
  it('a complete new version derived from the previous one passes', () => {
    expect(parseScheme(tz())).toMatchObject({ ok: true, scheme: { id: 'tz-2023' } })
  })
  it.each<[string, (s: any) => void, string]>([
    ['id of the wrong family', (s) => { s.id = 'wh-2023' }, 'id：TZ 方案编号应形如 tz-2023'],
    ['unknown family', (s) => { s.family = 'SH' }, '方案类别 family 应为 WH 或 TZ'],
    ['a typo in a field name', (s) => { s.activty = s.activity }, '不认识的字段 activty'],
    ['enrolment closing after the activity year', (s) => { s.enrolment.to = '2024-01-15' }, 'enrolment.to：参保截止日期不能晚于活动期结束'],
    ['claims ending before the activity year', (s) => { s.claims.to = '2023-06-30' }, 'claims：补助申请期须覆盖到活动期结束'],
    ['an impossible date', (s) => { s.activity.to = '2023-02-30' }, 'activity.to：应为有效日期，格式 YYYY-MM-DD'],
    ['a year not matching the activity', (s) => { s.year = 2024 }, 'year：年度应与活动期开始的年份一致'],
    ['a negative amount', (s) => { s.critical.severeFen = -1 }, 'critical.severeFen：金额不能为负数'],
    ['an amount in yuan with decimals', (s) => { s.female.fen = 5000.5 }, 'female.fen：金额应为整数（分）'],
    ['a missing basis', (s) => { s.activity.basis = ' ' }, 'activity.basis：须写明依据（文件条款）'],
    ['a percentage over 100', (s) => { s.inpatient.subsidyPercent.employee = 160 }, 'inpatient.subsidyPercent.employee：百分比不能大于 100'],
    ['shares on a TZ version', (s) => { s.shares = { min: 1, max: 3, basis: 'x' } }, 'shares：TZ 方案不设份额（shares 应为 null）'],
    ['a duplicated disease code', (s) => { s.diseases.critical[1].code = 'TZC01' }, 'diseases.critical.1.code：疾病编码 TZC01 重复'],
    ['a mild form missing from the list', (s) => { s.diseases.critical[0].mildCode = 'TZM99' }, 'diseases.critical.0.mildCode：轻度疾病 TZM99 不在同一清单中'],
    ['a participation rule missing for a unit type', (s) => { delete s.participation.soe }, 'participation.soe'],
    ['fees that leave a product unpriced', (s) => { s.fees = [FEES_2022[0], FEES_2022[1]] }, 'fees：缺少“female”项目的缴费标准'],
    ['fees per share on a scheme without shares', (s) => { s.fees = [{ per: 'share_month', product: 'critical', firstTimeFen: 500, renewingFen: 400, basis: 'x' }, FEES_2022[0], FEES_2022[2]] }, 'fees.0.per：方案不设份额，不能按份额计费'],
  ])('%s', (_what, edit, message) => {
    const s = tz()
    edit(s)
    const r = parseScheme(s)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toContain(message)
  })
  it.each<[string, (s: any) => void, string]>([
    ['overlapping benefit windows', (s) => { s.illnessFirstTime[1].fromDay = 55 }, 'illnessFirstTime.1.fromDay：各段天数须按顺序且不重叠'],
    ['a window ending before it starts', (s) => { s.deathFirstTime[0].toDay = 20 }, 'deathFirstTime.0.toDay：结束天数不能早于开始天数'],
    ['shares from 3 to 1', (s) => { s.shares.min = 3; s.shares.max = 1 }, 'shares：最少份额不能大于最多份额'],
    ['a product payout rule that is not known', (s) => { s.products[0].payout.ends = 'sometimes' }, 'products.0.payout.ends'],
  ])('WH: %s', (_what, edit, message) => {
    const s = clone({ ...WH_2020, id: 'wh-2023', effectiveFrom: '2023-01-01' })
    expect(parseScheme(s).ok).toBe(true)
    edit(s)
    const r = parseScheme(s)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toContain(message)
  })
})

describe('announced fees (TZ 2022 四(一)2: "2022年度缴费标准将另行通知")', () => {
  it('valid fees reach quote; the built-in version stays unannounced', () => {
    const applied = applyAnnouncedFees(TZ_2022, clone(FEES_2022))
    if (!applied.ok) throw new Error(applied.message)
    const q = quote({ scheme: applied.scheme, unitType: 'private', coverageStart: '2022-01-01', products: ['inpatient', 'critical', 'female'], participants: people(4) })
    expect(q).toMatchObject({ ok: true, totalFen: 4 * 300 * 12 + 4 * 2000 + 2 * 2000 })
    if (q.ok) expect(q.lines.map((l) => l.basis)).toEqual(['2022年度缴费通知 一', '2022年度缴费通知 二', '2022年度缴费通知 三'])
    expect(TZ_2022.fees).toBeNull()
    expect(quote({ scheme: 'tz-2022', unitType: 'private', coverageStart: '2022-01-01', products: ['critical'], participants: people(1) })).toMatchObject({ ok: false, code: 'FEES_NOT_ANNOUNCED' })
  })
  it.each<[string, unknown, string]>([
    ['not a list', { critical: 2000 }, '缴费标准格式不正确'],
    ['an empty list', [], '缴费标准不能为空'],
    ['a rule of an unknown kind', [{ per: 'person_year', product: 'critical', fen: 1, basis: 'x' }], 'per 应为 share_month、person_month、person_period 之一'],
    ['a product left unpriced', [FEES_2022[0], FEES_2022[1]], '缺少“female”项目的缴费标准'],
    ['a product priced twice', [...FEES_2022, FEES_2022[1]], '“critical”项目的缴费标准重复'],
    ['a rate for some unit types only', [{ ...FEES_2022[0], byUnitType: { private: 300 } }, FEES_2022[1], FEES_2022[2]], 'byUnitType'],
    ['fees in yuan with decimals', [FEES_2022[0], { ...FEES_2022[1], fen: 20.5 }, FEES_2022[2]], '金额应为整数（分）'],
  ])('refuses %s', (_what, fees, message) => {
    const r = applyAnnouncedFees(TZ_2022, fees)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toContain(message)
  })
  it('refuses to replace fees the scheme document already set', () => {
    expect(applyAnnouncedFees(TZ_2021, clone(FEES_2022))).toEqual({ ok: false, message: expect.stringContaining('已在方案文件中规定') })
  })
})
