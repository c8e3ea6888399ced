import { action } from '@cloud-shared/create-main'
import { findAll } from '@cloud-shared/db'
import { AppError } from '@cloud-shared/errors'
import { sha256Hex } from '@cloud-shared/files'
import { OPERATIONS, drive, loadOperation, operationIdOf, processing, startInTx, type OperationDoc } from '@cloud-shared/operation'
import { runInTransaction } from '@cloud-shared/transaction'
import { bumpRosterInTx } from '@cloud-shared/roster-revision'
import { txGet } from '@cloud-shared/tx'
import type { SdkHandle } from '@cloud-shared/sdk'
import { rosterImportSchema, type ImportResult, type Processing } from '@mutual-aid/contracts'
import { ownUnit } from '@cloud-shared/unit-scope'
import type { RowError } from './validate-rows'
import { importOperation, validRowsOf, type ImportParams } from './import-operation'

/** At most this many row errors travel back (the clerk fixes them in the file and imports again). */
const MAX_ERRORS_SHOWN = 200

/** The answer for the import's operation as it stands: done → its counts; else 处理中 (the app calls again). */
function answerOf(op: OperationDoc<ImportParams, ImportResult> | null): ImportResult | Processing {
  if (!op) throw new AppError('INTERNAL', '导入未能开始，请稍后重试。')
  if (op.status === 'done' && op.result) return op.result
  return processing(op, '名册导入')
}

/**
 * Imports a roster file the clerk uploaded (xlsx or csv): every row is validated first; a file with any error changes
 * nothing and answers the errors by row number. People already on the roster (same ID) are updated when their name,
 * hire date or status changed, otherwise left alone; new people are added. The writing is an operation
 * (import-operation.ts): a call cut off midway is finished by importing the same file again or by the timer, and a
 * large file continues over several calls, answering 处理中 until it is done.
 */
export const importRoster = action({
  access: ['clerk'],
  input: rosterImportSchema,
  async run(ctx, input) {
    const unit = await ownUnit(ctx)
    if (!input.fileID.includes(`roster-imports/${unit._id}/`)) throw new AppError('INVALID_INPUT', '文件不属于本单位，请重新上传。')
    const opId = operationIdOf('rosterImport', unit._id, input.fileID)
    const running = await loadOperation<ImportParams, ImportResult>(ctx.db, opId)
    // The same upload imported again (a retry after a time-out) resumes it, or answers what it did.
    if (running?.status === 'running') return answerOf(await drive(ctx, importOperation, opId))
    if (running?.status === 'done') return answerOf(running)

    const { buffer, rows, valid, errors } = await validRowsOf(ctx, input.fileID)
    if (!rows) throw new AppError('BAD_FILE', '文件中没有职工数据（第 2 行起填写）。')
    if (errors.length) {
      return { imported: 0, updated: 0, unchanged: 0, rows, errorCount: errors.length, errors: errors.slice(0, MAX_ERRORS_SHOWN) as RowError[] }
    }
    const existing = await findAll<{ _id: string; idHash: string; name: string; hireDate: string; status: string; version: number }>(ctx.db, 'people', { unitId: unit._id }, 200_000)
    const byHash = new Map(existing.map((p) => [p.idHash, p]))
    const inserts: number[] = []
    const updates: ImportParams['updates'] = []
    let unchanged = 0
    valid.forEach((r, i) => {
      const current = byHash.get(r.idHash)
      if (!current) {
        inserts.push(i)
        return
      }
      const patch: Record<string, unknown> = {}
      if (current.name !== r.name) patch.name = r.name
      if (current.hireDate !== r.hireDate) patch.hireDate = r.hireDate
      // A person marked as left comes back in service only when the file says so explicitly.
      if (current.status !== r.status) patch.status = r.status
      if (Object.keys(patch).length) {
        updates.push({ id: current._id, version: current.version, patch, before: Object.fromEntries(Object.keys(patch).map((k) => [k, (current as unknown as Record<string, unknown>)[k]])) })
      } else unchanged++
    })
    const params: ImportParams = { unitId: unit._id, fileID: input.fileID, sha256: sha256Hex(buffer), rows, inserts, updates, unchanged }
    const op = await runInTransaction(ctx.db, async (tx: SdkHandle) => {
      const current = await txGet<OperationDoc<ImportParams>>(tx, OPERATIONS, opId)
      if (current?.status === 'running' || current?.status === 'done') return current
      // The roster moves at the import's start and again at its end: a declaration prepared in between is refused.
      await bumpRosterInTx(ctx, tx, unit._id)
      return startInTx(ctx, tx, { id: opId, kind: importOperation.kind, total: inserts.length + updates.length, params, current })
    }, { busyMessage: '本单位正有人同时导入名册，请稍等几秒后刷新查看。' })
    return answerOf(await drive<ImportParams, ImportResult>(ctx, importOperation, op._id))
  },
})
