/**
 * The claim form as typed (text per field, choices) and the facts it stands for. Pure: the form shows what the person
 * typed, even half-finished; the facts carry only what is complete (a date once it reads YYYY-MM-DD, an amount once
 * it is a number of yuan), so the schema's errors name what is still missing.
 */
import { fenToYuan, yuanToFen } from '@mutual-aid/shared-rules'
import { RELATIONSHIPS, type ClaimKind, type DraftFacts } from '@mutual-aid/contracts'

type Relationship = (typeof RELATIONSHIPS)[number]
type FiledAs = 'worker' | 'clerk' | 'beneficiary'
import { dateOrUndefined, factsErrors } from '../form-errors'

/** What the person typed, per text field. */
export interface FormText {
  eventDate: string
  admission: string
  discharge: string
  hospital: string
  selfPay: string
  selfFunded: string
  payeeName: string
  payeeBank: string
  payeeAccount: string
  /** A family's death claim: the applicant's relationship to the deceased (`spouse` …) and phone. */
  relationship: string
  applicantPhone: string
}

export type TextField = keyof FormText

/** The answers chosen from lists and switches. */
export type Choice = Pick<DraftFacts, 'disease' | 'designatedHospital' | 'inpatient' | 'causeOfDeath' | 'medicalInsurance' | 'inSitu'>

export const EMPTY_TEXT: FormText = {
  eventDate: '',
  admission: '',
  discharge: '',
  hospital: '',
  selfPay: '',
  selfFunded: '',
  payeeName: '',
  payeeBank: '',
  payeeAccount: '',
  relationship: '',
  applicantPhone: '',
}

/** Yuan text → fen; an unfinished or wrong amount becomes −1, which the schema refuses (金额不能为负数) until fixed. */
function fenOrUndefined(text: string): number | undefined {
  if (text.trim() === '') return undefined
  try {
    return yuanToFen(text)
  } catch {
    return -1
  }
}

/** A saved draft's facts as the form shows them again. */
export function textFromFacts(f: DraftFacts): FormText {
  return {
    eventDate: f.eventDate ?? '',
    admission: f.admission ?? '',
    discharge: f.discharge ?? '',
    hospital: f.hospital ?? '',
    selfPay: f.selfPayFen !== undefined ? fenToYuan(f.selfPayFen) : '',
    selfFunded: f.selfFundedFen !== undefined ? fenToYuan(f.selfFundedFen) : '',
    payeeName: f.payee?.name ?? '',
    payeeBank: f.payee?.bank ?? '',
    payeeAccount: f.payee?.account ?? '',
    relationship: f.applicant?.relationship ?? '',
    applicantPhone: f.applicant?.phone ?? '',
  }
}

/** A saved draft's choices. */
export function choiceFromFacts(f: DraftFacts): Choice {
  const { disease, designatedHospital, inpatient, causeOfDeath, medicalInsurance, inSitu } = f
  return { disease, designatedHospital, inpatient, causeOfDeath, medicalInsurance, inSitu }
}

/** The facts the form stands for; amounts only on an inpatient claim, nothing undefined. */
export function factsFromForm(text: FormText, choice: Choice, kind: ClaimKind | null): DraftFacts {
  const f: DraftFacts = {
    ...choice,
    eventDate: dateOrUndefined(text.eventDate),
    admission: dateOrUndefined(text.admission),
    discharge: dateOrUndefined(text.discharge),
    hospital: text.hospital.trim() || undefined,
    selfPayFen: kind === 'inpatient' ? fenOrUndefined(text.selfPay) : undefined,
    selfFundedFen: kind === 'inpatient' ? fenOrUndefined(text.selfFunded) : undefined,
    payee: { name: text.payeeName.trim(), bank: text.payeeBank.trim(), account: text.payeeAccount.trim() },
    applicant:
      text.relationship || text.applicantPhone.trim()
        ? { relationship: (RELATIONSHIPS as readonly string[]).includes(text.relationship) ? (text.relationship as Relationship) : undefined, phone: text.applicantPhone.trim() || undefined }
        : undefined,
  }
  if (f.applicant) for (const k of ['relationship', 'phone'] as const) if (f.applicant[k] === undefined) delete f.applicant[k]
  for (const k of Object.keys(f) as (keyof DraftFacts)[]) if (f[k] === undefined) delete f[k]
  return f
}

/** The text field behind each fact the schema checks (dot paths), to tell whether the person has typed in it. */
const FIELD_OF: Record<string, TextField> = {
  eventDate: 'eventDate',
  admission: 'admission',
  discharge: 'discharge',
  hospital: 'hospital',
  selfPayFen: 'selfPay',
  selfFundedFen: 'selfFunded',
  'payee.name': 'payeeName',
  'payee.bank': 'payeeBank',
  'payee.account': 'payeeAccount',
  'applicant.relationship': 'relationship',
  'applicant.phone': 'applicantPhone',
}

/**
 * The error to show under each field: a field's own problem once something was typed in it, every problem once the
 * person tried to go on (`showAll`).
 */
export function visibleErrors(kind: ClaimKind | null, text: FormText, choice: Choice, showAll: boolean, filedAs?: FiledAs): { all: Record<string, string>; shown: (key: string) => string | undefined } {
  const all = kind ? factsErrors(kind, factsFromForm(text, choice, kind), filedAs) : {}
  const typed = (key: string) => (FIELD_OF[key] ? text[FIELD_OF[key]] !== '' : false)
  return { all, shown: (key) => (showAll || typed(key) ? all[key] : undefined) }
}

/** A full-length date typed in another format (e.g. 2021/05/01) says how to write it. */
export function dateFormatError(value: string): string | undefined {
  return value && !dateOrUndefined(value) && value.length >= 10 ? '日期格式应为 YYYY-MM-DD，例如 2021-05-01' : undefined
}
