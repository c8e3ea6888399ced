import { bureauClaimRules, reviewDueDate } from '@mutual-aid/shared-rules'
import { acceptProposalInput, declineProposalInput, type Payee } from '@mutual-aid/contracts'
import { action } from '@cloud-shared/create-main'
import type { HandlerContext } from '@cloud-shared/context'
import { AppError, forbidden } from '@cloud-shared/errors'
import type { ClaimDoc } from './model'
import { hasConsent } from './drafts'
import { applyStep } from './review'
import { freeStay } from '@cloud-shared/stays'
import { isParticipant, loadClaim } from './scope'
import { loadSchemes } from '@cloud-shared/schemes'

/**
 * The account the participant's last claim was paid to (or asked to be paid to), to prefill a proposal's payee: the
 * newest claim for the person that names a complete account.
 */
export async function lastPayee(ctx: HandlerContext, personId: string): Promise<Payee | null> {
  const res = await ctx.db.collection('claims').where({ personId }).orderBy('createdAt', 'desc').limit(20).get()
  for (const c of res.data as ClaimDoc[]) {
    const p = c.facts?.payee
    if (p?.name && p.bank && p.account) return { name: p.name, bank: p.bank, account: p.account }
  }
  return null
}

/** A proposal from the bureau's settlement data, for its participant; refusals in words they can act on. */
async function ownProposal(ctx: HandlerContext, claimId: string): Promise<ClaimDoc> {
  const claim = await loadClaim(ctx, claimId)
  if (!isParticipant(ctx, claim)) throw forbidden('只有参加人本人可以确认或放弃这笔补助。')
  if (claim.source !== 'settlement') throw new AppError('INVALID_TRANSITION', '这不是医保结算生成的补助，请在申请详情中办理。')
  return claim
}

const summary = (c: ClaimDoc) => ({ claimId: c._id, claimNo: c.claimNo, status: c.status, version: c.version })

/**
 * The participant accepts a proposal (免申即享): names the account to pay and it enters review at the level the scheme
 * sets for bureau-sourced claims (`bureauClaimRules`). Nothing to photograph: the settlement is the evidence. Only
 * until the claims cutoff; the medical-information consent is the same as for a filed claim.
 */
export const acceptProposal = action({
  access: ['worker'],
  input: acceptProposalInput,
  async run(ctx, { claimId, version, payee }) {
    const current = await ownProposal(ctx, claimId)
    const today = ctx.clock.today()
    if (current.status === 'proposed' && today > current.claimDeadline.date) {
      throw new AppError('LATE_CLAIM', `已超过申请截止日期 ${current.claimDeadline.date}（${current.claimDeadline.basis}），这笔补助已不能确认。`)
    }
    if (!(await hasConsent(ctx))) throw new AppError('CONSENT_REQUIRED', '确认前请先阅读并同意《医疗健康信息处理授权》。')
    // The participation's own version (第二十六条), published ones included: its bureau review level applies.
    const scheme = (await loadSchemes(ctx.db)).get(current.schemeId)
    const rules = bureauClaimRules(scheme)
    if (!rules) throw new AppError('INVALID_TRANSITION', '该方案没有住院医疗互助，不能确认。')
    const name = ctx.caller.user?.name || current.personName
    const claim = await applyStep(ctx, claimId, version, {
      event: 'accept',
      level: rules.reviewFrom,
      note: `本人确认领取，收款账户 ${payee.bank} 尾号 ${payee.account.slice(-4)}`,
      patch: (c, to) => ({
        filedBy: { openid: ctx.caller.openid, as: 'worker', name },
        personOpenid: c.personOpenid ?? ctx.caller.openid,
        facts: { ...c.facts, payee },
        submittedOn: today,
        ...(to === 'agent_confirmed' ? { materialsCompleteOn: today, dueDate: reviewDueDate(today, scheme.review?.workingDays).date } : {}),
      }),
      notice: { template: 'claimReceived', amountFen: () => 0 },
    })
    return summary(claim)
  },
})

/** The participant declines a proposal: nothing is paid for the stay, which is free again for a claim filed by hand. */
export const declineProposal = action({
  access: ['worker'],
  input: declineProposalInput,
  async run(ctx, { claimId, version, reason }) {
    await ownProposal(ctx, claimId)
    const claim = await applyStep(ctx, claimId, version, {
      event: 'decline',
      note: reason ? `本人放弃：${reason}` : '本人放弃',
      patch: async (c, _to, tx) => {
        await freeStay(ctx, tx, c.participationId, c._id)
        return {}
      },
    })
    return summary(claim)
  },
})
