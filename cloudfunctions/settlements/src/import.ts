import { createHash } from 'node:crypto'
import { settlementContinueInput, settlementImportInput, type SettlementImport } from '@mutual-aid/contracts'
import { action } from '@cloud-shared/create-main'
import { audit } from '@cloud-shared/audit'
import type { HandlerContext } from '@cloud-shared/context'
import { findAll, findById } from '@cloud-shared/db'
import { AppError, forbidden, isDuplicateKey, notFound } from '@cloud-shared/errors'
import { readSettlementFile } from './read-file'
import { validateRows, type RowError, type ValidRow } from './validate'
import type { ImportDoc } from './model'
import { processChunk } from './process'
import { inPool } from './pool'
import { sendQueuedPushes } from '@cloud-shared/push-queue'

/**
 * Rows decided together, kept together as one staged batch by the first call (one batch read, one settlements insert,
 * one participations read, one stays insert and an update per 100 participations and version, claims inserts of 200,
 * one notices insert, one pushes insert, one reservation of claim numbers): nothing is written per row.
 */
export const CHUNK_ROWS = 500
/**
 * A call starts another chunk only if it would end within this many ms at the pace of the slowest chunk seen: the
 * function's time limit is 20 s (config.json), and a bench call under heavy load ended at 18.6 s with a budget of 14 s,
 * so the budget leaves 8 s for a chunk slower than any before. Then it answers `running`; the page calls `continue`,
 * and the timer finishes an import nobody continued.
 */
export const CALL_BUDGET_MS = 12_000

/**
 * How long a full chunk (CHUNK_ROWS rows) took at most on this instance, recently (ms): what the next one is expected
 * to take, in proportion to its rows (a file's last chunk, or a small file, is quick). A cold instance starts from what
 * a loaded machine measured; the figure follows a slower chunk at once and a faster one slowly, and learns only from
 * chunks big enough for their rows to outweigh a chunk's fixed reads. Kept in memory only: timings differ from run to
 * run and must not change any document.
 */
let chunkMs = 6_000
const expectedMs = (rows: number) => Math.max(500, (chunkMs * rows) / CHUNK_ROWS)

/** The work one call does: chunks while they fit in the call's budget (at least one, so every call moves on). */
export class CallBudget {
  private units: number
  /** `progressed`: the call already did a chunk's worth (the first call read the file), so none is owed to it. */
  constructor(readonly started: number, progressed = false) {
    this.units = progressed ? 1 : 0
  }
  fits(rows: number): boolean {
    return this.units === 0 || Date.now() - this.started + expectedMs(rows) <= CALL_BUDGET_MS
  }
  async run<T>(rows: number, work: () => Promise<T>): Promise<T> {
    const t = Date.now()
    const result = await work()
    this.units++
    const ms = Date.now() - t
    chunkMs = Math.max(rows >= CHUNK_ROWS / 4 ? (ms * CHUNK_ROWS) / rows : 0, Math.round(chunkMs * 0.8))
    return result
  }
}

/**
 * One staged batch: the valid rows of chunk `n` (`n × CHUNK_ROWS …` of the file), checked and keyed, never the clear
 * ID. The rows are kept as one JSON string: nothing queries inside them, and documents travel as canonical EJSON,
 * which spells out every number and key of 20,000 rows — 10 s of the first call's 20 at load 15 — where one string is
 * a tenth of that. (An array: a batch staged before they were strings.)
 */
interface StagedBatch {
  _id: string
  importId: string
  n: number
  rows: string | ValidRow[]
}

const batchIdOf = (importId: string, n: number) => `${importId}:${n}`
const MAX_ERRORS_SHOWN = 200

const EMPTY_COUNTS = { proposed: 0, held: 0, unmatched: 0, notQualifying: 0, duplicate: 0 }

/** Only the office, or the agent who imported it, sees an import. */
export function assertCanSeeImport(ctx: HandlerContext, imp: ImportDoc): void {
  if (ctx.caller.roles.includes('office')) return
  if (imp.importedBy.openid === ctx.caller.openid) return
  throw forbidden('这份医保结算数据不是您导入的，无权查看。')
}

export function importView(imp: ImportDoc, again = false): SettlementImport {
  const processedChunks = Math.min(imp.nextChunk, imp.chunks)
  return {
    importId: imp._id,
    status: imp.status,
    again,
    fileName: imp.fileName,
    rows: imp.rows,
    processed: imp.status === 'done' ? imp.rows : Math.min(imp.rows, processedChunks * CHUNK_ROWS),
    counts: imp.counts ?? { ...EMPTY_COUNTS, duplicate: imp.duplicateCount },
    errorCount: 0,
    errors: [],
    importedOn: imp.importedOn,
  }
}

async function countState(ctx: HandlerContext, importId: string, state: string): Promise<number> {
  return (await ctx.db.collection('settlements').where({ importId, state }).count()).total
}

/** The import is finished: its counts, and the outcome audited. (The uploaded file goes at the next tick: `purgeFiles`.) */
async function finish(ctx: HandlerContext, imp: ImportDoc): Promise<void> {
  const [proposed, held, unmatched, notQualifying] = await Promise.all(
    ['proposed', 'held', 'unmatched', 'not_qualifying'].map((s) => countState(ctx, imp._id, s)),
  )
  const counts = { proposed, held, unmatched, notQualifying, duplicate: imp.duplicateCount }
  // Every row is stored: the staged batches are not needed any more.
  await ctx.db.collection('settlementBatches').where({ importId: imp._id }).remove()
  // The record first (once): a call cut off after it finishes the import again; one cut off after `done` would not.
  await audit(ctx, { action: 'settlement.import.done', entity: 'settlementImport', entityId: imp._id, after: { rows: imp.rows, ...counts }, once: `settlement.import.done:${imp._id}` })
  await ctx.db.collection('settlementImports').where({ _id: imp._id }).update({
    data: { status: 'done', counts: ctx.db.command.set(counts), updatedAt: ctx.clock.now() },
  })
  Object.assign(imp, { status: 'done', counts })
}

/**
 * Deletes the uploaded files of finished imports: they hold clear ID numbers and are needed only until every row is
 * stored (keyed hash and masked form only). Until then the storage rule lets no client read them. Done by the timer
 * rather than at the end of the import, so that a retry of a cut-off import always finds its file.
 */
export async function purgeFiles(ctx: HandlerContext): Promise<number> {
  const done = await findAll<ImportDoc>(ctx.db, 'settlementImports', { status: 'done', fileDeleted: false }, 1000)
  for (let i = 0; i < done.length; i += 50) {
    const batch = done.slice(i, i + 50)
    // At most 50 files per call (CloudBase); a file already gone counts as deleted.
    await ctx.cloud.deleteFile({ fileList: batch.map((imp) => imp.fileID) })
    await ctx.db.collection('settlementImports').where({ _id: ctx.db.command.in(batch.map((imp) => imp._id)) }).update({ data: { fileDeleted: true, updatedAt: ctx.clock.now() } })
    for (const imp of batch) await audit(ctx, { action: 'settlement.file.delete', entity: 'settlementImport', entityId: imp._id, after: { fileID: imp.fileID }, once: `settlement.file.delete:${imp._id}` })
  }
  return done.length
}

/** The valid rows of staged batch `n`, as the first call checked them (the file is not read again). */
async function stagedRows(ctx: HandlerContext, imp: ImportDoc, n: number): Promise<ValidRow[]> {
  const batch = await findById<StagedBatch>(ctx.db, 'settlementBatches', batchIdOf(imp._id, n))
  if (!batch) throw new Error(`staged batch ${n} of ${imp._id} is missing`)
  return typeof batch.rows === 'string' ? (JSON.parse(batch.rows) as ValidRow[]) : batch.rows
}

/**
 * Keeps the checked rows of a new import in batches of CHUNK_ROWS, before the import exists: each chunk is decided
 * from its batch without reading the file again. Written under fixed ids, so a call cut off here writes them again.
 */
async function keepBatches(ctx: HandlerContext, importId: string, valid: ValidRow[]): Promise<void> {
  const ns = Array.from({ length: Math.ceil(valid.length / CHUNK_ROWS) }, (_, n) => n)
  await inPool(ns, 4, (n) =>
    ctx.db
      .collection('settlementBatches')
      .doc(batchIdOf(importId, n))
      .set({ data: { importId, n, rows: JSON.stringify(valid.slice(n * CHUNK_ROWS, (n + 1) * CHUNK_ROWS)) } satisfies Omit<StagedBatch, '_id'> }),
  )
}

/**
 * Moves an import on until it is done or this call's budget is spent (`CallBudget`); answers where it stands. `valid`:
 * the rows the first call has just read, so its own batches need not be read back.
 */
export async function drive(ctx: HandlerContext, imp: ImportDoc, budget: CallBudget, valid?: ValidRow[]): Promise<ImportDoc> {
  // On record once, whichever call (first or a retry after a crash) starts on the rows.
  if (imp.nextChunk === 0) await audit(ctx, { action: 'settlement.import', entity: 'settlementImport', entityId: imp._id, after: { fileID: imp.fileID, rows: imp.rows }, once: `settlement.import:${imp._id}` })
  while (imp.status === 'running' && imp.nextChunk < imp.chunks) {
    const k = imp.nextChunk
    const rows = Math.min(CHUNK_ROWS, imp.rows - k * CHUNK_ROWS)
    if (!budget.fits(rows)) return imp
    await budget.run(rows, async () => processChunk(ctx, imp, k, valid ? valid.slice(k * CHUNK_ROWS, (k + 1) * CHUNK_ROWS) : await stagedRows(ctx, imp, k)))
  }
  if (imp.status === 'running') {
    await finish(ctx, imp)
    // A small import's people get their pushes at once; a city's month leaves them to the timer, so that the office's
    // answer waits for database work only.
    await sendQueuedPushes(ctx, { max: PUSHES_AT_END, more: () => true })
  }
  return imp
}

/** Queued pushes the call that finishes an import sends itself (the rest: the timer, `sendQueuedPushes`). */
const PUSHES_AT_END = 100

async function download(ctx: HandlerContext, fileID: string): Promise<Buffer> {
  try {
    return (await ctx.cloud.downloadFile({ fileID })).fileContent as Buffer
  } catch {
    throw new AppError('BAD_FILE', '上传的文件已失效或不存在，请重新上传。')
  }
}

async function readAndValidate(ctx: HandlerContext, fileID: string, buffer: Buffer) {
  const rows = await readSettlementFile(buffer, fileID)
  if (!rows.length) throw new AppError('BAD_FILE', '文件中没有结算数据（第 2 行起填写）。')
  const checked = validateRows(rows, ctx.clock.today(), ctx.config.secrets)
  // Reading and checking 20,000 rows holds the event loop for seconds: let the sockets the server closed meanwhile
  // (keep-alive) be seen as closed before the next database request, which would otherwise go out on one of them.
  await new Promise((resolve) => setImmediate(resolve))
  return { rows, ...checked }
}

/** The importer's scope: the office imports for everyone, an agent for the participants of its units. */
function importer(ctx: HandlerContext): ImportDoc['importedBy'] {
  const { roles, user, openid } = ctx.caller
  if (roles.includes('office')) return { openid, role: 'office', agentId: null, name: user?.name ?? '' }
  if (roles.includes('agent') && user?.agentId) return { openid, role: 'agent', agentId: user.agentId, name: user.name ?? '' }
  throw forbidden('只有互助办或代理单位可以导入医保结算数据。')
}

/**
 * Imports the bureau's inpatient settlement export (xlsx or csv) the office or an agent uploaded. Every row is
 * validated first: a file with any error changes nothing and answers the errors by row number. The same file again
 * (same content) answers its import; a serial imported before is a duplicate. Bounded work per call: the answer says
 * `running` until every chunk is done — call again (or `continue`); the timer finishes an import nobody continues.
 */
export const importSettlements = action({
  access: ['office', 'agent'],
  input: settlementImportInput,
  async run(ctx, { fileID }) {
    const started = Date.now()
    const by = importer(ctx)
    if (!fileID.includes(`settlement-imports/${ctx.caller.openid}/`)) throw new AppError('INVALID_INPUT', '文件不是您上传的，请重新上传。')
    // This very upload imported before (a retry after the answer was lost; the file is deleted once done).
    const byFile = (await ctx.db.collection('settlementImports').where({ fileID }).limit(1).get()).data[0] as ImportDoc | undefined
    if (byFile) {
      assertCanSeeImport(ctx, byFile)
      return importView(await drive(ctx, byFile, new CallBudget(started)))
    }
    const buffer = await download(ctx, fileID)
    const importId = `imp-${createHash('sha256').update(buffer).digest('hex').slice(0, 40)}`
    const known = await findById<ImportDoc>(ctx.db, 'settlementImports', importId)
    if (known) {
      assertCanSeeImport(ctx, known)
      // A second upload of a file already imported: the copy holds clear ID numbers and is not needed.
      if (known.fileID !== fileID) await ctx.cloud.deleteFile({ fileList: [fileID] })
      return importView(await drive(ctx, known, new CallBudget(started)), known.fileID !== fileID)
    }
    const { rows, valid, errors } = await readAndValidate(ctx, fileID, buffer)
    if (errors.length) {
      await audit(ctx, { action: 'settlement.import.invalid', entity: 'settlementImport', entityId: importId, after: { fileID, rows: rows.length, errors: errors.length } })
      return {
        importId: null,
        status: 'invalid' as const,
        again: false,
        fileName: fileID.split('/').pop() ?? '',
        rows: rows.length,
        processed: 0,
        counts: EMPTY_COUNTS,
        errorCount: errors.length,
        errors: errors.slice(0, MAX_ERRORS_SHOWN) as RowError[],
        importedOn: null,
      }
    }
    await keepBatches(ctx, importId, valid)
    const now = ctx.clock.now()
    const imp: ImportDoc = {
      _id: importId,
      fileID,
      fileName: fileID.split('/').pop() ?? '',
      importedBy: by,
      status: 'running',
      rows: rows.length,
      chunks: Math.ceil(valid.length / CHUNK_ROWS),
      nextChunk: 0,
      blocks: {},
      duplicates: [],
      duplicateCount: 0,
      counts: null,
      importedOn: ctx.clock.today(),
      fileDeleted: false,
      createdAt: now,
      updatedAt: now,
    }
    try {
      await ctx.db.collection('settlementImports').add({ data: imp })
    } catch (err) {
      // The same file uploaded twice at once: the other call created the import; carry on with it.
      if (!isDuplicateKey(err)) throw err
      const other = await findById<ImportDoc>(ctx.db, 'settlementImports', importId)
      if (!other) throw err
      // It may have finished (and removed its batches) before this call wrote them again.
      if (other.status === 'done') await ctx.db.collection('settlementBatches').where({ importId }).remove()
      return importView(await drive(ctx, other, new CallBudget(started)), true)
    }
    return importView(await drive(ctx, imp, new CallBudget(started, true), valid))
  },
})

/** Continues an import that answered `running` (the page calls this until it is done). */
export const continueImport = action({
  access: ['office', 'agent'],
  input: settlementContinueInput,
  async run(ctx, { importId }) {
    const started = Date.now()
    const imp = await findById<ImportDoc>(ctx.db, 'settlementImports', importId)
    if (!imp) throw notFound('该导入记录')
    assertCanSeeImport(ctx, imp)
    return importView(await drive(ctx, imp, new CallBudget(started)))
  },
})

/** The timer's share: imports nobody continued (the page closed, a call cut off) are finished in the background. */
export async function resumeImports(ctx: HandlerContext, started: number): Promise<number> {
  const open = await findAll<ImportDoc>(ctx.db, 'settlementImports', { status: 'running' }, 1000)
  let done = 0
  // One budget for the tick: a second import starts only if its next unit still fits.
  const budget = new CallBudget(started)
  for (const imp of open) {
    if (Date.now() - started > CALL_BUDGET_MS) break
    await drive(ctx, imp, budget)
    if (imp.status === 'done') done++
  }
  return done
}
