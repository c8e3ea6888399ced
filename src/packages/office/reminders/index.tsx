import { Text, View } from '@tarojs/components'
import { REMINDER_KIND_LABEL } from '@mutual-aid/contracts'
import { PageState } from '@/components/page-state'
import { Tag } from '@/components/ui'
import { formatDateTimeCn } from '@/components/format'
import { RoleGate } from '@/features/session'
import { useLoad } from '@/services/use-load'
import { remindersApi } from '@/features/schemes'
import '@/features/schemes/schemes.scss'
import { withPageFrame } from '@/features/large-font'

/** 提醒记录: the latest reminders the timer and the review steps sent, and when the timer last ran. */
function RemindersPage() {
  return <RoleGate roles={['office']}>{() => <Reminders />}</RoleGate>
}

function Reminders() {
  const state = useLoad(() => remindersApi.recent(50), [])
  if (state.status === 'loading') return <PageState status="loading" />
  if (state.status === 'error') return <PageState status="error" message={state.message} onRetry={state.reload} />
  const { items, lastTick } = state.data
  return (
    <View className="schemes-page" data-page="reminders">
      <View className="schemes-notice">
        每天 8 时至 21 时每 10 分钟检查一次：审核期限将至或超期、申请草稿将过期、参保申报开始或将截止、新职工参加期限将至。每条提醒只发一次，都会进入收件人的“消息”；订阅了的收件人同时收到微信通知。
        {lastTick
          ? `最近一次检查：${formatDateTimeCn(lastTick.at)}，${lastTick.sent > 0 ? `发出 ${lastTick.sent} 条` : '没有需要发出的提醒'}${lastTick.complete ? '' : '，其余在下次继续'}。`
          : '定时检查还没有运行过。'}
      </View>
      {items.length === 0 ? <PageState status="empty" description="还没有发出过提醒" /> : null}
      {items.map((r) => (
        <View key={r.id} className="schemes-card" data-reminder={r.kind}>
          <View className="schemes-card__tags">
            <Tag theme="primary" variant="light">{REMINDER_KIND_LABEL[r.kind]}</Tag>
            <Tag theme={r.pushed ? 'success' : 'default'} variant="light">{r.pushed ? '已微信通知' : r.state === 'sending' ? '发送中' : '仅站内消息'}</Tag>
          </View>
          <Text className="schemes-card__title">{r.title}</Text>
          <Text className="schemes-card__line">{r.body}</Text>
          <Text className="schemes-case__source">{formatDateTimeCn(r.createdAt)}</Text>
        </View>
      ))}
    </View>
  )
}

export default withPageFrame(RemindersPage)
