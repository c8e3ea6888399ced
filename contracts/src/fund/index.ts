/** The `fund` function: reports of the fund by scheme, year, agent and unit, and payouts in bank batches. */
import { defineFunction } from '../action'
import { batchListInput, batchRefInput, batchVersionedInput, createBatchInput, importResultInput, payableInput, reportInput } from './requests'
import {
  batchDetailSchema,
  batchFileSchema,
  batchSummarySchema,
  fundReportSchema,
  importProgressSchema,
  payablePageSchema,
  reportExportSchema,
} from './responses'
import { cursorPageOf } from '../common'

export * from './requests'
export * from './responses'
export * from './bank-file'

export const fundContract = defineFunction('fund', {
  report: { input: reportInput, output: fundReportSchema },
  exportReport: { input: reportInput, output: reportExportSchema },
  payable: { input: payableInput, output: payablePageSchema },
  createBatch: { input: createBatchInput, output: batchDetailSchema },
  continueBatch: { input: batchRefInput, output: batchDetailSchema },
  cancelBatch: { input: batchVersionedInput, output: batchDetailSchema },
  batches: { input: batchListInput, output: cursorPageOf(batchSummarySchema) },
  batch: { input: batchRefInput, output: batchDetailSchema },
  batchFile: { input: batchRefInput, output: batchFileSchema },
  markSent: { input: batchVersionedInput, output: batchDetailSchema },
  importResult: { input: importResultInput, output: importProgressSchema },
  continueResult: { input: batchRefInput, output: importProgressSchema },
})
