import { wxAmount, wxDate, wxThing } from '@mutual-aid/contracts'
import { formatYuan } from '@mutual-aid/shared-rules'
import type { HandlerContext } from '@cloud-shared/context'
import { notify } from '@cloud-shared/notify'
import type { BatchDoc, BatchLineDoc, ClaimForPayment } from './model'

/**
 * Tells the filer (and the participant, when someone else filed) how the bank transfer of their claim went: in the
 * inbox always, as a subscribe message where granted. The notice id names the batch and the claim, so re-running a
 * line (a retry after a crash, a second import of the same file) tells nobody twice. The bank's failure reason is
 * about the account, never medical, so the inbox says it.
 */
export async function notifyTransfer(ctx: HandlerContext, batch: Pick<BatchDoc, '_id' | 'batchNo'>, line: BatchLineDoc, claim: Pick<ClaimForPayment, '_id' | 'claimNo' | 'filedBy' | 'personOpenid'>): Promise<void> {
  const recipients = new Set<string>([claim.filedBy.openid])
  if (claim.personOpenid) recipients.add(claim.personOpenid)
  const today = ctx.clock.today()
  const page = `packages/claims/detail/index?id=${claim._id}`
  for (const openid of recipients) {
    const common = { openid, page, ref: { entity: 'claim', id: claim._id } }
    try {
      if (line.outcome === 'paid') {
        await notify(ctx, {
          ...common,
          id: `${claim._id}:${batch._id}:paid`,
          template: 'claimPaid',
          title: `互助金申请 ${claim.claimNo}：已支付`,
          body: `您的互助金申请 ${claim.claimNo} 已通过银行转账支付 ${formatYuan(line.amountFen)}（${today}），请留意银行到账。`,
          fields: { character_string1: claim.claimNo, amount2: wxAmount(line.amountFen), date3: wxDate(today) },
        })
      } else if (line.outcome === 'failed') {
        await notify(ctx, {
          ...common,
          id: `${claim._id}:${batch._id}:failed`,
          template: 'claimPayFailed',
          title: `互助金申请 ${claim.claimNo}：付款未成功`,
          body: `您的互助金申请 ${claim.claimNo}（${formatYuan(line.amountFen)}）银行转账未成功：${line.bank?.reason ?? '银行未说明原因'}。互助办将核对收款信息后重新支付，如收款账户有误请联系单位工会经办人。`,
          fields: { character_string1: claim.claimNo, amount2: wxAmount(line.amountFen), thing3: wxThing(line.bank?.reason ?? '请核对收款账户信息'), date4: wxDate(today) },
        })
      }
    } catch (err) {
      // The payment is recorded; a failed notice must not fail the import (the inbox write is retried with the line).
      console.error('[fund] notify failed', err)
    }
  }
}
