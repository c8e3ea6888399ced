import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { PageState } from '@/components/page-state'
import {
  ClaimAssessment,
  ClaimDecision,
  ClaimFacts,
  ClaimMaterials,
  ClaimSettlement,
  ClaimStatus,
  ClaimTimeline,
  HeldProposalNote,
  ReviewPanel,
  useClaimDetail,
} from '@/features/claims/claim-detail'
import { SecondApprovalPanel } from '@/features/claims/second-approval-panel'
import { ContactEntry } from '@/features/claims/contact-entry'
import '@/features/claims/claims.scss'
import { PrivacyPopup } from '@/components/privacy-popup'
import { withPageFrame } from '@/features/large-font'
import { HOME_PAGE } from '@/features/session'

/** One claim: status and what happens next, decision and basis, timeline, photos, and the caller's actions. */
function ClaimDetailPage() {
  const { params } = useRouter()
  const claimId = params.id ?? ''
  const detail = useClaimDetail(claimId)

  if (!claimId) return <PageState status="error" message="缺少申请编号，请从列表进入。" />
  if (detail.status === 'error') {
    // Trying again does not change who may see a claim or bring back a missing one (您无权查看此申请 offered 重试): home.
    const final = detail.code === 'FORBIDDEN' || detail.code === 'NOT_FOUND'
    return final ? (
      <PageState status="error" message={detail.message} onRetry={() => void Taro.reLaunch({ url: HOME_PAGE })} retryText="回到首页" />
    ) : (
      <PageState status="error" message={detail.message} onRetry={detail.reload} />
    )
  }
  if (detail.status === 'loading') return <PageState status="loading" />
  const { claim, urls, checks } = detail.data

  return (
    <View className="claims-page claims-detail">
      <ClaimStatus claim={claim} />
      <HeldProposalNote claim={claim} />
      <ClaimSettlement claim={claim} />
      <SecondApprovalPanel claim={claim} onDone={detail.reload} />
      <ClaimDecision claim={claim} />
      <ClaimAssessment claim={claim} />
      <ClaimFacts claim={claim} />
      <ClaimMaterials claim={claim} urls={urls} checks={checks} />
      <ClaimTimeline claim={claim} />
      <ReviewPanel claim={claim} detail={detail} urls={urls} />
      {/* Whom the filer asks; a reviewer (who sees the rules' assessment) was told to ask the unit's clerk — the clerk too. */}
      {claim.assessmentAtSubmit ? null : <ContactEntry />}
      <PrivacyPopup />
    </View>
  )
}

export default withPageFrame(ClaimDetailPage)
