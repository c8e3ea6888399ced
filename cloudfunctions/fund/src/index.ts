import cloud from 'wx-server-sdk'
import { fundContract } from '@mutual-aid/contracts'
import { action, createMain, timer } from '@cloud-shared/create-main'
import { resumeOperations } from '@cloud-shared/operation'
import { reportInput } from '@mutual-aid/contracts'
import { audit } from '@cloud-shared/audit'
import { buildReport } from './report'
import { reportWorkbook, storeReport } from './report-export'
import { batch, batchFile, batches, cancelBatch, continueBatch, createBatch, markSent, payable } from './batches'
import { buildOperation, releaseOperation } from './batch-create'
import { continueResult, importResult } from './bank-result'

/** The office's and agents' report of the fund, by scheme, year, agent and unit (agents: their own units). */
const report = action({
  access: ['office', 'agent'],
  input: reportInput,
  async run(ctx, input) {
    return buildReport(ctx, input)
  },
})

/** The same figures as an Excel file, through a short link only this function hands out. */
const exportReport = action({
  access: ['office', 'agent'],
  input: reportInput,
  async run(ctx, input) {
    const figures = await buildReport(ctx, input)
    const stored = await storeReport(ctx, figures, await reportWorkbook(figures))
    await audit(ctx, { action: 'report.export', entity: 'report', entityId: `${figures.scope.family}-${figures.scope.year}`, after: { ...figures.scope, fileID: stored.fileID } })
    return stored
  },
})

/**
 * The `resume` timer finishes what cut-off calls left: batches still being built (their page may have been closed)
 * open by themselves, and cancelled ones give their claims back.
 */
const resume = timer({
  async run(ctx) {
    return resumeOperations(ctx, [buildOperation, releaseOperation])
  },
})

/**
 * The fund (基金, Art. 20–21): reports that reconcile with the ledger, and payouts of approved claims in bank batches
 * (create, send, import the bank's result) paid exactly once.
 */
export const main = createMain(fundContract, cloud, {
  report,
  exportReport,
  payable,
  createBatch,
  continueBatch,
  cancelBatch,
  batches,
  batch,
  batchFile,
  markSent,
  importResult,
  continueResult,
}, { timers: { resume } })
