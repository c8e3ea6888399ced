import { addDays } from '../dates/add-days'
import { formatDayNumber } from '../dates/day-number'
import { claimDeadline } from '../deadlines/claim-deadline'
import type { AssessInput } from '../assess/types'
import type { QuoteInput } from '../fees/quote'
import type { Family } from '../types'
import { periodStartDay } from './spans'
import type { Scheme } from './types'

/**
 * One of the documents' own examples (DOMAIN §5) or a benefit-table row, written relative to a version's period so
 * the same case can run against any version of its family: a draft is previewed by running every case against it and
 * against the version it was copied from (`previewVersion`). The numbers in `title` are the document's, for the
 * version the example was written for.
 */
export interface SeedCase {
  id: string
  family: Family
  title: string
  /** Where the example comes from (`DOMAIN §5 例1`, `第十八条`). */
  source: string
  input(s: Scheme): { kind: 'assess'; input: AssessInput } | { kind: 'quote'; input: QuoteInput }
}

/** First day of the version's first period: the TZ activity start; WH 1 January of its effective year (or later). */
export function firstPeriodStart(s: Scheme): string {
  const year = s.family === 'TZ' ? s.year : Number(s.effectiveFrom.slice(0, 4))
  return formatDayNumber(periodStartDay(s, year))
}

/** Coverage day `n` (day 1 = the start date, [I-1]) as a date. */
const day = (start: string, n: number) => addDays(start, n - 1)

const wh = (s: Scheme, participant: AssessInput['participant'], claim: AssessInput['claim']) => ({
  kind: 'assess' as const,
  input: { scheme: s, product: 'critical' as const, participant, claim: { inpatient: true, designatedHospital: true, ...claim } },
})

const tz = (s: Scheme, product: 'critical' | 'inpatient' | 'female', participant: Partial<AssessInput['participant']>, claim: AssessInput['claim']) => ({
  kind: 'assess' as const,
  input: { scheme: s, product, participant: { firstTime: false, coverageStart: firstPeriodStart(s), ...participant }, claim },
})

/** The WH examples' coverage start, 10 March (2021-03-10 in DOMAIN §5): day 69 of a common year. */
const whStart = (s: Scheme) => day(firstPeriodStart(s), 69)

export const SEED_CASES: readonly SeedCase[] = [
  {
    id: 'wh-example-1',
    family: 'WH',
    source: 'DOMAIN §5 例1；第八条',
    title: '首次参加 2 份，第 53 天确诊白血病 → 慰问金 2,000 元',
    input: (s) => wh(s, { firstTime: true, shares: 2, coverageStart: whStart(s) }, { kind: 'illness', disease: '白血病', eventDate: day(whStart(s), 53) }),
  },
  {
    id: 'wh-example-2',
    family: 'WH',
    source: 'DOMAIN §5 例2；第十四条第二项',
    title: '首次参加 1 份，第 21 天确诊 → 不予给付',
    input: (s) => wh(s, { firstTime: true, shares: 1, coverageStart: whStart(s) }, { kind: 'illness', disease: '白血病', eventDate: day(whStart(s), 21) }),
  },
  {
    id: 'wh-example-3',
    family: 'WH',
    source: 'DOMAIN §5 例3；第七条',
    title: '续保 3 份，冠状动脉支架植入 → 30,000 元',
    input: (s) => {
      const start = day(firstPeriodStart(s), 16)
      return wh(s, { firstTime: false, shares: 3, coverageStart: start }, { kind: 'illness', disease: '冠状动脉搭桥及支架植入术', eventDate: day(start, 17) })
    },
  },
  {
    id: 'wh-example-4',
    family: 'WH',
    source: 'DOMAIN §5 例4；第十条（二）2',
    title: '续保 1 份，住院期间因肺炎身故 → 3,000 元',
    input: (s) => {
      const start = day(firstPeriodStart(s), 16)
      return wh(s, { firstTime: false, shares: 1, coverageStart: start }, { kind: 'death', disease: '肺炎', causeOfDeath: 'illness', eventDate: day(start, 198) })
    },
  },
  {
    id: 'wh-day-91',
    family: 'WH',
    source: '第七条',
    title: '首次参加 1 份，第 91 天确诊恶性肿瘤 → 医疗互助金 10,000 元',
    input: (s) => wh(s, { firstTime: true, shares: 1, coverageStart: whStart(s) }, { kind: 'illness', disease: '恶性肿瘤', eventDate: day(whStart(s), 91) }),
  },
  {
    id: 'wh-death-91',
    family: 'WH',
    source: '第十条（一）2',
    title: '首次参加 1 份，第 91 天因病身故 → 3,000 元',
    input: (s) => wh(s, { firstTime: true, shares: 1, coverageStart: whStart(s) }, { kind: 'death', disease: '肺炎', causeOfDeath: 'illness', eventDate: day(whStart(s), 91) }),
  },
  {
    id: 'wh-late',
    family: 'WH',
    source: '第十八条 [I-4]',
    title: '确诊后第 121 天才申请 → 逾期不予受理',
    input: (s) => {
      const eventDate = day(whStart(s), 100)
      return wh(s, { firstTime: false, shares: 1, coverageStart: whStart(s) }, { kind: 'illness', disease: '白血病', eventDate, submittedOn: addDays(claimDeadline(s, eventDate).date, 1) })
    },
  },
  {
    id: 'wh-fee',
    family: 'WH',
    source: '第六条 [I-5]',
    title: '首次参加单位 10 人各 2 份，3 月 10 日起保 → 缴费 1,000 元',
    input: (s) => ({
      kind: 'quote',
      input: { scheme: s, unitType: 'soe', coverageStart: whStart(s), shares: 2, products: ['critical'], participants: Array.from({ length: 10 }, () => ({ firstTime: true, sex: 'male' as const })) },
    }),
  },
  {
    id: 'tz-example-5',
    family: 'TZ',
    source: 'DOMAIN §5 例5；四(二)1、2',
    title: '职工医保住院 10 天，自负 4,000 元（自理 800 元）→ 2,700 元',
    input: (s) => {
      const admission = day(firstPeriodStart(s), 33)
      return tz(s, 'inpatient', { medicalInsurance: 'employee' }, { kind: 'inpatient', admission, discharge: addDays(admission, 10), selfPayFen: 400000, selfFundedFen: 80000, designatedHospital: true })
    },
  },
  {
    id: 'tz-resident',
    family: 'TZ',
    source: '四(二)2(2)',
    title: '城乡居民医保当日出院，自负 123.45 元 → 补助 61.73 元',
    input: (s) => {
      const admission = day(firstPeriodStart(s), 33)
      return tz(s, 'inpatient', { medicalInsurance: 'resident' }, { kind: 'inpatient', admission, discharge: admission, selfPayFen: 12345, designatedHospital: true })
    },
  },
  {
    id: 'tz-allowance-cap',
    family: 'TZ',
    source: '四(二)1 [I-7]',
    title: '住院 50 天 → 住院津贴最多 30 天，900 元',
    input: (s) => {
      const admission = day(firstPeriodStart(s), 62)
      return tz(s, 'inpatient', { medicalInsurance: 'employee' }, { kind: 'inpatient', admission, discharge: addDays(admission, 50), designatedHospital: true })
    },
  },
  {
    id: 'tz-critical',
    family: 'TZ',
    source: '四(二)3',
    title: '首次确诊恶性肿瘤（重度）→ 5,000 元',
    input: (s) => tz(s, 'critical', {}, { kind: 'illness', disease: '恶性肿瘤——重度', eventDate: day(firstPeriodStart(s), 62) }),
  },
  {
    id: 'tz-critical-mild',
    family: 'TZ',
    source: '四(二)3',
    title: '首次确诊恶性肿瘤（轻度）→ 2,000 元',
    input: (s) => tz(s, 'critical', {}, { kind: 'illness', disease: '恶性肿瘤-轻度', eventDate: day(firstPeriodStart(s), 62) }),
  },
  {
    id: 'tz-female',
    family: 'TZ',
    source: '四(二)4',
    title: '女职工首次确诊乳腺癌 → 5,000 元',
    input: (s) => tz(s, 'female', { sex: 'female' }, { kind: 'illness', disease: '乳腺癌', eventDate: day(firstPeriodStart(s), 62) }),
  },
  {
    id: 'tz-late',
    family: 'TZ',
    source: '一 补助申请期',
    title: '补助申请期结束后次日才申请 → 逾期不予受理',
    input: (s) => {
      const admission = day(firstPeriodStart(s), 33)
      const claimsTo = s.family === 'TZ' ? s.claims.to : admission
      return tz(s, 'inpatient', { medicalInsurance: 'employee' }, { kind: 'inpatient', admission, discharge: addDays(admission, 3), designatedHospital: true, submittedOn: addDays(claimsTo, 1) })
    },
  },
  {
    id: 'tz-example-6',
    family: 'TZ',
    source: 'DOMAIN §5 例6；四(一)',
    title: '民营企业 30 人参加住院和重大疾病，活动期首日起保 → 2021 年度缴费 1,260 元',
    input: (s) => ({
      kind: 'quote',
      input: { scheme: s, unitType: 'private', coverageStart: firstPeriodStart(s), products: ['inpatient', 'critical'], participants: Array.from({ length: 30 }, () => ({ firstTime: true, sex: 'male' as const })) },
    }),
  },
]
