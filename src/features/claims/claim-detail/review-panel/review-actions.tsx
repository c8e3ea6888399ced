import { View } from '@tarojs/components'
import type { ClaimDetail } from '@mutual-aid/contracts'
import { Button } from '@/components/ui'
import type { ReviewPanelName } from '../use-claim-detail'

export interface ReviewActionsProps {
  claim: ClaimDetail
  busy: boolean
  onOpen: (panel: ReviewPanelName) => void
  onConfirm: () => void
  onRemind: () => void
}

/** The buttons of the steps this caller may take now (the function lists them in `actions`). */
export function ReviewActions({ claim: c, busy, onOpen, onConfirm, onRemind }: ReviewActionsProps) {
  const remind = c.status === 'approved' && c.mine
  if (c.actions.length === 0 && !remind) return null
  return (
    <View className="claims-actions">
      {c.actions.includes('return') ? (
        <Button theme="danger" variant="outline" onClick={() => onOpen('return')}>退回补充</Button>
      ) : null}
      {c.actions.includes('confirm') ? (
        <Button theme="primary" loading={busy} onClick={onConfirm}>
          确认无误
        </Button>
      ) : null}
      {c.actions.includes('reject') ? (
        <Button theme="danger" variant="outline" onClick={() => onOpen('reject')}>不予给付</Button>
      ) : null}
      {c.actions.includes('approve') ? (
        <Button theme="primary" onClick={() => onOpen('approve')}>核准</Button>
      ) : null}
      {c.actions.includes('pay') ? (
        <Button theme="primary" onClick={() => onOpen('pay')}>登记支付</Button>
      ) : null}
      {remind ? (
        <Button variant="outline" onClick={onRemind}>
          到账时微信提醒我
        </Button>
      ) : null}
      {c.actions.includes('resubmit') ? (
        <Button theme="primary" onClick={() => onOpen('resubmit')}>
          补充材料
        </Button>
      ) : null}
      {c.actions.includes('withdraw') ? (
        <Button theme="danger" variant="outline" onClick={() => onOpen('withdraw')}>
          撤回申请
        </Button>
      ) : null}
    </View>
  )
}
