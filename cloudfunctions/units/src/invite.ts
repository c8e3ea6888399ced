import { randomInt } from 'node:crypto'
import { addDays } from '@mutual-aid/shared-rules'
import { action } from '@cloud-shared/create-main'
import { audit } from '@cloud-shared/audit'
import { hashInviteCode } from '@cloud-shared/invite-code'
import { inviteCreateSchema } from '@mutual-aid/contracts'
import { unitInScope } from '@cloud-shared/unit-scope'

/** An invitation code is valid for 7 days and can be used once. */
export const INVITE_VALID_DAYS = 7

/** The office or the unit's agent invites a clerk: an 8-digit one-time code to enter on the bind page. */
export const createInvite = action({
  access: ['office', 'agent'],
  input: inviteCreateSchema,
  async run(ctx, input) {
    const unit = await unitInScope(ctx, input.unitId)
    const code = String(randomInt(0, 100_000_000)).padStart(8, '0')
    const expiresOn = addDays(ctx.clock.today(), INVITE_VALID_DAYS)
    const doc = {
      codeHash: hashInviteCode(code),
      unitId: unit._id,
      role: 'clerk',
      expiresOn,
      usedBy: null,
      createdBy: ctx.caller.openid,
      createdAt: ctx.clock.now(),
    }
    const res = await ctx.db.collection('invites').add({ data: doc })
    await audit(ctx, { action: 'unit.invite', entity: 'invites', entityId: res._id, after: { unitId: unit._id, expiresOn } })
    return { code, expiresOn, unitName: unit.name }
  },
})
