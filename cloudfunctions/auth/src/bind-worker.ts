import { parseResidentId } from '@mutual-aid/shared-rules'
import { action } from '@cloud-shared/create-main'
import { audit } from '@cloud-shared/audit'
import { findAll } from '@cloud-shared/db'
import type { PersonDoc as FullPersonDoc } from '@cloud-shared/documents'
import { AppError } from '@cloud-shared/errors'
import { hashId } from '@cloud-shared/id-crypto'
import { bindWorkerSchema } from '@mutual-aid/contracts'
import { assertNotThrottled, clearFailures, recordFailure } from '@cloud-shared/throttle'
import { cstClock } from '@cloud-shared/time'
import { upsertCaller } from './users'

type PersonDoc = Pick<FullPersonDoc, '_id' | 'unitId' | 'name' | 'status' | 'openid' | 'updatedAt'>

/**
 * A worker binds their WeChat to their roster record with name + resident ID. A wrong pair says only that it does
 * not match (never whose record exists); repeated failures lock binding for a while.
 */
export const bindWorker = action({
  access: 'signed-in',
  input: bindWorkerSchema,
  async run(ctx, input) {
    const key = `bind:${ctx.caller.openid}`
    await assertNotThrottled(ctx, key)
    if (ctx.caller.user?.personId) throw new AppError('ALREADY_BOUND', '您的微信已绑定职工身份，无需重复绑定。如需更换，请联系单位经办人。')
    const parsed = parseResidentId(input.idNumber.toUpperCase())
    if (!parsed.ok) throw new AppError('INVALID_ID', '身份证号码格式不正确，请核对 18 位号码（末位可能是 X）。')
    const idHash = hashId(ctx.config.secrets, parsed.id)
    const people = await findAll<PersonDoc>(ctx.db, 'people', { idHash }, 1000)
    const matching = people.filter((p) => p.name.trim() === input.name.trim())
    if (!matching.length) {
      const { remaining, lockedUntil } = await recordFailure(ctx, key)
      await audit(ctx, { action: 'auth.bindWorker.failed', entity: 'users', entityId: ctx.caller.openid, note: `remaining ${remaining}` })
      throw new AppError(
        'NO_MATCH',
        lockedUntil
          ? `姓名和身份证号码与名册不一致，失败次数过多，已暂停绑定，请于 ${cstClock(lockedUntil, ctx.clock.now())} 后再试。`
          : `姓名和身份证号码与单位名册不一致，请核对后重试（还可尝试 ${remaining} 次）。如确认无误，请联系单位经办人核对名册。`,
      )
    }
    // Prefer an in-service record, then the most recently updated one (a person who changed units).
    matching.sort((a, b) => Number(b.status === 'in_service') - Number(a.status === 'in_service') || +new Date(b.updatedAt) - +new Date(a.updatedAt))
    const person = matching[0]
    if (person.openid && person.openid !== ctx.caller.openid) {
      throw new AppError('BOUND_ELSEWHERE', '该职工信息已绑定其他微信账号。如需更换，请联系单位经办人。')
    }
    const res = await ctx.db.collection('people').where({ _id: person._id, openid: ctx.db.command.in([null, ctx.caller.openid]) }).update({ data: { openid: ctx.caller.openid } })
    if (res.stats.updated !== 1) {
      // Field missing (never bound) does not match `in [null]` on every engine: retry on the missing case.
      const res2 = await ctx.db.collection('people').where({ _id: person._id, openid: ctx.db.command.exists(false) }).update({ data: { openid: ctx.caller.openid } })
      if (res2.stats.updated !== 1) throw new AppError('BOUND_ELSEWHERE', '该职工信息已绑定其他微信账号。如需更换，请联系单位经办人。')
    }
    await upsertCaller(ctx, { personId: person._id, ...(ctx.caller.user?.name ? {} : { name: person.name }) })
    await clearFailures(ctx, key)
    await audit(ctx, { action: 'auth.bindWorker', entity: 'people', entityId: person._id, before: { openid: null }, after: { openid: ctx.caller.openid } })
    return { personId: person._id, name: person.name }
  },
})
