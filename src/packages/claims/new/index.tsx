import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { PageState } from '@/components/page-state'
import { Steps } from '@/components/ui'
import { FactsStep, PhotosStep, SubmitStep, TargetStep, WIZARD_STEPS, WIZARD_STEP_TITLES, useClaimWizard } from '@/features/claims/claim-wizard'
import '@/features/claims/claims.scss'
import { PrivacyPopup } from '@/components/privacy-popup'
import { ContactEntry } from '@/features/claims/contact-entry'
import { withPageFrame } from '@/features/large-font'

/** Start a claim: whom for and what → facts → photos per checklist item → consent and submit once. */
function NewClaimPage() {
  const params = useRouter().params ?? {}
  const wizard = useClaimWizard(params)
  const { session, loads, state } = wizard

  if (session.status === 'loading') return <PageState status="loading" />
  if (session.status === 'error') return <PageState status="error" message={session.error.message} onRetry={session.reload} />
  if (params.draftId) {
    if (loads.resumed.status === 'error') return <PageState status="error" message={loads.resumed.message} onRetry={wizard.startOver} retryText="重新开始申请" />
    if (!state.draft) return <PageState status="loading" />
  }

  return (
    <View className="claims-page claims-new">
      <PrivacyPopup />
      <View className="claims-section">
        <Steps current={WIZARD_STEPS.indexOf(state.step)} items={WIZARD_STEP_TITLES.map((title) => ({ title }))} />
      </View>
      {state.step === 'target' ? <TargetStep wizard={wizard} /> : null}
      {state.step === 'facts' ? <FactsStep wizard={wizard} /> : null}
      {state.step === 'photos' ? <PhotosStep wizard={wizard} /> : null}
      {state.step === 'submit' ? <SubmitStep wizard={wizard} /> : null}
      {state.step === 'target' ? <ContactEntry /> : null}
    </View>
  )
}

export default withPageFrame(NewClaimPage)
