import { Text, View } from '@tarojs/components'
import { KIND_LABEL, PRODUCT_LABEL } from '@mutual-aid/contracts'
import { Button, Checkbox } from '@/components/ui'
import { CONSENT_TEXT } from '../consent-text'
import type { ClaimWizard } from './use-claim-wizard'

/** Step 4 — what will be submitted, the deadline, the consent (once), and 提交申请. */
export function SubmitStep({ wizard }: { wizard: ClaimWizard }) {
  const { state, view } = wizard
  const { deadline, late } = view
  if (!state.draft || !state.product || !state.kind) return null
  return (
    <>
      <View className="claims-section">
        <Text className="claims-section__title">确认申请</Text>
        <View className="claims-row">
          <Text className="claims-row__label">参加人</Text>
          <Text className="claims-row__value">{state.prepared?.person.name}</Text>
        </View>
        <View className="claims-row">
          <Text className="claims-row__label">项目</Text>
          <Text className="claims-row__value">
            {PRODUCT_LABEL[state.product]} · {KIND_LABEL[state.kind]}
          </Text>
        </View>
        {view.selectedDisease ? (
          <View className="claims-row">
            <Text className="claims-row__label">疾病</Text>
            <Text className="claims-row__value">{view.selectedDisease.name}</Text>
          </View>
        ) : null}
        <View className="claims-row">
          <Text className="claims-row__label">材料</Text>
          <Text className="claims-row__value">{view.pages} 页</Text>
        </View>
        <View className="claims-row">
          <Text className="claims-row__label">收款账户</Text>
          <Text className="claims-row__value">
            {state.text.payeeName} · {state.text.payeeBank} · <Text className="claims-keep">尾号 {state.text.payeeAccount.slice(-4)}</Text>
          </Text>
        </View>
      </View>
      {deadline ? (
        <View className={`claims-notice ${late ? 'claims-notice--danger' : ''}`}>
          {late ? `已超过申请期限（最后一天 ${deadline.date}，依据${deadline.basis}）。` : `申请期限：${deadline.date} 前（依据${deadline.basis}）。`}
        </View>
      ) : null}
      {!state.consentGiven ? (
        <View className="claims-section">
          <Text className="claims-section__title">医疗健康信息处理授权</Text>
          <Text className="claims-section__hint">{CONSENT_TEXT}</Text>
          <Checkbox checked={state.consentTicked} onChange={wizard.tickConsent} label="我已阅读并同意上述授权" />
        </View>
      ) : (
        <View className="claims-notice claims-notice--success">您已同意医疗健康信息处理授权。</View>
      )}
      <View className="claims-notice">
        提交时小程序会请求发送「申请受理」「需补充材料」「审批与支付结果」通知，消息中只含申请编号、状态和金额，不含病情信息。
      </View>
      <View className="claims-actions">
        <Button variant="outline" onClick={() => wizard.go('photos')}>
          上一步
        </Button>
        <Button theme="primary" loading={wizard.busy} disabled={wizard.busy || late} onClick={() => void wizard.submit()}>
          提交申请
        </Button>
      </View>
    </>
  )
}
