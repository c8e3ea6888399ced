import { parseResidentId } from '@mutual-aid/shared-rules'
import { action } from '@cloud-shared/create-main'
import { audit } from '@cloud-shared/audit'
import type { HandlerContext, UserDoc } from '@cloud-shared/context'
import { findAll } from '@cloud-shared/db'
import type { PersonDoc as FullPersonDoc } from '@cloud-shared/documents'
import { AppError } from '@cloud-shared/errors'
import { hashId } from '@cloud-shared/id-crypto'
import { bindWorkerSchema } from '@mutual-aid/contracts'
import { beginAttempt } from '@cloud-shared/throttle'
import { cstClock } from '@cloud-shared/time'
import { runInTransaction } from '@cloud-shared/transaction'
import { txGet } from '@cloud-shared/tx'
import type { SdkHandle } from '@cloud-shared/sdk'

type PersonDoc = Pick<FullPersonDoc, '_id' | 'unitId' | 'name' | 'status' | 'openid' | 'updatedAt'>

const boundElsewhere = () => new AppError('BOUND_ELSEWHERE', '该职工信息已绑定其他微信账号。如需更换，请联系单位经办人。')

/**
 * Binds the caller to the person, all or nothing: the person's `openid` and the user's `personId` are written in one
 * transaction that first reads both. Two binds of one WeChat user (to two records) both write the user document, two
 * WeChat users binding one record both write the person: either way the second conflicts, is retried on a fresh
 * snapshot, and then sees the first one's binding — one person per user, one user per person.
 */
async function bindInTransaction(ctx: HandlerContext, person: PersonDoc): Promise<'bound' | 'already'> {
  const openid = ctx.caller.openid
  return runInTransaction(ctx.db, async (tx: SdkHandle) => {
    const [user, fresh] = await Promise.all([txGet<UserDoc>(tx, 'users', openid), txGet<PersonDoc>(tx, 'people', person._id)])
    if (!fresh) throw new AppError('NO_MATCH', '名册信息刚刚发生变化，请重新核对后再试。')
    if (user?.personId) {
      if (user.personId === person._id && fresh.openid === openid) return 'already'
      throw new AppError('ALREADY_BOUND', '您的微信已绑定职工身份，无需重复绑定。如需更换，请联系单位经办人。')
    }
    if (fresh.openid && fresh.openid !== openid) throw boundElsewhere()
    const now = ctx.clock.now()
    await tx.collection('people').doc(person._id).update({ data: { openid, updatedAt: now } })
    if (user) await tx.collection('users').doc(openid).update({ data: { personId: person._id, ...(user.name ? {} : { name: person.name }), updatedAt: now } })
    else await tx.collection('users').add({ data: { _id: openid, role: null, name: person.name, personId: person._id, createdAt: now, updatedAt: now } })
    await audit(ctx, { action: 'auth.bindWorker', entity: 'people', entityId: person._id, before: { openid: null }, after: { openid } }, tx)
    return 'bound'
  }, { busyMessage: '现在绑定的人较多，请稍等几秒后再试。' })
}

/**
 * A worker binds their WeChat to their roster record with name + resident ID. A wrong pair says only that it does
 * not match (never whose record exists); repeated failures lock binding for a while.
 */
export const bindWorker = action({
  access: 'signed-in',
  input: bindWorkerSchema,
  async run(ctx, input) {
    const attempt = await beginAttempt(ctx, `bind:${ctx.caller.openid}`)
    try {
      if (ctx.caller.user?.personId) throw new AppError('ALREADY_BOUND', '您的微信已绑定职工身份，无需重复绑定。如需更换，请联系单位经办人。')
      const parsed = parseResidentId(input.idNumber.toUpperCase())
      if (!parsed.ok) throw new AppError('INVALID_ID', '身份证号码格式不正确，请核对 18 位号码（末位可能是 X）。')
      const idHash = hashId(ctx.config.secrets, parsed.id)
      const people = await findAll<PersonDoc>(ctx.db, 'people', { idHash }, 1000)
      const matching = people.filter((p) => p.name.trim() === input.name.trim())
      if (!matching.length) {
        const { remaining, lockedUntil } = await attempt.missed()
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
      if (person.openid && person.openid !== ctx.caller.openid) throw boundElsewhere()
      await bindInTransaction(ctx, person)
      return { personId: person._id, name: person.name }
    } finally {
      // Anything but a miss (a match, a malformed number, a refusal after matching) was not a wrong guess.
      await attempt.release()
    }
  },
})
