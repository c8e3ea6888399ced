import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useIntoView } from './use-into-view'
import { formatYuan } from '@mutual-aid/shared-rules'
import type { ClaimDetail } from '@mutual-aid/contracts'
import { Button, DatePicker, Input } from '@/components/ui'

export interface PayFormProps {
  claim: ClaimDetail
  busy: boolean
  onCancel: () => void
  onSubmit: (paidOn: string, reference: string) => void
}

/** 登记支付: the approved amount to the payee's account, paid on a day (today unless changed), with the reference. */
export function PayForm({ claim: c, busy, onCancel, onSubmit }: PayFormProps) {
  useIntoView('claim-pay-form')
  const [paidOn, setPaidOn] = useState(c.today)
  const [reference, setReference] = useState('')
  return (
    <View className="claims-section" id="claim-pay-form">
      <Text className="claims-section__title">登记支付</Text>
      <Text className="claims-section__hint">
        应付 {formatYuan(c.decision?.amountFen ?? 0)} · 收款人 {c.facts.payee?.name} · {c.facts.payee?.bank} · {c.facts.payee?.account}
      </Text>
      {/* Picked, like every other date: typed as text, 2021/6/15 went as far as the confirmation and came back refused. */}
      <DatePicker label="支付日期" value={paidOn} onChange={setPaidOn} end={c.today} required />
      <Input
        label="转账凭证号"
        value={reference}
        onChange={setReference}
        placeholder="银行回单上的流水号"
        tips={reference.trim().length < 4 ? '至少 4 位，填写后才能确认' : undefined}
        required
      />
      <View className="claims-inline-actions">
        <Button variant="outline" onClick={onCancel}>取消</Button>
        <Button theme="primary" loading={busy} disabled={reference.trim().length < 4} onClick={() => onSubmit(paidOn, reference)}>
          确认已支付
        </Button>
      </View>
    </View>
  )
}
