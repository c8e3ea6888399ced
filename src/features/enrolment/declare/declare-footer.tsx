import { Text, View } from '@tarojs/components'
import { Button } from '@/components/ui'
import { formatYuan } from '@/components/format'

export interface DeclareFooterProps {
  chosen: number
  staff: number
  percent: number
  requiredMin: number
  /** The quote's total, or null when it cannot be priced. */
  totalFen: number | null
  blockers: readonly string[]
  serverError: string
  /** 处理中: work still going on after the call (not an error). */
  progress?: string
  busy: boolean
  submitText: string
  onSubmit: () => void
}

/** What blocks submitting (in words, with articles), the ratio and total, and the submit button. */
export function DeclareFooter({ chosen, staff, percent, requiredMin, totalFen, blockers, serverError, progress, busy, submitText, onSubmit }: DeclareFooterProps) {
  return (
    <>
      {blockers.length ? (
        <View className="enrol-notice enrol-notice--error declare-blockers">
          {blockers.map((b) => (
            <Text key={b} className="enrol-card__line">
              {b}
            </Text>
          ))}
        </View>
      ) : null}
      {serverError ? <View className="enrol-notice enrol-notice--error declare-server-error">{serverError}</View> : null}
      {progress ? <View className="enrol-notice declare-progress">{progress}</View> : null}
      <View className="enrol-footer">
        <View className="enrol-footer__summary">
          <Text className="declare-ratio">
            已选 {chosen} / 在职 {staff} 人（{percent}%，至少 {requiredMin} 人）
          </Text>
          <Text className="declare-total">{totalFen !== null ? formatYuan(totalFen) : '—'}</Text>
        </View>
        {blockers.length ? <Text className="enrol-footer__blocker">{blockers[0]}</Text> : null}
        <Button theme="primary" block disabled={blockers.length > 0} loading={busy} onClick={onSubmit}>
          {submitText}
        </Button>
      </View>
    </>
  )
}
