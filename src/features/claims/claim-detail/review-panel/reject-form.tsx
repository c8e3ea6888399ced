import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useIntoView } from './use-into-view'
import { REJECT_CODES, type RejectCode } from '@mutual-aid/contracts'
import { Button, Picker, Textarea } from '@/components/ui'

export interface RejectFormProps {
  busy: boolean
  onCancel: () => void
  onSubmit: (code: RejectCode, note: string) => void
}

/** 不予给付: a stable reason code and the explanation the filer will read. */
export function RejectForm({ busy, onCancel, onSubmit }: RejectFormProps) {
  useIntoView('claim-reject-form', true)
  const [code, setCode] = useState<RejectCode | null>(null)
  const [note, setNote] = useState('')
  return (
    <View className="claims-section" id="claim-reject-form">
      <Text className="claims-section__title">不予给付</Text>
      <Picker
        label="理由"
        value={code}
        options={(Object.keys(REJECT_CODES) as RejectCode[]).map((k) => ({ value: k, label: REJECT_CODES[k] }))}
        onChange={setCode}
        required
      />
      <Textarea autoFocus label="说明" value={note} onChange={setNote} placeholder="请写明具体理由，申请人可见" maxLength={300} />
      <View className="claims-inline-actions">
        <Button variant="outline" onClick={onCancel}>取消</Button>
        <Button theme="danger" loading={busy} disabled={!code || note.trim().length < 4} onClick={() => code && onSubmit(code, note)}>
          确认不予给付
        </Button>
      </View>
    </View>
  )
}
