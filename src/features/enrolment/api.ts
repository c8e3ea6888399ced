/**
 * Calls to the enrolment-side functions (`units`, `roster`, `enrolment`, `auth`) through their contracts
 * (@mutual-aid/contracts): the page sends what the function parses and reads answers parsed with the output schemas.
 */
import { authContract, enrolmentContract, rosterContract, unitsContract, type InputOf } from '@mutual-aid/contracts'
import { callAction } from '@/services/call-action'

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
}

export const bindApi = {
  bindWorker: (input: InputOf<typeof authContract.actions.bindWorker>) => callAction(authContract, 'bindWorker', input),
  acceptInvite: (input: InputOf<typeof authContract.actions.acceptInvite>) => callAction(authContract, 'acceptInvite', input),
}
