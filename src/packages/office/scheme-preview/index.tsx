import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Family } from '@mutual-aid/shared-rules'
import { PageState } from '@/components/page-state'
import { Button, Tag, confirm } from '@/components/ui'
import { RoleGate } from '@/features/session'
import { useLoad } from '@/services/use-load'
import { goOn } from '@/services/go-on'
import { changeLabel, changeValue, schemesApi } from '@/features/schemes'
import '@/features/schemes/schemes.scss'
import { withPageFrame } from '@/features/large-font'

/**
 * 预览并发布: the documents' examples and benefit-table rows computed under the version the draft was copied from and
 * under the draft, the changed outcomes marked; the values changed; what stops publishing. Publishing is final.
 */
function SchemePreviewPage() {
  const { params } = useRouter()
  return <RoleGate roles={['office']}>{() => <SchemePreview draftId={params.draftId ?? ''} />}</RoleGate>
}

function SchemePreview({ draftId }: { draftId: string }) {
  const state = useLoad(() => schemesApi.preview(draftId), [draftId])
  const [publishing, setPublishing] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (state.status === 'loading') return <PageState status="loading" />
  if (state.status === 'error') return <PageState status="error" message={state.message} onRetry={state.reload} />
  const p = state.data
  const family: Family = p.targetId.startsWith('wh-') ? 'WH' : 'TZ'
  const differs = p.rows.filter((r) => r.differs)

  const publish = async () => {
    setError(null)
    const ok = await confirm({
      title: '发布方案版本',
      content: `发布 ${p.targetId} 后不可修改，自施行日期起用于报价、申报和审核。文件示例中有 ${differs.length} 项结果与 ${p.baseId} 不同。确认发布？`,
      confirmText: '确认发布',
    })
    if (!ok) return
    setPublishing(true)
    const r = await schemesApi.publish(draftId, p.version)
    if (!r.ok) {
      setPublishing(false)
      setError(r.code === 'CONFLICT' ? '草稿刚刚被其他工作人员修改，请返回重新核对后再发布。' : r.message)
      return state.reload()
    }
    await Taro.showToast({ title: '已发布', icon: 'success' })
    // Busy until the list has replaced this page.
    goOn({ redirectTo: '/packages/office/schemes/index' }, () => setPublishing(false))
  }

  return (
    <View className="schemes-page" data-page="scheme-preview">
      <View className="schemes-notice">
        {p.targetId}（第 {p.version} 稿）与 {p.baseId} 对照：文件示例 {p.rows.length} 项，其中 {differs.length} 项结果不同；改动的数值 {p.changes.length} 项。
      </View>
      {p.blockers.map((b) => (
        <View key={b} className="schemes-notice schemes-notice--error">
          暂不能发布：{b}
        </View>
      ))}

      <Text className="schemes-section-title">文件示例的计算结果</Text>
      {p.rows.map((r) => (
        <View key={r.id} className={`schemes-case ${r.differs ? 'schemes-case--differs' : ''}`} data-case={r.id} data-differs={r.differs ? 'yes' : 'no'}>
          <Text className="schemes-case__title">
            {r.title} {r.differs ? <Tag theme="warning" size="small">有变化</Tag> : null}
          </Text>
          <Text className="schemes-case__source">依据：{r.source}</Text>
          <Text className="schemes-case__outcome">{p.baseId}：{r.base.summary}</Text>
          <Text className={`schemes-case__outcome ${r.differs ? 'schemes-case__outcome--new' : ''}`}>
            {p.targetId}：{r.draft.summary}
          </Text>
        </View>
      ))}

      <Text className="schemes-section-title">改动的数值（{p.changes.length}）</Text>
      <View className="schemes-card">
        {p.changes.length === 0 ? <Text className="schemes-card__line">与 {p.baseId} 相同。</Text> : null}
        {p.changes.map((c) => (
          <Text key={c.path} className="schemes-card__line" data-change={c.path}>
            {changeLabel(family, c.path)}：{changeValue(c.path, c.before)} → {changeValue(c.path, c.after)}
          </Text>
        ))}
      </View>

      {error ? <View className="schemes-notice schemes-notice--error">{error}</View> : null}
      <View className="schemes-footer">
        <Button variant="outline" onClick={() => void Taro.navigateBack()}>
          返回修改
        </Button>
        <Button theme="primary" loading={publishing} disabled={publishing || p.blockers.length > 0} onClick={() => void publish()}>
          发布
        </Button>
      </View>
    </View>
  )
}

export default withPageFrame(SchemePreviewPage)
