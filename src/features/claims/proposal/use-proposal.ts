import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { payeeSchema, type ClaimDetail, type Payee } from '@mutual-aid/contracts'
import { formatYuan } from '@mutual-aid/shared-rules'
import { confirm, toast } from '@/components/ui'
import { useLoad } from '@/services/use-load'
import { goOn } from '@/services/go-on'
import { requestSubscriptions } from '@/features/notifications'
import { claimsApi } from '../api'

/** What the payee form holds: the account of the worker's last claim, else their name and nothing else. */
export function initialPayee(claim: ClaimDetail): Payee {
  return claim.offer?.lastPayee ?? { name: claim.personName, bank: '', account: '' }
}

/** The first message for each payee field among zod's issues (`name`, `bank`, `account`). */
export function payeeFieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Partial<Record<keyof Payee, string>> {
  const errors: Partial<Record<keyof Payee, string>> = {}
  for (const issue of issues) {
    const key = issue.path[0]
    if ((key === 'name' || key === 'bank' || key === 'account') && !errors[key]) errors[key] = issue.message
  }
  return errors
}

/**
 * The worker's proposal page (免申即享): the claim as proposed from the bureau's data, a payee prefilled from the
 * last claim, and the two taps — 确认领取, then 确认 in the dialog that repeats the amount and account — or 放弃.
 */
export function useProposal(claimId: string) {
  const state = useLoad(() => claimsApi.get(claimId), [claimId], { refreshOnShow: false })
  const [payee, setPayee] = useState<Payee>({ name: '', bank: '', account: '' })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  // Each account field's own message, shown under it: the page's error notice sits below the fold, under the fixed
  // 确认领取 bar, so a tap with the account missing seemed to do nothing.
  const [payeeErrors, setPayeeErrors] = useState<Partial<Record<keyof Payee, string>>>({})
  const claim = state.status === 'ready' ? state.data : null

  useEffect(() => {
    if (claim) setPayee(initialPayee(claim))
  }, [claim])

  const openClaim = (id: string) => void Taro.redirectTo({ url: `/packages/claims/detail/index?id=${id}` })
  /** Done: the claim's page replaces this one, busy until it has (a second tap would send the decision again). */
  const leaveFor = (id: string) => goOn({ redirectTo: `/packages/claims/detail/index?id=${id}` }, () => setBusy(false))

  const accept = async () => {
    if (!claim?.offer || busy) return
    setError('')
    const checked = payeeSchema.safeParse(payee)
    setPayeeErrors(checked.success ? {} : payeeFieldErrors(checked.error.issues))
    if (!checked.success) return toast('请按红字提示填写收款账户', 'warning')
    // First thing in the tap (WeChat refuses a request made after an await): allows the receipt and the later
    // decision messages.
    void requestSubscriptions('proposalOpened')
    const ok = await confirm({
      title: '确认领取补助',
      content: `领取 ${formatYuan(claim.offer.assessment.amountFen)}，转入 ${checked.data.bank} 尾号 ${checked.data.account.slice(-4)}（${checked.data.name}）。确认即表示您同意《医疗健康信息处理授权》：本单位工会、代理单位和互助办为审核和支付本次补助查看这次住院的医保结算信息。`,
      confirmText: '确认',
    })
    if (!ok) return
    setBusy(true)
    const consent = await claimsApi.consent()
    const answer = consent.ok ? await claimsApi.acceptProposal(claim.id, claim.version, checked.data) : consent
    if (!answer.ok) {
      setBusy(false)
      setError(answer.message)
      if (answer.code === 'CONFLICT') state.reload()
      return
    }
    toast('已确认，等待审核', 'success')
    leaveFor(claim.id)
  }

  const decline = async () => {
    if (!claim || busy) return
    const ok = await confirm({
      title: '放弃这笔补助',
      content: '放弃后不会支付这次住院的补助，也不能再确认。如果是住院信息有误，请先联系单位工会或互助办。确定放弃吗？',
      confirmText: '放弃',
      danger: true,
    })
    if (!ok) return
    setBusy(true)
    const answer = await claimsApi.declineProposal(claim.id, claim.version)
    if (!answer.ok) {
      setBusy(false)
      return setError(answer.message)
    }
    toast('已放弃', 'success')
    leaveFor(claim.id)
  }

  return { state, claim, payee, setPayee, payeeErrors, busy, error, accept, decline, openClaim }
}
