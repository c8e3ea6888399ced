import { formatYuan } from '@mutual-aid/shared-rules'
import { wxAmount, wxDate, wxThing } from '@mutual-aid/contracts'
import type { ClaimDoc } from './claim-doc'
import type { Notice } from './notify'

/** `2021年5月3日~2021年5月13日`: a stay as WeChat's `date` keyword takes a range. */
const stayRange = (r: { admission: string; discharge: string }) => `${wxDate(r.admission)}~${wxDate(r.discharge)}`
const monthDay = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`

/**
 * The notice telling a participant a proposal (免申即享) awaits them: when it is made, when it is released after the
 * claim filed by hand for the same stay was not paid — rejected, or withdrawn (`cause`) — (`released`: its own id, a
 * second offer of the same proposal), or as the reminder before the claims cutoff. Null when nobody is bound to tell.
 */
export function proposalNotice(claim: ClaimDoc, kind: 'proposed' | 'released' | 'reminder', cause: 'rejected' | 'withdrawn' = 'rejected'): Notice<'claimProposed'> | null {
  if (!claim.personOpenid || !claim.settlement) return null
  const r = claim.settlement
  const reminder = kind === 'reminder'
  const amount = formatYuan(claim.assessmentAtSubmit.amountFen)
  return {
    id: `${claim._id}:${reminder ? 'proposalReminder' : kind}`,
    openid: claim.personOpenid,
    template: 'claimProposed',
    title: reminder ? `住院补助 ${claim.claimNo} 即将过期，请尽快确认` : `住院补助 ${claim.claimNo} 待您确认`,
    body: `您 ${monthDay(r.admission)}–${monthDay(r.discharge)} 住院可领取互助补助 ${amount}，请确认。${
      reminder
        ? `请在 ${claim.claimDeadline.date} 前确认，逾期失效。`
        : kind === 'released'
          ? `同一次住院的手工申请${cause === 'withdrawn' ? '已撤回' : '未获给付'}，现按医保结算数据办理，核对后确认收款账户即可。`
          : '无需拍照上传材料，核对后确认收款账户即可。'
    }`,
    page: `packages/claims/proposal/index?id=${claim._id}`,
    fields: {
      date1: stayRange(r),
      amount2: wxAmount(claim.assessmentAtSubmit.amountFen),
      thing3: wxThing(reminder ? '即将过期，请尽快确认收款账户' : '医保结算数据生成，请确认收款账户'),
      date4: wxDate(claim.claimDeadline.date),
    },
    ref: { entity: 'claim', id: claim._id },
  }
}
