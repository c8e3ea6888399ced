/** Calls to the `settlements` cloud function through its contract (@mutual-aid/contracts). */
import { settlementsContract, type SettlementState } from '@mutual-aid/contracts'
import { callAction } from '@/services/call-action'

export const settlementsApi = {
  template: () => callAction(settlementsContract, 'template', {}),
  importFile: (fileID: string) => callAction(settlementsContract, 'import', { fileID }),
  continueImport: (importId: string) => callAction(settlementsContract, 'continue', { importId }),
  imports: () => callAction(settlementsContract, 'imports', {}),
  /** One page of an import's rows (cursor = the last row number shown), for `usePagedLoad`. */
  rows: (importId: string, state?: SettlementState) => (cursor?: string) => callAction(settlementsContract, 'rows', { importId, state, cursor: cursor ?? null, limit: 50 }),
}
