import { parseResidentId } from '@mutual-aid/shared-rules'
import { action } from '@cloud-shared/create-main'
import type { PersonDoc } from '@cloud-shared/documents'
import { hashId } from '@cloud-shared/id-crypto'
import { rosterListSchema } from '@mutual-aid/contracts'
import { unitInScope } from '@cloud-shared/unit-scope'
import { escapeRegExp } from '@cloud-shared/escape-regexp'

/** The roster, searchable by name or full ID number, paged. IDs are masked (never the ciphertext). */
export const list = action({
  access: ['clerk', 'agent', 'office'],
  input: rosterListSchema,
  async run(ctx, input) {
    const unit = await unitInScope(ctx, input.unitId)
    const where: Record<string, unknown> = { unitId: unit._id }
    if (input.status) where.status = input.status
    if (input.query) {
      const asId = parseResidentId(input.query.toUpperCase())
      if (asId.ok) where.idHash = hashId(ctx.config.secrets, asId.id)
      else where.name = ctx.db.RegExp({ regexp: escapeRegExp(input.query), options: 'i' })
    }
    const coll = ctx.db.collection('people')
    const [count, inService, page] = await Promise.all([
      coll.where(where).count(),
      coll.where({ unitId: unit._id, status: 'in_service' }).count(),
      coll.where(where).orderBy('name', 'asc').orderBy('_id', 'asc').skip(input.skip).limit(input.limit).get(),
    ])
    return {
      today: ctx.clock.today(),
      unit: { _id: unit._id, name: unit.name, family: unit.family, staffReport: unit.staffReport ?? null },
      total: count.total as number,
      inService: inService.total as number,
      items: (page.data as PersonDoc[]).map((p) => ({
        _id: p._id,
        name: p.name,
        idMasked: p.idMasked,
        sex: p.sex,
        birthDate: p.birthDate,
        hireDate: p.hireDate,
        status: p.status,
        bound: Boolean(p.openid),
        version: p.version,
      })),
    }
  },
})
