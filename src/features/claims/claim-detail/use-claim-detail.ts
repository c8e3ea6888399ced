import { useRef, useState } from 'react'
import { formatYuan } from '@mutual-aid/shared-rules'
import { FAMILY_LABEL, type ClaimDetail, type ClaimFiles, type DraftFacts, type PageCheck, type RejectCode } from '@mutual-aid/contracts'
import { confirm, toast } from '@/components/ui'
import { useLoad } from '@/services/use-load'
import { goOn } from '@/services/go-on'
import type { Envelope } from '@/services/cloud'
import { requestSubscriptions } from '@/features/notifications'
import { claimsApi } from '../api'
import { createSaveQueue } from '../save-queue'
import { adjustedAmount, resubmissionFiles, withdrawConfirmText, withoutEmptyItems } from './claim-view'

/** Which review form is open under the claim. */
export type ReviewPanelName = 'return' | 'approve' | 'reject' | 'pay' | 'resubmit' | 'withdraw'

interface Ask {
  title: string
  content: string
  danger?: boolean
}

/**
 * One claim's page: the claim and its photos' temporary links (each once per open, again on coming back), the review
 * form that is open, and every step a caller may take on it — each asked for confirmation first, sent with the
 * version shown, and followed by a reload (a CONFLICT reloads too, so the person sees what changed).
 */
export function useClaimDetail(claimId: string) {
  const [panel, setPanel] = useState<ReviewPanelName | null>(null)
  const detail = useLoad(
    async (): Promise<Envelope<{ claim: ClaimDetail; urls: Record<string, string>; checks: Record<string, PageCheck> }>> => {
      const claim = await claimsApi.get(claimId)
      if (!claim.ok) return claim
      // Without links the page still shows everything else (each photo as an empty tile). Reviewers also get each
      // page checked against the hash recorded when it was submitted.
      const [photos, gathered] = await Promise.all([
        claimsApi.photoUrls(claimId),
        // Pages already gathered for a resubmission (not yet in any version): the filer's own draft links.
        claim.data.resubmission ? claimsApi.draftFileUrls(`resubmit-${claimId}`) : Promise.resolve(null),
      ])
      const urls = { ...(photos.ok ? photos.data.urls : {}), ...(gathered?.ok ? gathered.data.urls : {}) }
      return { ok: true, data: { claim: claim.data, urls, checks: photos.ok ? photos.data.checks : {} } }
    },
    [claimId],
    // Not while a form is open: picking photos takes the page to the background and back, and what is being typed or
    // uploaded must stay; the form's own step reloads the claim when it is done.
    { enabled: claimId !== '', refreshOnShow: panel === null },
  )
  const [busy, setBusy] = useState(false)
  const claim = detail.status === 'ready' ? detail.data.claim : null
  // Resubmission pages are saved as they are gathered; saves go one at a time, each with the latest files.
  const resubmission = useRef<{ queue: ReturnType<typeof createSaveQueue>; files: ClaimFiles | null }>({ queue: createSaveQueue(), files: null })

  /**
   * Asks, runs, says how it went and reloads; answers the step's data when it succeeded. When `next` names a page for
   * the answer, that page replaces this one instead of the reload, and the step stays busy until it has.
   */
  async function act<T>(label: string, run: () => Promise<Envelope<T>>, ask?: Ask, next?: (data: T) => string | undefined): Promise<T | undefined> {
    if (busy) return
    if (ask && !(await confirm({ ...ask, confirmText: label }))) return
    setBusy(true)
    const r = await run()
    const onward = r.ok ? next?.(r.data) : undefined
    if (!onward) setBusy(false)
    if (!r.ok) {
      toast(r.message || '操作失败，请重试', 'error')
      // Changed meanwhile (another reviewer acted, the claim was withdrawn or decided): show it as it now is.
      if (r.code === 'CONFLICT' || r.code === 'INVALID_TRANSITION') detail.reload()
      return
    }
    // Four eyes: an approval above the computed amount or the office's threshold waits for a second office user.
    const awaiting = (r.data as { awaitingSecond?: boolean } | undefined)?.awaitingSecond
    toast(awaiting ? '已提交，待第二位审批人确认' : `${label}成功`, 'success')
    setPanel(null)
    resubmission.current.files = null
    if (onward) goOn({ redirectTo: onward }, () => setBusy(false))
    else detail.reload()
    return r.data
  }

  function confirmClaim(): void {
    if (!claim) return
    // First thing in the tap: the reviewer's next reminders (a claim reaching them, a due date, a new hire's limit).
    void requestSubscriptions(claim.status === 'submitted' ? 'clerkConfirm' : 'agentConfirm')
    void act('确认', () => claimsApi.confirm(claim.id, claim.version), { title: '确认该申请？', content: '在线确认代替纸质盖章，确认后转下一环节审核。' })
  }

  function returnClaim(reason: string): void {
    if (!claim) return
    void act('退回', () => claimsApi.returnClaim(claim.id, claim.version, reason.trim()), {
      title: '确认退回？',
      content: '申请人会收到通知，补充材料后重新提交。',
      danger: true,
    })
  }

  function approve(amountText: string, note: string): void {
    // The office's taps also ask for its next late-change reminder (a one-time subscription per 允许).
    void requestSubscriptions('officeReview')
    if (!claim) return
    const amount = adjustedAmount(amountText)
    if (!amount.ok) return toast(amount.message, 'error')
    const assessed = claim.assessmentAtDecision ?? claim.assessmentAtSubmit
    const final = amount.fen ?? assessed?.amountFen ?? 0
    void act('核准', () => claimsApi.decide({ claimId: claim.id, version: claim.version, outcome: 'approve', amountFen: amount.fen, note: note.trim() || undefined }), {
      title: '确认核准？',
      content: `核准给付 ${formatYuan(final)}。核准后将生成支付记录，并终止相应保障。`,
    })
  }

  function reject(reasonCode: RejectCode, note: string): void {
    void requestSubscriptions('officeReview')
    if (!claim) return
    void act('拒付', () => claimsApi.decide({ claimId: claim.id, version: claim.version, outcome: 'reject', reasonCode, note: note.trim() }), {
      title: '确认不予给付？',
      content: '审批结论作出后不能更改，申请人会收到通知。',
      danger: true,
    })
  }

  function markPaid(paidOn: string, reference: string): void {
    void requestSubscriptions('officeReview')
    if (!claim) return
    void act('登记支付', () => claimsApi.markPaid(claim.id, claim.version, paidOn.trim(), reference.trim()), {
      title: '确认已支付？',
      content: `登记后计入${FAMILY_LABEL[claim.family]} ${claim.year} 年度基金支出，不能撤销。`,
    })
  }

  /** Keeps one item's pages of the resubmission (and the facts as corrected so far) in the cloud as they are gathered; false if the save failed. */
  function saveResubmissionItem(item: string, ids: string[], note: string, facts?: DraftFacts): Promise<boolean> {
    const c = claim
    if (!c) return Promise.resolve(false)
    const state = resubmission.current
    return state.queue(async () => {
      const next = { ...(state.files ?? resubmissionFiles(c)), [item]: ids }
      const saved = await claimsApi.saveResubmission(c.id, next, note.trim() || undefined, facts)
      if (!saved.ok) {
        toast(saved.message, 'error')
        return false
      }
      state.files = next
      return true
    })
  }

  function resubmit(facts: DraftFacts, note: string): void {
    // First thing in the tap: the return used its notice, so ask again (and for the payment notice).
    void requestSubscriptions('claimResubmit')
    if (!claim) return
    const files = withoutEmptyItems(resubmission.current.files ?? resubmissionFiles(claim))
    void act('重新提交', () => claimsApi.resubmit(claim.id, claim.version, facts, files, note.trim() || undefined), {
      title: '确认重新提交？',
      content: '将交回提出补充要求的审核环节继续办理；更正的信息和之前的版本都会保留在记录中。',
    })
  }

  function withdraw(reason: string): void {
    if (!claim) return
    void act(
      '撤回',
      () => claimsApi.withdraw(claim.id, claim.version, reason.trim() || undefined),
      { title: '确认撤回这份申请？', content: withdrawConfirmText(claim), danger: true },
      // The bureau's proposal for the same stay is now the participant's to confirm: take them to it.
      (answer) => (answer.proposalIds[0] ? `/packages/claims/proposal/index?id=${answer.proposalIds[0]}` : undefined),
    )
  }

  return {
    ...detail,
    panel,
    busy,
    openPanel: (name: ReviewPanelName) => {
      if (name === 'resubmit') resubmission.current.files = null
      setPanel(name)
    },
    closePanel: () => setPanel(null),
    confirmClaim,
    returnClaim,
    approve,
    reject,
    markPaid,
    saveResubmissionItem,
    resubmit,
    withdraw,
    remindOnPayment: () => {
      void requestSubscriptions('claimApproved').then(() => toast('到账时会通过微信通知您', 'success'))
    },
  }
}

export type ClaimDetailModel = ReturnType<typeof useClaimDetail>
