import { formatYuan } from '@mutual-aid/shared-rules'
import type { HandlerContext } from '@cloud-shared/context'
import { notify, type TemplateKey } from '@cloud-shared/notify'
import { STATUS_LABEL } from '@mutual-aid/shared-rules'
import type { ClaimStatus } from '@mutual-aid/shared-rules'
import type { ClaimDoc } from './model'

/** Status for the subscribe message's `phrase` field, which WeChat limits to 5 Chinese characters. */
const PHRASE: Record<ClaimStatus, string> = {
  submitted: '已受理',
  clerk_confirmed: '单位已确认',
  agent_confirmed: '待审批',
  returned: '需补材料',
  approved: '已核准',
  rejected: '不予给付',
  paid: '已支付',
}

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
    phrase2: PHRASE[claim.status],
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
