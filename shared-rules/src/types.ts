import type { ReasonCode } from './reasons/reason-codes'

/**
 * Scheme family: WH = 武汉城市圈重大疾病医疗互助, TZ = 台州市在职职工医疗互助保障. A family is code (its own
 * assessment engine); its versions are data.
 */
export type Family = 'WH' | 'TZ'

/**
 * Identifier of a scheme version: the family in lower case, a dash and the version's name (`wh-2020`, `tz-2022`,
 * `tz-2023`, a revised `wh-2024`). Which ids exist is known only to a registry at run time — the built-in versions
 * (`BuiltInSchemeId`, derived from the data files) plus versions the office publishes later — so this type is a
 * pattern, and `SchemeRegistry.has` / `isSchemeId` is the check.
 */
export type SchemeId = `${Lowercase<Family>}-${string}`

/** Sex as derived from the resident ID. */
export type Sex = 'male' | 'female'

/** A product (保障项目) a unit can join. WH only has `critical`. */
export type Product = 'critical' | 'inpatient' | 'female'

/**
 * Unit type (参加单位类型): 党政机关 agency, 事业单位 institution, 社会团体 social_org,
 * 国有企业 soe, 民办非企业 private_non_enterprise, 民营企业 private.
 */
export type UnitType = 'agency' | 'institution' | 'social_org' | 'soe' | 'private_non_enterprise' | 'private'

/** Medical insurance the participant is enrolled in (职工医保 / 城乡居民医保 / 无). */
export type MedicalInsurance = 'employee' | 'resident' | 'none'

/** A refusal or a rule violation that explains itself. */
export interface Reason {
  /** Stable machine code, e.g. `OBSERVATION_PERIOD` (one of `REASON_CODES`). */
  code: ReasonCode
  /** Article the decision rests on, e.g. `第十四条第二项` or `台总工〔2021〕8号 四(二)1`. */
  basis: string
  /** One sentence in Chinese a worker understands. */
  message: string
}

/** One payable benefit (or fee) line with the article it rests on. Amount in fen. */
export interface Line {
  /** Stable code, e.g. `consolation`, `medical`, `death`, `inpatient_allowance`, `fee_inpatient`. */
  benefit: string
  /** Amount in fen (integer, never negative). */
  amountFen: number
  basis: string
}

/** Benefit codes used in assessment lines. */
export type BenefitCode =
  | 'consolation'
  | 'medical'
  | 'death'
  | 'inpatient_allowance'
  | 'inpatient_subsidy'
  | 'critical'
  | 'critical_mild'
  | 'female_cancer'

/** Exclusion facts a reviewer can record on a claim (WH 第十四条). */
export type Exclusion =
  | 'fraud'
  | 'misdiagnosis'
  | 'natural_disaster'
  | 'war'
  | 'riot'
  | 'nuclear'
  | 'crime'
  | 'self_injury'
  | 'fight'
  | 'high_risk_sport'

/** All exclusion values, in the order of 第十四条. */
export const EXCLUSIONS: readonly Exclusion[] = [
  'fraud',
  'misdiagnosis',
  'natural_disaster',
  'war',
  'riot',
  'nuclear',
  'crime',
  'self_injury',
  'fight',
  'high_risk_sport',
]

/** All unit types. */
export const UNIT_TYPES: readonly UnitType[] = ['agency', 'institution', 'social_org', 'soe', 'private_non_enterprise', 'private']

/** A date result that cites its rule. */
export interface DatedBasis {
  /** `YYYY-MM-DD`, China Standard Time calendar date. */
  date: string
  basis: string
}

/** Chinese names of the unit types, as the documents word them. */
export const UNIT_TYPE_LABELS: Readonly<Record<UnitType, string>> = {
  agency: '党政机关',
  institution: '事业单位',
  social_org: '社会团体',
  soe: '国有企业',
  private_non_enterprise: '民办非企业单位',
  private: '民营企业',
}

/** Chinese labels of the exclusion facts (WH 第十四条第四至七项). */
export const EXCLUSION_LABELS: Readonly<Record<Exclusion, string>> = {
  fraud: '隐瞒病史、伪造或篡改病历等欺骗行为',
  misdiagnosis: '医院错误诊断',
  natural_disaster: '自然灾害',
  war: '军事行动',
  riot: '动乱',
  nuclear: '核辐射',
  crime: '故意犯罪',
  self_injury: '自伤',
  fight: '打架斗殴',
  high_risk_sport: '从事高风险运动',
}
