import type { ClaimDetail } from '@mutual-aid/contracts'
import { ApproveForm } from './review-panel/approve-form'
import { PayForm } from './review-panel/pay-form'
import { RejectForm } from './review-panel/reject-form'
import { ResubmitForm } from './review-panel/resubmit-form'
import { ReturnForm } from './review-panel/return-form'
import { ReviewActions } from './review-panel/review-actions'
import { WithdrawForm } from './review-panel/withdraw-form'
import type { ClaimDetailModel } from './use-claim-detail'

/**
 * Under the claim: the open review form (退回 / 核准 / 不予给付 / 登记支付 / 补充材料 / 撤回申请), or the buttons that
 * open them.
 * Each form keeps what is typed in it and hands it to the claim page's model when submitted.
 */
export function ReviewPanel({ claim, detail, urls }: { claim: ClaimDetail; detail: ClaimDetailModel; urls: Record<string, string> }) {
  const { panel, busy, closePanel } = detail
  switch (panel) {
    case 'return':
      return <ReturnForm busy={busy} onCancel={closePanel} onSubmit={detail.returnClaim} />
    case 'approve':
      return <ApproveForm assessedFen={(claim.assessmentAtDecision ?? claim.assessmentAtSubmit)?.amountFen ?? 0} busy={busy} onCancel={closePanel} onSubmit={detail.approve} />
    case 'reject':
      return <RejectForm busy={busy} onCancel={closePanel} onSubmit={detail.reject} />
    case 'pay':
      return <PayForm claim={claim} busy={busy} onCancel={closePanel} onSubmit={detail.markPaid} />
    case 'resubmit':
      return <ResubmitForm claim={claim} busy={busy} urls={urls} onCancel={closePanel} onSaveItem={detail.saveResubmissionItem} onSubmit={detail.resubmit} />
    case 'withdraw':
      return <WithdrawForm claim={claim} busy={busy} onCancel={closePanel} onSubmit={detail.withdraw} />
    default:
      return <ReviewActions claim={claim} busy={busy} onOpen={detail.openPanel} onConfirm={detail.confirmClaim} onRemind={detail.remindOnPayment} />
  }
}
