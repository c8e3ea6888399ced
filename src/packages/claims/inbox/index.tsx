import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageState } from '@/components/page-state'
import { LoadMore } from '@/components/load-more'
import { Button, Tag, toast } from '@/components/ui'
import { type MessageView } from '@mutual-aid/contracts'
import { formatDateTimeCn } from '@/components/format'
import { usePagedLoad, useLoad } from '@/services/use-load'
import { messagesApi } from '@/features/claims'
import { loadOutbox } from '@/features/claims/outbox'
import '@/features/claims/claims.scss'
import { withPageFrame } from '@/features/large-font'

/** The in-app messages; locally (h5 on the emulator) also the subscribe messages WeChat would have pushed. */
function InboxPage() {
  // Marked read here since the list was loaded; each load brings them read from the cloud, so it starts afresh.
  const [readNow, setReadNow] = useState<ReadonlySet<string> | 'all'>(new Set<string>())
  const messages = usePagedLoad(messagesApi.pages, [], { onReady: () => setReadNow(new Set<string>()) })
  const outbox = useLoad(async () => ({ ok: true as const, data: await loadOutbox() }), [])
  const isRead = (m: MessageView) => m.read || readNow === 'all' || readNow.has(m.id)

  async function open(m: MessageView): Promise<void> {
    if (!isRead(m)) {
      const r = await messagesApi.markRead([m.id])
      if (r.ok) setReadNow((s) => (s === 'all' ? s : new Set([...s, m.id])))
    }
    if (m.page) void Taro.navigateTo({ url: m.page.startsWith('/') ? m.page : `/${m.page}` })
  }

  async function readAll(): Promise<void> {
    const r = await messagesApi.markRead('all')
    if (!r.ok) return toast(r.message, 'error')
    setReadNow('all')
  }

  if (messages.status === 'error') return <PageState status="error" message={messages.message} onRetry={messages.reload} />
  if (messages.status === 'loading') return <PageState status="loading" />
  const { items, total, nextCursor } = messages.data
  const unread = readNow === 'all' ? 0 : Math.max(0, messages.data.unread - items.filter((m) => !m.read && readNow.has(m.id)).length)
  const pushed = outbox.status === 'ready' ? outbox.data : null

  return (
    <View className="claims-page claims-inbox">
      {items.length === 0 ? <PageState status="empty" description="暂无消息。申请有进展时会在这里通知您。" /> : null}
      {unread > 0 ? (
        <View className="claims-inline-actions claims-inbox__tools">
          <Button size="small" variant="outline" onClick={() => void readAll()}>全部标为已读（{unread}）</Button>
        </View>
      ) : null}
      {items.map((m) => (
        <View key={m.id} className="claims-list-item claims-message" onClick={() => void open(m)}>
          <View className="claims-list-item__top">
            <Text className="claims-message__title">{m.title}</Text>
            {!isRead(m) ? <Tag theme="danger" size="small">未读</Tag> : null}
          </View>
          <Text className="claims-list-item__meta">{m.body}</Text>
          <Text className="claims-list-item__meta">{formatDateTimeCn(m.createdAt)}</Text>
        </View>
      ))}
      {items.length > 0 ? (
        <LoadMore total={total} shown={items.length} hasMore={nextCursor !== null} loading={messages.loadingMore} error={messages.moreError} onMore={messages.loadMore} />
      ) : null}
      {pushed && pushed.length > 0 ? (
        <View className="claims-section claims-outbox">
          <Text className="claims-section__title">订阅消息（本地模拟器发件箱）</Text>
          <Text className="claims-section__hint">在微信中，这些消息会以服务通知推送到手机。</Text>
          {[...pushed].reverse().map((o, i) => (
            <View key={i} className="claims-outbox__entry">
              <Text className="claims-outbox__template">模板 {o.templateId}</Text>
              <Text className="claims-outbox__fields">{Object.values(o.data ?? {}).map((v) => v.value).join(' · ')}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}

export default withPageFrame(InboxPage)
