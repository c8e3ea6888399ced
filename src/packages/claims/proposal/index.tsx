import { useRouter } from '@tarojs/taro'
import { PageState } from '@/components/page-state'
import { ProposalOffer, useProposal } from '@/features/claims/proposal'
import '@/features/claims/claims.scss'
import { withPageFrame } from '@/features/large-font'

/** 免申即享: the worker confirms (or declines) the inpatient aid proposed from the bureau's settlement data. */
function ProposalPage() {
  const claimId = useRouter().params.id ?? ''
  const model = useProposal(claimId)
  if (!claimId) return <PageState status="error" message="缺少补助编号，请从消息或“我的申请”进入。" />
  if (model.state.status === 'loading') return <PageState status="loading" />
  if (model.state.status === 'error') return <PageState status="error" message={model.state.message} onRetry={model.state.reload} />
  const claim = model.state.data
  // Already confirmed, declined or lapsed (e.g. opened again from the message): the claim page shows where it stands.
  if (claim.status !== 'proposed' || !claim.offer) {
    model.openClaim(claim.id)
    return <PageState status="loading" />
  }
  return <ProposalOffer model={model} />
}

export default withPageFrame(ProposalPage)
