/** Shapes the enrolment functions answer (see cloudfunctions/{units,roster,enrolment}/src). */
import type { QuoteLine, Scheme } from '@mutual-aid/shared-rules'

export type UnitType = 'agency' | 'institution' | 'social_org' | 'soe' | 'private_non_enterprise' | 'private'
export type Product = 'critical' | 'inpatient' | 'female'

export interface UnitSummary {
  _id: string
  name: string
  uscc: string
  unitType: UnitType
  finance: boolean
  family: 'WH' | 'TZ'
  agentId: string
  agentName: string
  contactName: string
  contactPhone: string
  lateChange: boolean
}

export interface UnitDetail {
  today: string
  unit: UnitSummary & { address: string; version: number; staffReport?: { month: string; headcount: number } | null; lastChange?: { late: boolean } }
  changes: { before: Record<string, string>; after: Record<string, string>; changedOn: string; reportedOn: string; late: boolean; basis: string }[]
  clerks: { name: string }[]
}

export interface RosterPerson {
  _id: string
  name: string
  idMasked: string
  sex: 'male' | 'female'
  birthDate: string
  hireDate: string
  status: 'in_service' | 'retired' | 'left'
  bound: boolean
  version: number
}

export interface RosterPage {
  today: string
  unit: { _id: string; name: string; family: 'WH' | 'TZ'; staffReport: { month: string; headcount: number } | null }
  total: number
  inService: number
  items: RosterPerson[]
}

export interface ImportResult {
  imported: number
  updated: number
  unchanged: number
  /** People changed by someone else during the import, left as they were. */
  conflicts?: number
  rows: number
  errorCount: number
  errors: { row: number; field: string | null; message: string }[]
}

export interface PreparedPerson {
  _id: string
  name: string
  idMasked: string
  sex: 'male' | 'female'
  status: 'in_service' | 'retired' | 'left'
  hireDate: string
  previous: boolean
  current: { enrolmentId: string | null; status: string; here: boolean } | null
  firstTime: boolean
}

export interface Prepared {
  today: string
  year: number
  unit: { _id: string; name: string; unitType: UnitType; finance: boolean; family: 'WH' | 'TZ'; staffReport: { month: string; headcount: number } | null }
  scheme: { id: 'wh-2020' | 'tz-2021' | 'tz-2022'; name: string; family: 'WH' | 'TZ'; products: { id: Product; name: string }[]; shares: { min: number; max: number } | null }
  /** The scheme version as the enrolment function quotes with it (announced fees applied): pass it to the rules. */
  rules: Scheme
  window: { ok: boolean; code?: string; message?: string; basis?: string; from: string | null; to: string | null }
  renewal: { previousEnd: string; graceEnd: string } | null
  coverageStartEstimate: string
  previousPlan: { shares: number | null; products: Product[] } | null
  firstTimeUnit: boolean
  enrolments: {
    _id: string
    kind: string
    status: string
    version: number
    shares: number | null
    products: Product[]
    participantCount: number
    totalFen: number
    returnReason: string | null
    coverageStart: string | null
  }[]
  people: PreparedPerson[]
}

export interface QuoteAnswer {
  participantCount: number
  totalFen: number
  lines: QuoteLine[]
}

export interface DeclarationSummary {
  _id: string
  unitId: string
  unitName: string
  family: 'WH' | 'TZ'
  schemeId: string
  year: number
  kind: 'annual' | 'new_hire' | 'replacement'
  status: 'draft' | 'submitted' | 'returned' | 'approved' | 'paid'
  participantCount: number
  totalFen: number
  submittedAt: string | null
  coverageStart: string | null
  returnReason: string | null
  version: number
}

export interface DeclarationDetail {
  today: string
  enrolment: DeclarationSummary & {
    schemeName: string
    unitType: UnitType
    shares: number | null
    products: Product[]
    staffCount: number
    firstTimeCount?: number
    replacedCount: number
    quote: { totalFen: number; lines: QuoteLine[]; coverageStartEstimate?: string }
    payment?: { amountFen: number; paidOn: string; reference: string; receiptFileID?: string | null }
    coverageEnd?: string
    reviewedAt?: string
  }
  participants: {
    total: number
    items: { _id: string; name: string; idMasked: string; sex: string; firstTime: boolean; products: Product[]; shares: number; status: string; coverageStart: string | null; coverageEnd: string | null }[]
  }
}

export interface CoverageWindowView {
  from: string
  to: string
  benefit: string
  amountFen: number
  basis: string
}

export interface CoverageItem {
  participationId: string
  name: string
  idMasked: string
  schemeId: string
  schemeName: string
  family: 'WH' | 'TZ'
  year: number
  shares: number | null
  firstTime: boolean
  status: 'pending' | 'active' | 'void'
  coverageStart: string | null
  coverageEnd: string | null
  products: { product: Product; name: string; phase: string; dayNumber: number | null; summary: string; fullFrom: string | null; windows: CoverageWindowView[] }[]
}

export type CertificateView =
  | {
      kind: 'unit'
      today: string
      year: number
      unit: { _id: string; name: string; uscc: string; unitType: UnitType }
      scheme: { id: string; name: string; document: string } | null
      batches: {
        enrolmentId: string
        kind: string
        products: { id: Product; name: string }[]
        shares: number | null
        coverageStart: string
        coverageEnd: string
        participantCount: number
        firstTimeCount: number
        paidFen: number
        paidOn: string | null
        firstTimeWindows: CoverageWindowView[]
      }[]
      participants: {
        total: number
        firstTime: number
        items: { name: string; idMasked: string; firstTime: boolean; products: Product[]; shares: number; coverageStart: string; coverageEnd: string }[]
      }
    }
  | { kind: 'person'; today: string; year: number; unit: { name: string; uscc: string }; coverage: CoverageItem }

/** Chinese names of benefit codes shown in windows. */
export const BENEFIT_LABEL: Record<string, string> = {
  none: '不予给付（观察期前 30 天）',
  consolation: '慰问金',
  medical: '医疗互助金',
  critical: '重大疾病互助保障金',
  female_cancer: '女职工特殊病互助保障金',
  inpatient_allowance: '住院津贴（每天）',
}
