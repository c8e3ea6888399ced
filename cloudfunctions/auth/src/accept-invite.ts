import { action } from '@cloud-shared/create-main'
import { audit } from '@cloud-shared/audit'
import { findById } from '@cloud-shared/db'
import { AppError } from '@cloud-shared/errors'
import { acceptInviteSchema } from '@mutual-aid/contracts'
import { hashInviteCode } from '@cloud-shared/invite-code'
import { assertNotThrottled, clearFailures, recordFailure } from '@cloud-shared/throttle'
import { upsertCaller } from './users'

/** A signed-in WeChat user enters a clerk invitation code and becomes that unit's clerk. Codes work once. */
export const acceptInvite = action({
  access: 'signed-in',
  input: acceptInviteSchema,
  async run(ctx, input) {
    const key = `invite:${ctx.caller.openid}`
    await assertNotThrottled(ctx, key)
    const role = ctx.caller.user?.role
    if (role === 'office' || role === 'agent') throw new AppError('HAS_ROLE', '您的账号已是互助办或代理单位人员，不能再绑定为单位经办人。')
    const res = await ctx.db.collection('invites').where({ codeHash: hashInviteCode(input.code) }).limit(1).get()
    const invite = res.data[0]
    const today = ctx.clock.today()
    if (!invite || invite.usedBy || invite.expiresOn < today) {
      const { remaining } = await recordFailure(ctx, key)
      const why = !invite ? '邀请码不正确' : invite.usedBy ? '邀请码已被使用' : '邀请码已过期'
      throw new AppError('INVITE_INVALID', `${why}，请向代理单位或互助办重新获取（还可尝试 ${remaining} 次）。`)
    }
    if (role === 'clerk' && ctx.caller.user?.unitId && ctx.caller.user.unitId !== invite.unitId) {
      throw new AppError('HAS_ROLE', '您已是其他单位的经办人。如需变更，请联系互助办。')
    }
    const claimed = await ctx.db.collection('invites').where({ _id: invite._id, usedBy: null }).update({ data: { usedBy: ctx.caller.openid, usedAt: ctx.clock.now() } })
    if (claimed.stats.updated !== 1) throw new AppError('INVITE_INVALID', '邀请码已被使用，请向代理单位或互助办重新获取。')
    const unit = await findById<{ name: string }>(ctx.db, 'units', invite.unitId)
    const before = ctx.caller.user ? { role: ctx.caller.user.role, unitId: ctx.caller.user.unitId ?? null } : null
    await upsertCaller(ctx, { role: 'clerk', unitId: invite.unitId, ...(input.name ? { name: input.name } : {}) })
    await clearFailures(ctx, key)
    await audit(ctx, { action: 'auth.acceptInvite', entity: 'users', entityId: ctx.caller.openid, before, after: { role: 'clerk', unitId: invite.unitId } })
    return { unitId: invite.unitId as string, unitName: unit?.name ?? '' }
  },
})
