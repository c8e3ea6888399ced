import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageState } from '@/components/page-state'
import { Button } from '@/components/ui'
import { KIND_LABEL, PRODUCT_LABEL, type ClaimListItem } from '@mutual-aid/contracts'
import { formatDateTimeCn } from '@/components/format'
import { claimsApi, useLoadAndRefresh } from '@/features/claims'
import { ClaimCard } from '@/features/claims/claim-card'
import '@/features/claims/claims.scss'

type Drafts = { id: string; product: keyof typeof PRODUCT_LABEL; kind: keyof typeof KIND_LABEL; updatedAt: string }[]

/** The worker's (or beneficiary's) claims and unfinished drafts. */
export default function MyClaimsPage() {
  const [items, setItems] = useState<ClaimListItem[] | null>(null)
  const [drafts, setDrafts] = useState<Drafts>([])
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async () => {
    setError(null)
    const [mine, open] = await Promise.all([claimsApi.mine(), claimsApi.myDrafts()])
    if (!mine.ok) return setError(mine.message)
    setItems(mine.data)
    if (open.ok) setDrafts(open.data)
  }, [])

  useLoadAndRefresh(load)

  const start = <Button theme="primary" onClick={() => void Taro.navigateTo({ url: '/packages/claims/new/index' })}>申请互助金</Button>
  if (error) return <PageState status="error" message={error} onRetry={() => void load()} />
  if (items === null) return <PageState status="loading" />
  if (items.length === 0 && drafts.length === 0) return <PageState status="empty" description="您还没有提交过互助金申请" action={start} />

  return (
    <View className="claims-page">
      {drafts.map((d) => (
        <View key={d.id} className="claims-list-item" onClick={() => void Taro.navigateTo({ url: `/packages/claims/new/index?draftId=${d.id}` })}>
          <View className="claims-list-item__top">
            <Text className="claims-list-item__no">草稿 · {PRODUCT_LABEL[d.product]}</Text>
            <Text className="claims-link">继续填写 ›</Text>
          </View>
          <Text className="claims-list-item__meta">{KIND_LABEL[d.kind]} · 保存于 {formatDateTimeCn(d.updatedAt)}</Text>
        </View>
      ))}
      {items.map((item) => (
        <ClaimCard key={item.id} item={item} />
      ))}
      <View className="claims-actions">{start}</View>
    </View>
  )
}
