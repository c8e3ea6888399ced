import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useIntoView } from './use-into-view'
import { formatYuan } from '@mutual-aid/shared-rules'
import { Button, Input, Textarea } from '@/components/ui'

export interface ApproveFormProps {
  /** The rules' amount the office approves unless it adjusts it. */
  assessedFen: number
  busy: boolean
  onCancel: () => void
  onSubmit: (amountText: string, note: string) => void
}

/** 核准给付: the rules' amount, or an adjusted one with the reason. */
export function ApproveForm({ assessedFen, busy, onCancel, onSubmit }: ApproveFormProps) {
  useIntoView('claim-approve-form')
  const [amountText, setAmountText] = useState('')
  const [note, setNote] = useState('')
  return (
    <View className="claims-section" id="claim-approve-form">
      <Text className="claims-section__title">核准给付</Text>
      <Text className="claims-section__hint">规则核定金额：{formatYuan(assessedFen)}。如需调整，请填写调整后金额并写明理由。</Text>
      <Input label="调整金额" value={amountText} onChange={setAmountText} type="digit" suffix="元" placeholder="不调整请留空" />
      <Textarea label="说明" value={note} onChange={setNote} placeholder="调整金额时必填" maxLength={300} />
      <View className="claims-inline-actions">
        <Button variant="outline" onClick={onCancel}>取消</Button>
        <Button theme="primary" loading={busy} onClick={() => onSubmit(amountText, note)}>
          {amountText.trim() ? '按调整金额核准' : '按核定金额核准'}
        </Button>
      </View>
    </View>
  )
}
