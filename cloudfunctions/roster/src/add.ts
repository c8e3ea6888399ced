import { maskResidentId, parseResidentId } from '@mutual-aid/shared-rules'
import { action } from '@cloud-shared/create-main'
import { audit } from '@cloud-shared/audit'
import { AppError } from '@cloud-shared/errors'
import { encryptId, hashId } from '@cloud-shared/id-crypto'
import { nameKeyOf } from '@cloud-shared/name-key'
import { rosterAddSchema } from '@mutual-aid/contracts'
import { ownUnit } from '@cloud-shared/unit-scope'
import { adjustRosterCountsInTx, cellsOf, countedYears } from '@cloud-shared/roster-counts'
import { runInTransaction } from '@cloud-shared/transaction'
import type { SdkHandle } from '@cloud-shared/sdk'

/** The clerk adds one person to the roster (birth date and sex come from the ID number). */
export const add = action({
  access: ['clerk'],
  input: rosterAddSchema,
  async run(ctx, input) {
    const unit = await ownUnit(ctx)
    const parsed = parseResidentId(input.idNumber)
    if (!parsed.ok) throw new AppError('INVALID_ID', parsed.message)
    if (input.hireDate > ctx.clock.today()) throw new AppError('INVALID_INPUT', '入职日期不能晚于今天。')
    if (input.hireDate < parsed.birthDate) throw new AppError('INVALID_INPUT', '入职日期早于出生日期，请核对。')
    const idHash = hashId(ctx.config.secrets, parsed.id)
    const dup = await ctx.db.collection('people').where({ unitId: unit._id, idHash }).limit(1).get()
    if (dup.data.length) throw new AppError('DUPLICATE_PERSON', `该身份证号码已在本单位名册中（${dup.data[0].name}），无需重复添加。`)
    const now = ctx.clock.now()
    const doc = {
      unitId: unit._id,
      name: input.name,
      nameKey: nameKeyOf(input.name),
      idHash,
      idCipher: encryptId(ctx.config.secrets, parsed.id),
      idMasked: maskResidentId(parsed.id),
      birthDate: parsed.birthDate,
      sex: parsed.sex,
      hireDate: input.hireDate,
      status: input.status,
      version: 1,
      createdAt: now,
      updatedAt: now,
    }
    // Where the person counts on the declaration screen of each period the unit can declare (their participations read
    // first: one written meanwhile marks the kept figures stale after it, markStandingsChanged).
    const years = countedYears(ctx.clock.today())
    const cells = doc.status === 'in_service' ? await Promise.all(years.map((y) => cellsOf(ctx, unit._id, unit.family, y, [doc]).then((c) => c[0]))) : null
    // The person, the roster's new revision and its kept figures together (a declaration prepared before is then
    // refused, not widened).
    const personId = await runInTransaction(ctx.db, async (tx: SdkHandle) => {
      const res = await tx.collection('people').add({ data: doc })
      await adjustRosterCountsInTx(ctx, tx, unit._id, cells ? years.map((year, i) => ({ year, from: null, to: cells[i] })) : [])
      return res._id as string
    })
    const { idCipher: _secret, ...visible } = doc
    await audit(ctx, { action: 'roster.add', entity: 'people', entityId: personId, after: visible })
    return { personId, idMasked: doc.idMasked, birthDate: doc.birthDate, sex: doc.sex }
  },
})
