import type { ParticipationRule, TzScheme } from '../types'
import { TZ_CRITICAL_DISEASES, TZ_DOC, TZ_FEMALE_DISEASES } from '../tz-diseases'

/** [I-14]: "应保尽保" for every unit type except private enterprises = 100 % of in-service staff. */
const EVERYONE: ParticipationRule = { minPercent: 100, allIfStaffAtMost: null, minCount: null, basis: `${TZ_DOC} 二2 [I-14]` }
/** Private enterprises: at least 10 people and ≥ 70 % of staff ([I-6]). */
const PRIVATE: ParticipationRule = { minPercent: 70, allIfStaffAtMost: null, minCount: 10, basis: `${TZ_DOC} 二2 [I-6]` }

/**
 * Scheme TZ for the 2021 activity year (2021-04-01 – 2021-12-31). Source: seed
 * `003_85c8d3826e02d649.txt` (台总工〔2021〕8号, 2021-03-03).
 */
export const TZ_2021 = {
  id: 'tz-2021',
  family: 'TZ',
  name: '台州市在职职工医疗互助保障（2021年度）',
  document: `${TZ_DOC}《关于调整台州市在职职工医疗互助保障活动事项的通知》`,
  effectiveFrom: '2021-04-01',
  year: 2021,
  products: [
    // Inpatient claims repeat until the allowance days are used ([I-7]); the other two pay once per period.
    { id: 'inpatient', name: '职工住院医疗互助保障', basis: `${TZ_DOC} 三1`, payout: { ends: 'nothing', basis: `${TZ_DOC} 四(二)1 [I-7]` } },
    { id: 'critical', name: '职工重大疾病互助保障', basis: `${TZ_DOC} 三2`, payout: { ends: 'product', basis: `${TZ_DOC} 四(二)3 [I-9]` } },
    { id: 'female', name: '女职工特殊病互助保障', basis: `${TZ_DOC} 三3`, payout: { ends: 'product', basis: `${TZ_DOC} 四(二)4` } },
  ],
  diseases: { critical: TZ_CRITICAL_DISEASES, female: TZ_FEMALE_DISEASES },
  participation: {
    agency: EVERYONE,
    institution: EVERYONE,
    social_org: EVERYONE,
    soe: EVERYONE,
    private_non_enterprise: EVERYONE,
    private: PRIVATE,
  },
  staffOnlyBasis: `${TZ_DOC} 四、活动要求(三)`,
  // No shares; no mid-period new-hire limit is stated (people are added inside the enrolment window).
  shares: null,
  newHire: null,
  fees: [
    {
      per: 'person_month',
      product: 'inpatient',
      byUnitType: { agency: 500, institution: 500, social_org: 500, soe: 500, private_non_enterprise: 500, private: 300 },
      financeFen: 500,
      basis: `${TZ_DOC} 四(一)1(1) [I-12]`,
    },
    { per: 'person_period', product: 'critical', fen: 1500, basis: `${TZ_DOC} 四(一)1(2)` },
    { per: 'person_period', product: 'female', fen: 1500, onlySex: 'female', basis: `${TZ_DOC} 四(一)1(3)` },
  ],
  feesBasis: `${TZ_DOC} 四(一)1`,
  exclusions: {
    fraud: { code: 'FRAUD', basis: `${TZ_DOC} 四、活动要求(三)`, message: '申请材料或参保身份不实（如挂靠参保、票据不实），不予补助。' },
    misdiagnosis: { code: 'MISDIAGNOSIS', basis: `${TZ_DOC} 四(二)3、4`, message: '经核实属于错误诊断，不属于首次确诊的保障疾病，不予补助。' },
  },
  retired: { basis: `${TZ_DOC} 二1`, message: '活动对象为法定在职年龄内的在职职工，参保时已退休的不享受补助。' },
  review: null,
  // The Taizhou notice sets no time limit for reporting a unit's changed details.
  unitChangeReport: null,
  activity: { from: '2021-04-01', to: '2021-12-31', basis: `${TZ_DOC} 一(一)` },
  enrolment: { from: '2021-04-01', to: '2021-06-30', basis: `${TZ_DOC} 一(一)` },
  claims: { from: '2021-04-01', to: '2022-03-31', basis: `${TZ_DOC} 一(一)` },
  inpatient: {
    allowancePerDayFen: 3000,
    allowanceMaxDays: 30,
    allowanceBasis: `${TZ_DOC} 四(二)1 [I-7]`,
    subsidyPercent: { employee: 60, resident: 50 },
    subsidyBasis: { employee: `${TZ_DOC} 四(二)2(1)`, resident: `${TZ_DOC} 四(二)2(2)` },
    subsidyCapFen: null,
    admissionBasis: `${TZ_DOC} 三1 [I-11]`,
  },
  critical: { severeFen: 500000, mildFen: 200000, basis: `${TZ_DOC} 四(二)3` },
  female: { fen: 500000, basis: `${TZ_DOC} 四(二)4`, sexBasis: `${TZ_DOC} 三3` },
  replacement: { unitTypes: ['private'], maxPercent: 20, perPeriod: 1, basis: `${TZ_DOC} 二2` },
  retiredBasis: `${TZ_DOC} 二1`,
} satisfies TzScheme

export default TZ_2021
