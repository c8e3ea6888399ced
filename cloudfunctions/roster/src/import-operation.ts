import type { HandlerContext } from '@cloud-shared/context'
import { audit } from '@cloud-shared/audit'
import { AppError, isDuplicateKey } from '@cloud-shared/errors'
import { sha256Hex } from '@cloud-shared/files'
import { encryptId } from '@cloud-shared/id-crypto'
import { nameKeyOf } from '@cloud-shared/name-key'
import { asStarter, derivedId, finishInTx, type OperationDoc, type OperationKind } from '@cloud-shared/operation'
import { runInTransaction } from '@cloud-shared/transaction'
import { bumpRosterInTx } from '@cloud-shared/roster-revision'
import type { SdkHandle } from '@cloud-shared/sdk'
import type { ImportResult } from '@mutual-aid/contracts'
import { readRosterFile } from './parse-file'
import { validateRows, type ValidRow } from './validate-rows'

/** People inserted per request, and changes applied per step. */
export const INSERT_CHUNK = 500
export const UPDATE_CHUNK = 200

/**
 * What an import decided when it started, compactly: which valid rows are new people and which change someone on the
 * roster (by the version seen then). The rows themselves are read again from the file, checked by its hash, so the
 * operation document stays small for a file of 50,000 rows.
 */
export interface ImportParams {
  unitId: string
  fileID: string
  sha256: string
  rows: number
  /** Indexes (into the file's valid rows) of people to add. */
  inserts: number[]
  updates: { id: string; version: number; patch: Record<string, unknown>; before: Record<string, unknown> }[]
  unchanged: number
}

/** The tag an import leaves on the people it added or changed: the counts at the end are read back by it. */
const tagOf = (op: OperationDoc<ImportParams>) => `${op._id}:${op.generation}`

/** Reads and validates the file again, refusing it if its content changed since the import started. */
export async function validRowsOf(ctx: HandlerContext, fileID: string, sha256?: string): Promise<{ buffer: Buffer; rows: number; valid: ValidRow[]; errors: ReturnType<typeof validateRows>['errors'] }> {
  let buffer: Buffer
  try {
    buffer = (await ctx.cloud.downloadFile({ fileID })).fileContent as Buffer
  } catch {
    throw new AppError('BAD_FILE', '上传的文件已失效或不存在，请重新上传。')
  }
  if (sha256 && sha256Hex(buffer) !== sha256) throw new AppError('BAD_FILE', '导入期间名册文件被替换，请重新上传后再导入。')
  const raw = await readRosterFile(buffer, fileID)
  const { valid, errors } = validateRows(raw, ctx.clock.today(), ctx.config.secrets)
  return { buffer, rows: raw.length, valid, errors }
}

/**
 * A roster import as an operation: add the new people in chunks under ids derived from the import (a repeated chunk
 * adds only who is missing), apply the changes version-checked and tagged (a repeated change finds its tag and is not
 * counted twice), then record the audit entry and the answer in one transaction.
 */
export const importOperation: OperationKind<ImportParams> = {
  kind: 'roster.import',
  steps: [
    {
      name: 'add new people',
      async run(ctx, op) {
        const p = op.params
        const from = typeof op.cursor === 'number' ? op.cursor : 0
        const chunk = p.inserts.slice(from, from + INSERT_CHUNK)
        if (chunk.length) {
          const { valid } = await validRowsOf(ctx, p.fileID, p.sha256)
          await insertPeople(ctx, op, chunk.map((i) => valid[i]))
        }
        const to = from + chunk.length
        return to >= p.inserts.length ? { next: true, done: to, work: chunk.length } : { cursor: to, done: to, work: chunk.length }
      },
    },
    {
      name: 'apply changes',
      async run(ctx, op) {
        const p = op.params
        const _ = ctx.db.command
        const from = typeof op.cursor === 'number' ? op.cursor : 0
        const chunk = p.updates.slice(from, from + UPDATE_CHUNK)
        // Version-checked: a person changed by someone else meanwhile is left as they are (and reported). A new name
        // takes its sort key in the same update.
        for (const u of chunk) {
          const key = typeof u.patch.name === 'string' ? { nameKey: nameKeyOf(u.patch.name) } : {}
          await ctx.db.collection('people').where({ _id: u.id, version: u.version }).update({ data: { ...u.patch, ...key, importedBy: tagOf(op), version: _.inc(1), updatedAt: ctx.clock.now() } })
        }
        const to = from + chunk.length
        const done = p.inserts.length + to
        return to >= p.updates.length ? { next: true, done, work: chunk.length } : { cursor: to, done, work: chunk.length }
      },
    },
    {
      name: 'record',
      async run(ctx, op) {
        const p = op.params
        const _ = ctx.db.command
        const tag = tagOf(op)
        const imported = (await ctx.db.collection('people').where({ unitId: p.unitId, importedBy: tag, version: 1 }).count()).total as number
        // The changes this import made are the people carrying its tag (a change refused by its version has none).
        const changedIds = p.updates.map((u) => u.id)
        const changed = new Set<string>()
        for (let i = 0; i < changedIds.length; i += 1000) {
          const got = (await ctx.db.collection('people').where({ _id: _.in(changedIds.slice(i, i + 1000)), importedBy: tag }).field({ _id: true }).limit(1000).get()).data as { _id: string }[]
          for (const g of got) changed.add(g._id)
        }
        const updated = changed.size
        const result: ImportResult = { imported, updated, unchanged: p.unchanged, conflicts: p.updates.length - updated, rows: p.rows, errorCount: 0, errors: [] }
        await runInTransaction(ctx.db, async (tx: SdkHandle) => {
          if (!(await finishInTx(ctx, tx, op, result))) return
          await bumpRosterInTx(ctx, tx, p.unitId)
          await audit(asStarter(ctx, op), {
            action: 'roster.import',
            entity: 'units',
            entityId: p.unitId,
            after: { fileID: p.fileID, rows: p.rows, inserted: imported, updated: p.updates.filter((u) => changed.has(u.id)).map((u) => ({ id: u.id, before: u.before, after: u.patch })), unchanged: p.unchanged },
            once: tag,
          }, tx)
        })
        return 'advanced'
      },
    },
  ],
}

/** Adds the chunk's people not yet on the roster (ids derived from the import: a repeat writes nobody twice). */
async function insertPeople(ctx: HandlerContext, op: OperationDoc<ImportParams>, rows: ValidRow[]): Promise<void> {
  const _ = ctx.db.command
  const p = op.params
  const idOf = (r: ValidRow) => derivedId('person', op._id, op.generation, r.idHash)
  const ids = rows.map(idOf)
  const there = new Set(((await ctx.db.collection('people').where({ _id: _.in(ids) }).field({ _id: true }).limit(ids.length).get()).data as { _id: string }[]).map((d) => d._id))
  let missing = rows.filter((r) => !there.has(idOf(r)))
  const now = ctx.clock.now()
  const docOf = (r: ValidRow) => ({
    _id: idOf(r),
    unitId: p.unitId,
    name: r.name,
    nameKey: nameKeyOf(r.name),
    idHash: r.idHash,
    idCipher: encryptId(ctx.config.secrets, r.id),
    idMasked: r.idMasked,
    birthDate: r.birthDate,
    sex: r.sex,
    hireDate: r.hireDate,
    status: r.status,
    importedBy: tagOf(op),
    version: 1,
    createdAt: now,
    updatedAt: now,
  })
  if (!missing.length) return
  try {
    await ctx.db.collection('people').add({ data: missing.map(docOf) })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    // Someone added one of these people meanwhile (unique unitId + idHash), or another driver of this import did:
    // whoever is on the roster now stays; the rest are added.
    const held = new Set(((await ctx.db.collection('people').where({ unitId: p.unitId, idHash: _.in(missing.map((r) => r.idHash)) }).field({ idHash: true }).limit(missing.length).get()).data as { idHash: string }[]).map((d) => d.idHash))
    missing = missing.filter((r) => !held.has(r.idHash))
    if (missing.length) await ctx.db.collection('people').add({ data: missing.map(docOf) })
  }
}
