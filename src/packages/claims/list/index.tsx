import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageState } from '@/components/page-state'
import { LoadMore } from '@/components/load-more'
import { Button } from '@/components/ui'
import { KIND_LABEL, PRODUCT_LABEL } from '@mutual-aid/contracts'
import { formatDateTimeCn } from '@/components/format'
import { usePagedLoad, useLoad } from '@/services/use-load'
import { claimsApi } from '@/features/claims'
import { ClaimCard } from '@/features/claims/claim-card'
import '@/features/claims/claims.scss'
import { withPageFrame } from '@/features/large-font'

/** The worker's (or beneficiary's) claims and unfinished drafts. */
function MyClaimsPage() {
  const claims = usePagedLoad((cursor) => claimsApi.mine(cursor), [])
  const drafts = useLoad(() => claimsApi.myDrafts(), [])
  const openDrafts = drafts.status === 'ready' ? drafts.data : []

  const start = <Button theme="primary" onClick={() => void Taro.navigateTo({ url: '/packages/claims/new/index' })}>申请互助金</Button>
  if (claims.status === 'error') return <PageState status="error" message={claims.message} onRetry={claims.reload} />
  // Drafts are shown above the claims: wait for both (a failed drafts list only leaves the drafts out).
  if (claims.status === 'loading' || drafts.status === 'loading') return <PageState status="loading" />
  const { items, total, nextCursor } = claims.data
  if (items.length === 0 && openDrafts.length === 0) return <PageState status="empty" description="您还没有提交过互助金申请" action={start} />

  return (
    <View className="claims-page">
      {openDrafts.map((d) => (
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
      {items.length > 0 ? (
        <LoadMore total={total} shown={items.length} hasMore={nextCursor !== null} loading={claims.loadingMore} error={claims.moreError} onMore={claims.loadMore} unit="件" />
      ) : null}
      <View className="claims-actions">{start}</View>
    </View>
  )
}

export default withPageFrame(MyClaimsPage)
