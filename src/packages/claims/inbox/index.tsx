import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageState } from '@/components/page-state'
import { Button, Tag, toast } from '@/components/ui'
import { type MessageView } from '@mutual-aid/contracts'
import { formatDateTimeCn } from '@/components/format'
import { messagesApi, useLoadAndRefresh } from '@/features/claims'
import { loadOutbox, type OutboxEntry } from '@/features/claims/outbox'
import '@/features/claims/claims.scss'

/** The in-app messages; locally (h5 on the emulator) also the subscribe messages WeChat would have pushed. */
export default function InboxPage() {
  const [items, setItems] = useState<MessageView[] | null>(null)
  const [unread, setUnread] = useState(0)
  const [outbox, setOutbox] = useState<OutboxEntry[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async () => {
    setError(null)
    const [r, pushed] = await Promise.all([messagesApi.list(), loadOutbox()])
    if (!r.ok) return setError(r.message)
    setItems(r.data.items)
    setUnread(r.data.unread)
    setOutbox(pushed)
  }, [])
  useLoadAndRefresh(load)

  async function open(m: MessageView): Promise<void> {
    if (!m.read) {
      const r = await messagesApi.markRead([m.id])
      if (r.ok) {
        setItems((list) => list?.map((x) => (x.id === m.id ? { ...x, read: true } : x)) ?? null)
        setUnread((n) => Math.max(0, n - r.data.updated))
      }
    }
    if (m.page) void Taro.navigateTo({ url: m.page.startsWith('/') ? m.page : `/${m.page}` })
  }

  async function readAll(): Promise<void> {
    const r = await messagesApi.markRead('all')
    if (!r.ok) return toast(r.message, 'error')
    setItems((list) => list?.map((x) => ({ ...x, read: true })) ?? null)
    setUnread(0)
  }

  if (error) return <PageState status="error" message={error} onRetry={() => void load()} />
  if (items === null) return <PageState status="loading" />

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
            {!m.read ? <Tag theme="danger" size="small">未读</Tag> : null}
          </View>
          <Text className="claims-list-item__meta">{m.body}</Text>
          <Text className="claims-list-item__meta">{formatDateTimeCn(m.createdAt)}</Text>
        </View>
      ))}
      {outbox && outbox.length > 0 ? (
        <View className="claims-section claims-outbox">
          <Text className="claims-section__title">订阅消息（本地模拟器发件箱）</Text>
          <Text className="claims-section__hint">在微信中，这些消息会以服务通知推送到手机。</Text>
          {[...outbox].reverse().map((o, i) => (
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
