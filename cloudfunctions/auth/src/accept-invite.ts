import { action } from '@cloud-shared/create-main'
import { audit } from '@cloud-shared/audit'
import type { UserDoc } from '@cloud-shared/context'
import { findById } from '@cloud-shared/db'
import { AppError } from '@cloud-shared/errors'
import { acceptInviteSchema } from '@mutual-aid/contracts'
import { hashInviteCode } from '@cloud-shared/invite-code'
import { beginAttempt } from '@cloud-shared/throttle'
import { runInTransaction } from '@cloud-shared/transaction'
import { txGet } from '@cloud-shared/tx'
import type { SdkHandle } from '@cloud-shared/sdk'

interface InviteDoc {
  _id: string
  codeHash: string
  unitId: string
  role: 'clerk'
  expiresOn: string
  usedBy: string | null
  usedAt?: Date
}

const usedMessage = '邀请码已被使用，请向代理单位或互助办重新获取。'

/**
 * A signed-in WeChat user enters a clerk invitation code and becomes that unit's clerk. A code works once, and a user
 * consumes one code at most: the invitation and the user document are read and written in one transaction, so two
 * users racing for one code both write the invitation, and one user entering two codes at once writes their user
 * document twice — the second conflicts, is retried on a fresh snapshot, and sees the first.
 */
export const acceptInvite = action({
  access: 'signed-in',
  input: acceptInviteSchema,
  async run(ctx, input) {
    const attempt = await beginAttempt(ctx, `invite:${ctx.caller.openid}`)
    try {
      const role = ctx.caller.user?.role
      if (role === 'office' || role === 'agent') throw new AppError('HAS_ROLE', '您的账号已是互助办或代理单位人员，不能再绑定为单位经办人。')
      const res = await ctx.db.collection('invites').where({ codeHash: hashInviteCode(input.code) }).limit(1).get()
      const found = res.data[0] as InviteDoc | undefined
      const today = ctx.clock.today()
      const usable = found && (!found.usedBy || found.usedBy === ctx.caller.openid) && found.expiresOn >= today
      if (!found || !usable) {
        const { remaining } = await attempt.missed()
        const why = !found ? '邀请码不正确' : found.usedBy ? '邀请码已被使用' : '邀请码已过期'
        await audit(ctx, { action: 'auth.acceptInvite.failed', entity: 'invites', entityId: found?._id ?? 'unknown', note: `${why}; remaining ${remaining}` })
        throw new AppError('INVITE_INVALID', `${why}，请向代理单位或互助办重新获取（还可尝试 ${remaining} 次）。`)
      }
      const openid = ctx.caller.openid
      await runInTransaction(ctx.db, async (tx: SdkHandle) => {
        const [user, invite] = await Promise.all([txGet<UserDoc>(tx, 'users', openid), txGet<InviteDoc>(tx, 'invites', found._id)])
        if (!invite) throw new AppError('INVITE_INVALID', '邀请码已失效，请向代理单位或互助办重新获取。')
        // The same code entered again by the same user (a double tap): nothing more to do.
        if (invite.usedBy === openid && user?.role === 'clerk' && user.unitId === invite.unitId) return
        if (invite.usedBy) throw new AppError('INVITE_INVALID', usedMessage)
        if (user?.role === 'office' || user?.role === 'agent') throw new AppError('HAS_ROLE', '您的账号已是互助办或代理单位人员，不能再绑定为单位经办人。')
        if (user?.role === 'clerk' && user.unitId) {
          throw new AppError(
            'HAS_ROLE',
            user.unitId === invite.unitId
              ? '您已是本单位经办人，无需再使用邀请码；该邀请码仍可留给其他经办人使用。'
              : '您已是其他单位的经办人。如需变更，请联系互助办。',
          )
        }
        const now = ctx.clock.now()
        await tx.collection('invites').doc(invite._id).update({ data: { usedBy: openid, usedAt: now } })
        const patch = { role: 'clerk', unitId: invite.unitId, ...(input.name ? { name: input.name } : {}), updatedAt: now }
        if (user) await tx.collection('users').doc(openid).update({ data: patch })
        else await tx.collection('users').add({ data: { _id: openid, name: '', ...patch, role: 'clerk', createdAt: now } })
        await audit(
          ctx,
          { action: 'auth.acceptInvite', entity: 'users', entityId: openid, before: user ? { role: user.role, unitId: user.unitId ?? null } : null, after: { role: 'clerk', unitId: invite.unitId, invite: invite._id } },
          tx,
        )
      }, { busyMessage: '现在办理的人较多，请稍等几秒后再试。' })
      const unit = await findById<{ name: string }>(ctx.db, 'units', found.unitId)
      return { unitId: found.unitId, unitName: unit?.name ?? '' }
    } finally {
      await attempt.release()
    }
  },
})
