import { parseResidentId } from '@mutual-aid/shared-rules'
import { action } from '@cloud-shared/create-main'
import type { PersonDoc } from '@cloud-shared/documents'
import { hashId } from '@cloud-shared/id-crypto'
import { rosterListSchema } from '@mutual-aid/contracts'
import { unitInScope } from '@cloud-shared/unit-scope'
import { countWhere, keysetPage } from '@cloud-shared/keyset'
import { BY_NAME_KEY, namePrefixOf } from '@cloud-shared/name-key'

/**
 * The roster by name in pinyin order (name-key.ts), one page at a time, searchable by a full ID number or the beginning of a name (both served by
 * an index). IDs are masked (never the ciphertext).
 */
export const list = action({
  access: ['clerk', 'agent', 'office'],
  input: rosterListSchema,
  async run(ctx, input) {
    const unit = await unitInScope(ctx, input.unitId)
    let where: Record<string, unknown> = { unitId: unit._id }
    let also: Record<string, unknown>[] = []
    if (input.status) where.status = input.status
    if (input.query) {
      const asId = parseResidentId(input.query.toUpperCase())
      if (asId.ok) where.idHash = hashId(ctx.config.secrets, asId.id)
      else {
        const prefix = namePrefixOf(ctx.db, input.query)
        where = { ...where, ...prefix.where }
        also = prefix.also
      }
    }
    const [total, inService, page] = await Promise.all([
      countWhere(ctx.db, 'people', where, also),
      countWhere(ctx.db, 'people', { unitId: unit._id, status: 'in_service' }),
      keysetPage<PersonDoc>(ctx.db, 'people', where, BY_NAME_KEY, { cursor: input.cursor, limit: input.limit ?? 50, also }),
    ])
    return {
      today: ctx.clock.today(),
      unit: { _id: unit._id, name: unit.name, family: unit.family, staffReport: unit.staffReport ?? null },
      total,
      inService,
      nextCursor: page.nextCursor,
      items: page.docs.map((p) => ({
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
