import { noInput, settlementRowsInput, type SettlementRow } from '@mutual-aid/contracts'
import { action } from '@cloud-shared/create-main'
import { audit } from '@cloud-shared/audit'
import { findAll, findById } from '@cloud-shared/db'
import { notFound } from '@cloud-shared/errors'
import type { ClaimDoc } from '@cloud-shared/claim-doc'
import { assertCanSeeImport, importView } from './import'
import type { ImportDoc, SettlementDoc } from './model'

/** The caller's imports, newest first (the office sees every import, an agent its own). */
export const imports = action({
  access: ['office', 'agent'],
  input: noInput,
  async run(ctx) {
    const where = ctx.caller.roles.includes('office') ? {} : { 'importedBy.openid': ctx.caller.openid }
    const res = await ctx.db.collection('settlementImports').where(where).orderBy('createdAt', 'desc').limit(50).get()
    return (res.data as ImportDoc[]).map((imp) => importView(imp))
  },
})

/**
 * An import's rows with what became of each (proposed with its claim and amount, held, unmatched or not qualifying
 * with the reason and article, duplicate), in file order, a page at a time. Only the importer and the office see
 * them — rows that did not qualify are never shown to anyone else — and every view is on record.
 */
export const rows = action({
  access: ['office', 'agent'],
  input: settlementRowsInput,
  async run(ctx, input) {
    const imp = await findById<ImportDoc>(ctx.db, 'settlementImports', input.importId)
    if (!imp) throw notFound('该导入记录')
    assertCanSeeImport(ctx, imp)
    await audit(ctx, { action: 'settlement.rows.view', entity: 'settlementImport', entityId: imp._id, after: { state: input.state ?? null, cursor: input.cursor ?? null } })
    const after = input.cursor ? Number(input.cursor) : 0
    const duplicateRow = (d: ImportDoc['duplicates'][number]): SettlementRow => ({
      row: d.row,
      serial: d.serial,
      name: d.name,
      idMasked: d.idMasked,
      hospitalName: '',
      admission: imp.importedOn,
      discharge: imp.importedOn,
      selfPayFen: 0,
      selfFundedFen: 0,
      state: 'duplicate',
      reasons: [{ code: 'DUPLICATE_SERIAL', message: d.reason, basis: null }],
      claimNo: null,
      amountFen: null,
    })
    // Duplicates are not stored as settlements (their serial is another row's): they are listed from the import.
    const duplicates = !input.state || input.state === 'duplicate' ? imp.duplicates.filter((d) => d.row > after).sort((a, b) => a.row - b.row) : []
    if (input.state === 'duplicate') {
      const page = duplicates.slice(0, input.limit)
      return {
        items: page.map(duplicateRow),
        nextCursor: duplicates.length > input.limit ? String(page[page.length - 1].row) : null,
        total: imp.duplicateCount,
      }
    }
    const _ = ctx.db.command
    const where = { importId: imp._id, ...(input.state ? { state: input.state } : {}) }
    const [res, count] = await Promise.all([
      ctx.db.collection('settlements').where({ ...where, row: _.gt(after) }).orderBy('row', 'asc').limit(input.limit + 1).get(),
      ctx.db.collection('settlements').where(where).count(),
    ])
    const stored = res.data as SettlementDoc[]
    // Stored rows and duplicates merged in file order, one page.
    const merged = [...stored.map((d) => ({ row: d.row, d })), ...duplicates.slice(0, input.limit + 1).map((dup) => ({ row: dup.row, dup }))].sort((a, b) => a.row - b.row)
    const page = merged.slice(0, input.limit)
    const more = merged.length > input.limit
    const docs = page.flatMap((m) => ('d' in m && m.d ? [m.d] : []))
    const claimIds = docs.map((d) => d.claimId).filter((id): id is string => !!id)
    const claims = claimIds.length ? await findAll<ClaimDoc>(ctx.db, 'claims', { _id: _.in(claimIds) }) : []
    const claimNo = new Map(claims.map((c) => [c._id, c.claimNo]))
    return {
      items: page.map((m) => ('dup' in m && m.dup ? duplicateRow(m.dup) : rowOf((m as { d: SettlementDoc }).d))),
      nextCursor: more ? String(page[page.length - 1].row) : null,
      total: count.total + (input.state ? 0 : imp.duplicateCount),
    }
    function rowOf(d: SettlementDoc): SettlementRow {
      return {
        row: d.row,
        serial: d.serial,
        name: d.name,
        idMasked: d.idMasked,
        hospitalName: d.hospitalName,
        admission: d.admission,
        discharge: d.discharge,
        selfPayFen: d.selfPayFen,
        selfFundedFen: d.selfFundedFen,
        state: d.state,
        reasons: d.reasons ?? [],
        claimNo: d.claimId ? claimNo.get(d.claimId) ?? null : null,
        amountFen: d.amountFen,
      }
    }
  },
})
