import cloud from 'wx-server-sdk'
import { settlementsContract } from '@mutual-aid/contracts'
import { createMain, timer } from '@cloud-shared/create-main'
import { continueImport, importSettlements, purgeFiles, resumeImports, CALL_BUDGET_MS } from './import'
import { imports, rows } from './queries'
import { template } from './template'
import { expireAndRemind } from './expiry'
import { deliverPending } from '@cloud-shared/outbox'
import { queuedPushes, sendQueuedPushes } from '@cloud-shared/push-queue'
import { releaseOrphanedHeld } from '@cloud-shared/held-proposals'
import { loadSchemes } from '@cloud-shared/schemes'

/**
 * 免申即享: the medical-insurance bureau's inpatient settlements imported by the office (or an agent for its area),
 * matched to TZ participants by the keyed ID hash, assessed by the rules as a filed inpatient claim and proposed to the
 * participant, who only confirms (claims function `acceptProposal`). The timer tick finishes imports nobody continued,
 * releases held proposals whose claim filed by hand was rejected while
 * the import was deciding them, lapses proposals past the claims cutoff and reminds those close to it, and sends the
 * pushes of imported proposals still queued.
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
          // Notices a cut-off tick left in the outbox, then held proposals whose claim by hand was rejected meanwhile.
          const delivered = await deliverPending(ctx)
          const schemes = await loadSchemes(ctx.db)
          const released = await releaseOrphanedHeld(ctx, (id) => schemes.get(id))
          const proposals = await expireAndRemind(ctx, started, CALL_BUDGET_MS + 2_000)
          // The pushes of imported proposals (their inbox messages are written), while the tick's budget lasts.
          const pushed = await sendQueuedPushes(ctx, { max: Infinity, more: () => Date.now() - started < CALL_BUDGET_MS })
          return { importsDone, filesDeleted, delivered, released, ...proposals, pushed, pushesQueued: await queuedPushes(ctx) }
        },
      }),
    },
  },
)
