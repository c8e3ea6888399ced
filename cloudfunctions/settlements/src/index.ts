import cloud from 'wx-server-sdk'
import { settlementsContract } from '@mutual-aid/contracts'
import { createMain, timer } from '@cloud-shared/create-main'
import { continueImport, importSettlements, purgeFiles, resumeImports, CALL_BUDGET_MS } from './import'
import { imports, rows } from './queries'
import { template } from './template'
import { expireAndRemind } from './expiry'

/**
 * 免申即享: the medical-insurance bureau's inpatient settlements imported by the office (or an agent for its area),
 * matched to TZ participants by the keyed ID hash, assessed by the rules as a filed inpatient claim and proposed to the
 * participant, who only confirms (claims function `acceptProposal`). The timer tick finishes imports nobody continued,
 * lapses proposals past the claims cutoff and reminds those close to it.
 */
export const main = createMain(
  settlementsContract,
  cloud,
  { template, import: importSettlements, continue: continueImport, imports, rows },
  {
    timers: {
      tick: timer({
        async run(ctx) {
          const started = Date.now()
          const importsDone = await resumeImports(ctx, started)
          const filesDeleted = await purgeFiles(ctx)
          const proposals = await expireAndRemind(ctx, started, CALL_BUDGET_MS + 2_000)
          return { importsDone, filesDeleted, ...proposals }
        },
      }),
    },
  },
)
