/** Calls to the `fund` cloud function through its contract (@mutual-aid/contracts). */
import { fundContract, type InputOf } from '@mutual-aid/contracts'
import type { Family } from '@mutual-aid/shared-rules'
import { callAction } from '@/services/call-action'

type FundActions = typeof fundContract.actions

const fund = <K extends keyof FundActions & string>(action: K, input: InputOf<FundActions[K]>) => callAction(fundContract, action, input)

export interface ReportFilter {
  family: Family
  /** Omitted: the business date's year (the answer says which). */
  year?: number
  agentId?: string
  unitId?: string
}

export const fundApi = {
  report: (f: ReportFilter) => fund('report', f),
  exportReport: (f: ReportFilter) => fund('exportReport', f),
  payable: (filter: { family?: Family; agentId?: string }, cursor?: string) => fund('payable', { ...filter, cursor, limit: 50 }),
  createBatch: (requestId: string, claimIds: string[]) => fund('createBatch', { requestId, claimIds }),
  continueBatch: (batchId: string) => fund('continueBatch', { batchId }),
  cancelBatch: (batchId: string, version: number) => fund('cancelBatch', { batchId, version }),
  batches: (cursor?: string) => fund('batches', { cursor, limit: 20 }),
  batch: (batchId: string) => fund('batch', { batchId }),
  batchFile: (batchId: string) => fund('batchFile', { batchId }),
  markSent: (batchId: string, version: number) => fund('markSent', { batchId, version }),
  importResult: (batchId: string, fileID: string) => fund('importResult', { batchId, fileID }),
  continueResult: (batchId: string) => fund('continueResult', { batchId }),
}
