import { wxAmount, wxDate, type TemplateFields } from '@mutual-aid/contracts'
import type { HandlerContext } from '@cloud-shared/context'
import { notify } from '@cloud-shared/notify'
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

/** The claim notices, each its own template: one subscription per moment the worker hears about. */
export type ClaimTemplate = 'claimReceived' | 'claimNeedsMaterials' | 'claimDecided' | 'claimPaid'

/** The template's keywords for this claim, in the formats WeChat accepts (date 年月日, amount without separators). */
function fieldsFor<K extends ClaimTemplate>(ctx: HandlerContext, claim: ClaimDoc, template: K, amountFen: number): TemplateFields<K> {
  const today = wxDate(ctx.clock.today())
  const claimNo = claim.claimNo
  const fields: { [T in ClaimTemplate]: TemplateFields<T> } = {
    claimReceived: { character_string1: claimNo, phrase2: PHRASE[claim.status], date3: today },
    // Only a pointer to the claim: the reviewer's reason may name a diagnosis, so it stays in the app.
    claimNeedsMaterials: { character_string1: claimNo, phrase2: PHRASE[claim.status], thing3: '请查看退回原因，补充材料后重新提交', date4: today },
    claimDecided: { character_string1: claimNo, phrase2: PHRASE[claim.status], amount3: wxAmount(amountFen), date4: today },
    claimPaid: { character_string1: claimNo, amount2: wxAmount(amountFen), date3: wxDate(claim.paid?.paidOn ?? ctx.clock.today()) },
  }
  return fields[template]
}

/**
 * Tells the filer (and the participant, when someone else filed) that their claim moved. Messages carry only the
 * claim number, the status and the amount — never a diagnosis (medical information stays in the claim).
 */
export async function notifyClaimPeople(
  ctx: HandlerContext,
  claim: ClaimDoc,
  template: ClaimTemplate,
  body: string,
  amountFen = 0,
): Promise<void> {
  const recipients = new Set<string>([claim.filedBy.openid])
  if (claim.personOpenid) recipients.add(claim.personOpenid)
  const status = STATUS_LABEL[claim.status]
  const fields = fieldsFor(ctx, claim, template, amountFen)
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
