/**
 * Calls to the enrolment-side functions (`units`, `roster`, `enrolment`, `auth`). Each returns the function's
 * envelope; requests are built from the shared schemas in `./schemas` so the page sends what the function parses.
 */
import { call, type Envelope } from '@/services/cloud'
import type {
  CertificateView,
  CoverageItem,
  DeclarationDetail,
  DeclarationSummary,
  ImportResult,
  Prepared,
  QuoteAnswer,
  RosterPage,
  UnitDetail,
  UnitSummary,
} from './types'

type Page<T> = { total: number; items: T[] }

export const unitsApi = {
  list: (input: { query?: string; skip?: number; limit?: number }) => call<Page<UnitSummary>>('units', { action: 'list', ...input }),
  get: (unitId?: string) => call<UnitDetail>('units', { action: 'get', ...(unitId ? { unitId } : {}) }),
  create: (input: Record<string, unknown>) => call<{ unitId: string }>('units', { action: 'create', ...input }),
  update: (input: { unitId: string; version: number; changedOn: string; changes: Record<string, string> }) =>
    call<{ late: boolean; lateDays: number | null; limitDays: number | null; basis: string | null }>('units', { action: 'update', ...input }),
  createInvite: (unitId: string) => call<{ code: string; expiresOn: string; unitName: string }>('units', { action: 'createInvite', unitId }),
  recordStaffReport: (input: { unitId?: string; month: string; headcount: number }) => call<unknown>('units', { action: 'recordStaffReport', ...input }),
  listAgents: () => call<{ _id: string; name: string; region: string }[]>('units', { action: 'listAgents' }),
}

export const rosterApi = {
  list: (input: { unitId?: string; query?: string; status?: string; skip?: number; limit?: number }) => call<RosterPage>('roster', { action: 'list', ...input }),
  add: (input: { name: string; idNumber: string; hireDate: string; status: 'in_service' | 'retired' }) =>
    call<{ personId: string; idMasked: string }>('roster', { action: 'add', ...input }),
  importFile: (fileID: string) => call<ImportResult>('roster', { action: 'import', fileID }),
  template: () => call<{ fileID: string; url: string }>('roster', { action: 'template' }),
  setStatus: (input: { personId: string; version: number; status: string }) => call<unknown>('roster', { action: 'setStatus', ...input }),
}

export const enrolmentApi = {
  prepare: (input: { year?: number; unitId?: string }) => call<Prepared>('enrolment', { action: 'prepare', ...input }),
  submit: (input: { year: number; personIds: string[]; shares: number | null; products: string[]; enrolmentId?: string; version?: number }) =>
    call<QuoteAnswer & { enrolmentId: string; status: string }>('enrolment', { action: 'submit', ...input }),
  addNewHires: (input: { year: number; personIds: string[] }) => call<QuoteAnswer & { enrolmentId: string }>('enrolment', { action: 'addNewHires', ...input }),
  replace: (input: { year: number; outPersonIds: string[]; inPersonIds: string[] }) =>
    call<QuoteAnswer & { enrolmentId: string }>('enrolment', { action: 'replace', ...input }),
  list: (input: { status?: string; year?: number; skip?: number; limit?: number }) => call<Page<DeclarationSummary>>('enrolment', { action: 'list', ...input }),
  get: (input: { enrolmentId: string; query?: string; skip?: number; limit?: number }) => call<DeclarationDetail>('enrolment', { action: 'get', ...input }),
  review: (input: { enrolmentId: string; version: number; decision: 'approve' | 'return'; reason?: string }) =>
    call<{ status: string; version: number }>('enrolment', { action: 'review', ...input }),
  recordPayment: (input: { enrolmentId: string; version: number; amountFen: number; paidOn: string; reference: string; receiptFileID?: string }) =>
    call<{ status: string; coverageStart: string; coverageEnd: string }>('enrolment', { action: 'recordPayment', ...input }),
  certificate: (input: { unitId?: string; year?: number; skip?: number; limit?: number; mine?: boolean }) => call<CertificateView>('enrolment', { action: 'certificate', ...input }),
  receiptUrl: (enrolmentId: string) => call<{ url: string }>('enrolment', { action: 'receiptUrl', enrolmentId }),
  myCoverage: () => call<{ today: string; person: { name: string; idMasked: string; unitName: string }; items: CoverageItem[] }>('enrolment', { action: 'myCoverage' }),
}

export const bindApi = {
  bindWorker: (input: { name: string; idNumber: string }) => call<{ personId: string; name: string }>('auth', { action: 'bindWorker', ...input }),
  acceptInvite: (input: { code: string; name?: string }) => call<{ unitId: string; unitName: string }>('auth', { action: 'acceptInvite', ...input }),
}

export type { Envelope }
