import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useIntoView } from './use-into-view'
import { Button, Textarea } from '@/components/ui'

export interface ReturnFormProps {
  busy: boolean
  onCancel: () => void
  onSubmit: (reason: string) => void
}

/** 退回补充材料: what the filer must add (at least 4 characters, so it says something they can act on). */
export function ReturnForm({ busy, onCancel, onSubmit }: ReturnFormProps) {
  useIntoView('claim-return-form', true)
  const [reason, setReason] = useState('')
  return (
    <View className="claims-section" id="claim-return-form">
      <Text className="claims-section__title">退回补充材料</Text>
      <Textarea autoFocus label="补充要求" value={reason} onChange={setReason} placeholder="例如：出院小结第 2 页不清晰，请重新拍摄" maxLength={300} />
      <View className="claims-inline-actions">
        <Button variant="outline" onClick={onCancel}>取消</Button>
        <Button theme="danger" loading={busy} disabled={reason.trim().length < 4} onClick={() => onSubmit(reason)}>
          确认退回
        </Button>
      </View>
    </View>
  )
}
