/** Calls to the `schemes` and `reminders` functions through their contracts (@mutual-aid/contracts). */
import { remindersContract, schemesContract, type InputOf } from '@mutual-aid/contracts'
import { callAction } from '@/services/call-action'

export const schemesApi = {
  list: () => callAction(schemesContract, 'list', {}),
  get: (schemeId: string) => callAction(schemesContract, 'get', { schemeId: schemeId as never }),
  announceFees: (input: InputOf<typeof schemesContract.actions.announceFees>) => callAction(schemesContract, 'announceFees', input),
  createDraft: (input: InputOf<typeof schemesContract.actions.createDraft>) => callAction(schemesContract, 'createDraft', input),
  getDraft: (draftId: string) => callAction(schemesContract, 'getDraft', { draftId }),
  saveDraft: (input: InputOf<typeof schemesContract.actions.saveDraft>) => callAction(schemesContract, 'saveDraft', input),
  preview: (draftId: string) => callAction(schemesContract, 'preview', { draftId }),
  publish: (draftId: string, version: number) => callAction(schemesContract, 'publish', { draftId, version }),
  discardDraft: (draftId: string, version: number) => callAction(schemesContract, 'discardDraft', { draftId, version }),
}

export const remindersApi = {
  recent: (limit = 30) => callAction(remindersContract, 'recent', { limit }),
}
