import { wxAmount, wxDate, wxThing, type TemplateFields } from '@mutual-aid/contracts'
import type { HandlerContext } from '@cloud-shared/context'
import { messageIdOf, type Notice } from '@cloud-shared/notify'
import { LEVEL_LABEL, STATUS_LABEL, formatYuan } from '@mutual-aid/shared-rules'
import type { ClaimStatus, ReviewLevel } from '@mutual-aid/shared-rules'
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
  proposed: '待确认',
  held: '暂不办理',
  declined: '已放弃',
  lapsed: '已失效',
  withdrawn: '已撤回',
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
 * What each notice says in the inbox: the claim number, its status and amount, and where to read more — never a
 * diagnosis, and never a reviewer's free text (a return reason or a decision note may name an illness): those stay on
 * the claim page, which the message opens.
 */
export function noticeBody(template: ClaimTemplate, claim: ClaimDoc, amountFen: number): string {
  const no = claim.claimNo
  switch (template) {
    case 'claimReceived':
      return `您的互助金申请 ${no} 已提交，等待单位工会经办人确认。申请期限至 ${claim.claimDeadline.date}。`
    case 'claimNeedsMaterials':
      return `您的互助金申请 ${no} 需要补充材料。请打开申请查看退回原因，补充后重新提交。`
    case 'claimDecided':
      return claim.status === 'rejected'
        ? `您的互助金申请 ${no} 审批结论：不予给付。请打开申请查看理由和依据。`
        : `您的互助金申请 ${no} 已核准，金额 ${formatYuan(amountFen)}，互助办将尽快支付。`
    case 'claimPaid':
      return `您的互助金申请 ${no} 已支付 ${formatYuan(amountFen)}（${claim.paid?.paidOn ?? ''}），请留意银行到账。`
  }
}

/**
 * What the filer (and the participant, when someone else filed) is told when their claim moved. Each notice is told
 * once: its id names the claim and the version the change produced (`received` for the submission), so a retried or
 * concurrent delivery sends nothing more. Written to the outbox in the transaction that makes the change.
 */
export function claimNotices(ctx: HandlerContext, claim: ClaimDoc, template: ClaimTemplate, amountFen = 0): Notice[] {
  const recipients = new Set<string>([claim.filedBy.openid])
  if (claim.personOpenid) recipients.add(claim.personOpenid)
  const status = STATUS_LABEL[claim.status]
  const fields = fieldsFor(ctx, claim, template, amountFen)
  const id = template === 'claimReceived' ? `${claim._id}:received` : `${claim._id}:v${claim.version}:${template}`
  return [...recipients].map((openid) => ({
    id,
    openid,
    template,
    title: `互助金申请 ${claim.claimNo}：${status}`,
    body: noticeBody(template, claim, amountFen),
    page: `packages/claims/detail/index?id=${claim._id}`,
    fields,
    ref: { entity: 'claim', id: claim._id },
  }))
}

/** The outbox ids of a claim's notices (to deliver what a cut-off call left). */
export const claimNoticeIds = (ctx: HandlerContext, claim: ClaimDoc, template: ClaimTemplate) =>
  claimNotices(ctx, claim, template).map((n) => messageIdOf(n.id, n.openid))

/**
 * A withdrawal, told to whom it concerns besides the one who withdrew: the reviewers of the level the claim was
 * waiting for (it leaves their queue; `reviewPending`, the template they subscribe to at their review taps), and the
 * filer or participant who did not withdraw it themself (a clerk's filing withdrawn by the worker, or the other way
 * round; `claimReceived` with the status 已撤回). `claim` is the claim as withdrawn; `level` the level it waited for
 * before (null: returned to the filer, in nobody's queue).
 */
export function withdrawnNotices(ctx: HandlerContext, claim: ClaimDoc, level: ReviewLevel | null, reviewers: readonly string[]): Notice[] {
  const id = `${claim._id}:withdrawn`
  const page = `packages/claims/detail/index?id=${claim._id}`
  const ref = { entity: 'claim', id: claim._id }
  const today = wxDate(ctx.clock.today())
  const byName = ctx.caller.user?.name || '申请人'
  const toReviewers: Notice<'reviewPending'>[] = level
    ? reviewers.map((openid) => ({
        id,
        openid,
        template: 'reviewPending',
        title: `互助金申请 ${claim.claimNo} 已撤回`,
        body: `${claim.unitName}的互助金申请 ${claim.claimNo} 已由${byName}撤回，不再需要${LEVEL_LABEL[level]}办理。`,
        page,
        fields: { character_string1: claim.claimNo, thing2: wxThing('申请人已撤回，无需办理'), date3: today },
        ref,
      }))
    : []
  const others = new Set([claim.filedBy.openid, ...(claim.personOpenid ? [claim.personOpenid] : [])])
  others.delete(ctx.caller.openid)
  const toOthers: Notice<'claimReceived'>[] = [...others].map((openid) => ({
    id,
    openid,
    template: 'claimReceived',
    title: `互助金申请 ${claim.claimNo}：${STATUS_LABEL.withdrawn}`,
    body: `互助金申请 ${claim.claimNo} 已由${byName}撤回，不再办理。如需申请，可重新提交。`,
    page,
    fields: { character_string1: claim.claimNo, phrase2: PHRASE.withdrawn, date3: today },
    ref,
  }))
  return [...toReviewers, ...toOthers]
}
