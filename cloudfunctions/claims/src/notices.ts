import { formatYuan } from '@mutual-aid/shared-rules'
import type { HandlerContext } from '@cloud-shared/context'
import { notify, type TemplateKey } from '@cloud-shared/notify'
import { STATUS_LABEL } from '@/features/claims/state-machine'
import type { ClaimDoc } from './model'

/**
 * Tells the filer (and the participant, when someone else filed) that their claim moved. Messages carry only the
 * claim number, the status and the amount — never a diagnosis (medical information stays in the claim).
 */
export async function notifyClaimPeople(
  ctx: HandlerContext,
  claim: ClaimDoc,
  template: TemplateKey,
  body: string,
  amountFen?: number,
): Promise<void> {
  const recipients = new Set<string>([claim.filedBy.openid])
  if (claim.personOpenid) recipients.add(claim.personOpenid)
  const status = STATUS_LABEL[claim.status]
  const fields: Record<string, string> = {
    character_string1: claim.claimNo,
    phrase2: status.slice(0, 5),
    time3: ctx.clock.today(),
  }
  if (amountFen !== undefined) fields.amount4 = formatYuan(amountFen).replace(/\s*元$/, '元')
  for (const openid of recipients) {
    try {
      await notify(ctx, {
        openid,
        template,
        title: `互助金申请 ${claim.claimNo}：${status}`,
        body,
        page: `packages/claims/detail/index?id=${claim._id}`,
        fields,
        ref: { entity: 'claim', id: claim._id },
      })
    } catch (err) {
      // The state change is committed; a failed notice must not turn it into an error for the reviewer.
      console.error('[claims] notify failed', err)
    }
  }
}
