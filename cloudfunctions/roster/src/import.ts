import { action } from '@cloud-shared/create-main'
import { audit } from '@cloud-shared/audit'
import { findAll, insertMany } from '@cloud-shared/db'
import { AppError, isDuplicateKey } from '@cloud-shared/errors'
import { encryptId } from '@cloud-shared/id-crypto'
import { rosterImportSchema } from '@mutual-aid/contracts'
import { ownUnit } from '@cloud-shared/unit-scope'
import { readRosterFile } from './parse-file'
import { validateRows, type RowError } from './validate-rows'

/** At most this many row errors travel back (the clerk fixes them in the file and imports again). */
const MAX_ERRORS_SHOWN = 200

/**
 * Imports a roster file the clerk uploaded (xlsx or csv) in one call: every row is validated first; a file with any
 * error changes nothing and answers the errors by row number. People already on the roster (same ID) are updated
 * when their name, hire date or status changed, otherwise left alone; new people are inserted in batches.
 */
export const importRoster = action({
  access: ['clerk'],
  input: rosterImportSchema,
  async run(ctx, input) {
    const unit = await ownUnit(ctx)
    if (!input.fileID.includes(`roster-imports/${unit._id}/`)) throw new AppError('INVALID_INPUT', '文件不属于本单位，请重新上传。')
    let buffer: Buffer
    try {
      buffer = (await ctx.cloud.downloadFile({ fileID: input.fileID })).fileContent as Buffer
    } catch {
      throw new AppError('BAD_FILE', '上传的文件已失效或不存在，请重新上传。')
    }
    const rows = await readRosterFile(buffer, input.fileID)
    if (!rows.length) throw new AppError('BAD_FILE', '文件中没有职工数据（第 2 行起填写）。')
    const { valid, errors } = validateRows(rows, ctx.clock.today(), ctx.config.secrets)
    if (errors.length) {
      return { imported: 0, updated: 0, unchanged: 0, rows: rows.length, errorCount: errors.length, errors: errors.slice(0, MAX_ERRORS_SHOWN) as RowError[] }
    }

    const existing = await findAll<{ _id: string; idHash: string; name: string; hireDate: string; status: string; version: number }>(
      ctx.db,
      'people',
      { unitId: unit._id },
      200_000,
    )
    const byHash = new Map(existing.map((p) => [p.idHash, p]))
    const now = ctx.clock.now()
    const inserts: object[] = []
    const updates: { id: string; version: number; patch: Record<string, unknown>; before: Record<string, unknown> }[] = []
    let unchanged = 0
    for (const r of valid) {
      const current = byHash.get(r.idHash)
      if (!current) {
        inserts.push({
          unitId: unit._id,
          name: r.name,
          idHash: r.idHash,
          idCipher: encryptId(ctx.config.secrets, r.id),
          idMasked: r.idMasked,
          birthDate: r.birthDate,
          sex: r.sex,
          hireDate: r.hireDate,
          status: r.status,
          version: 1,
          createdAt: now,
          updatedAt: now,
        })
        continue
      }
      const patch: Record<string, unknown> = {}
      if (current.name !== r.name) patch.name = r.name
      if (current.hireDate !== r.hireDate) patch.hireDate = r.hireDate
      // A person marked as left comes back in service only when the file says so explicitly.
      if (current.status !== r.status) patch.status = r.status
      if (Object.keys(patch).length) {
        updates.push({ id: current._id, version: current.version, patch, before: Object.fromEntries(Object.keys(patch).map((k) => [k, (current as unknown as Record<string, unknown>)[k]])) })
      } else unchanged++
    }
    // insertMany throws unless every batch is written, so all `inserts` are in.
    try {
      await insertMany(ctx.db, 'people', inserts)
    } catch (err) {
      // Someone added the same person meanwhile (unique unitId + idHash). Importing again is safe: people already
      // on the roster are recognised and left alone.
      if (isDuplicateKey(err)) {
        throw new AppError('CONFLICT', '导入期间名册被他人修改（有人同时添加了相同的职工）。请刷新名册后重新导入该文件，已在名册中的人员不会重复添加。')
      }
      throw err
    }
    const _ = ctx.db.command
    // Version-checked: a person changed by someone else meanwhile is left as they are and reported.
    const skipped: string[] = []
    for (const u of updates) {
      const res = await ctx.db.collection('people').where({ _id: u.id, version: u.version }).update({ data: { ...u.patch, version: _.inc(1), updatedAt: now } })
      if (res.stats.updated !== 1) skipped.push(u.id)
    }
    await audit(ctx, {
      action: 'roster.import',
      entity: 'units',
      entityId: unit._id,
      after: { fileID: input.fileID, rows: rows.length, inserted: inserts.length, updated: updates.filter((u) => !skipped.includes(u.id)).map((u) => ({ id: u.id, before: u.before, after: u.patch })), unchanged },
    })
    return {
      imported: inserts.length,
      updated: updates.length - skipped.length,
      unchanged,
      conflicts: skipped.length,
      rows: rows.length,
      errorCount: 0,
      errors: [] as RowError[],
    }
  },
})
