/**
 * Calls to the enrolment-side functions (`units`, `roster`, `enrolment`, `auth`) through their contracts
 * (@mutual-aid/contracts): the page sends what the function parses and reads answers parsed with the output schemas.
 */
import { authContract, enrolmentContract, rosterContract, unitsContract, type CertificateView, type InputOf } from '@mutual-aid/contracts'
import type { Envelope } from '@/services/cloud'
import { callAction } from '@/services/call-action'

// Lists by pages for `usePagedLoad`: each pager takes the previous page's cursor (none for the first page).

export const unitsApi = {
  list: (input: InputOf<typeof unitsContract.actions.list>) => callAction(unitsContract, 'list', input),
  get: (unitId?: string) => callAction(unitsContract, 'get', unitId ? { unitId } : {}),
  create: (input: InputOf<typeof unitsContract.actions.create>) => callAction(unitsContract, 'create', input),
  update: (input: InputOf<typeof unitsContract.actions.update>) => callAction(unitsContract, 'update', input),
  createInvite: (unitId: string) => callAction(unitsContract, 'createInvite', { unitId }),
  recordStaffReport: (input: InputOf<typeof unitsContract.actions.recordStaffReport>) => callAction(unitsContract, 'recordStaffReport', input),
  listAgents: () => callAction(unitsContract, 'listAgents', {}),
}

export const rosterApi = {
  list: (input: InputOf<typeof rosterContract.actions.list>) => callAction(rosterContract, 'list', input),
  add: (input: InputOf<typeof rosterContract.actions.add>) => callAction(rosterContract, 'add', input),
  importFile: (fileID: string) => callAction(rosterContract, 'import', { fileID }),
  template: () => callAction(rosterContract, 'template', {}),
  setStatus: (input: InputOf<typeof rosterContract.actions.setStatus>) => callAction(rosterContract, 'setStatus', input),
}

export const enrolmentApi = {
  prepare: (input: InputOf<typeof enrolmentContract.actions.prepare>) => callAction(enrolmentContract, 'prepare', input),
  people: (input: InputOf<typeof enrolmentContract.actions.people>) => callAction(enrolmentContract, 'people', input),
  submit: (input: InputOf<typeof enrolmentContract.actions.submit>) => callAction(enrolmentContract, 'submit', input),
  addNewHires: (input: InputOf<typeof enrolmentContract.actions.addNewHires>) => callAction(enrolmentContract, 'addNewHires', input),
  replace: (input: InputOf<typeof enrolmentContract.actions.replace>) => callAction(enrolmentContract, 'replace', input),
  list: (input: InputOf<typeof enrolmentContract.actions.list>) => callAction(enrolmentContract, 'list', input),
  get: (input: InputOf<typeof enrolmentContract.actions.get>) => callAction(enrolmentContract, 'get', input),
  review: (input: InputOf<typeof enrolmentContract.actions.review>) => callAction(enrolmentContract, 'review', input),
  recordPayment: (input: InputOf<typeof enrolmentContract.actions.recordPayment>) => callAction(enrolmentContract, 'recordPayment', input),
  certificate: (input: InputOf<typeof enrolmentContract.actions.certificate>) => callAction(enrolmentContract, 'certificate', input),
  receiptUrl: (enrolmentId: string) => callAction(enrolmentContract, 'receiptUrl', { enrolmentId }),
  myCoverage: () => callAction(enrolmentContract, 'myCoverage', {}),
  /** The office's accounts units pay into (and whether they are still the demo ones). */
  paymentSettings: () => callAction(enrolmentContract, 'paymentSettings', {}),
  setPaymentSettings: (input: InputOf<typeof enrolmentContract.actions.setPaymentSettings>) => callAction(enrolmentContract, 'setPaymentSettings', input),
}

export const bindApi = {
  bindWorker: (input: InputOf<typeof authContract.actions.bindWorker>) => callAction(authContract, 'bindWorker', input),
  acceptInvite: (input: InputOf<typeof authContract.actions.acceptInvite>) => callAction(authContract, 'acceptInvite', input),
}

/** Rows per page of each list. */
export const PAGE_SIZE = { units: 20, roster: 20, declarations: 50, participants: 30, declarePeople: 30 } as const

/** The declaration page's lists: the roster, in service, newest hires first, this period's participants here. */
export type DeclarePeopleList = NonNullable<InputOf<typeof enrolmentContract.actions.people>['list']>

export const enrolmentPages = {
  units: (query?: string) => (cursor?: string) => unitsApi.list({ query, cursor, limit: PAGE_SIZE.units }),
  roster: (input: { unitId?: string; query?: string }) => (cursor?: string) => rosterApi.list({ ...input, cursor, limit: PAGE_SIZE.roster }),
  declarations: (status?: InputOf<typeof enrolmentContract.actions.list>['status']) => (cursor?: string) =>
    enrolmentApi.list({ status, cursor, limit: PAGE_SIZE.declarations }),
  /** The declaration page's people (never the whole roster on the phone). */
  people: (input: { year: number; list: DeclarePeopleList; query?: string }) => (cursor?: string) => enrolmentApi.people({ ...input, cursor, limit: PAGE_SIZE.declarePeople }),
  /** One declaration with its participants by pages (the list is `items`; the declaration beside it). */
  declaration: (enrolmentId: string, query?: string) => async (cursor?: string) => {
    const answer = await enrolmentApi.get({ enrolmentId, query, cursor, limit: PAGE_SIZE.participants })
    if (!answer.ok) return answer
    const { participants, ...rest } = answer.data
    return { ok: true as const, data: { ...rest, items: participants.items, total: participants.total, nextCursor: participants.nextCursor } }
  },
  /** A certificate with its participants by pages (a worker's own certificate has no list: no items). */
  certificate:
    (input: { unitId?: string; year?: number; mine?: boolean }) =>
    async (cursor?: string): Promise<Envelope<CertificatePage>> => {
      const answer = await enrolmentApi.certificate({ ...input, cursor, limit: PAGE_SIZE.participants })
      if (!answer.ok) return answer
      const c = answer.data
      const unit = c.kind === 'unit' ? c.participants : null
      return { ok: true, data: { certificate: c, items: unit ? unit.items : [], total: unit ? unit.total : 0, nextCursor: unit ? unit.nextCursor : null } }
    },
}

type UnitCertificate = Extract<CertificateView, { kind: 'unit' }>
/** A certificate read as a page of its participants. */
export type CertificatePage = { certificate: CertificateView; items: UnitCertificate['participants']['items']; total: number; nextCursor: string | null }
