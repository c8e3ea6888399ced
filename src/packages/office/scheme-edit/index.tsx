import { useEffect, useMemo, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { parseScheme, type Scheme } from '@mutual-aid/shared-rules'
import type { SchemeDraftView } from '@mutual-aid/contracts'
import { PageState } from '@/components/page-state'
import { Button, Checkbox, Textarea, confirm, toast } from '@/components/ui'
import { formatDateTimeCn } from '@/components/format'
import { RoleGate } from '@/features/session'
import { useLoad } from '@/services/use-load'
import { goOn } from '@/services/go-on'
import { SchemeEditor, schemeIssues, schemesApi } from '@/features/schemes'
import '@/features/schemes/schemes.scss'
import { withPageFrame } from '@/features/large-font'

/**
 * 编辑方案草稿: the fields the documents change from year to year (dates, rates, amounts, lists), each citing its
 * article, checked as they are typed by the rules' own schema; saved at the version loaded (a colleague's save in
 * between is reported, never overwritten). Experts can read and paste the whole version as JSON.
 */
function SchemeEditPage() {
  const { params } = useRouter()
  return <RoleGate roles={['office']}>{() => <SchemeEdit draftId={params.draftId ?? ''} />}</RoleGate>
}

function SchemeEdit({ draftId }: { draftId: string }) {
  const state = useLoad(() => schemesApi.getDraft(draftId), [draftId])
  const [loaded, setLoaded] = useState<SchemeDraftView | null>(null)
  const [scheme, setScheme] = useState<Scheme | null>(null)
  const [saving, setSaving] = useState(false)
  const [message, setMessage] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null)
  const [showJson, setShowJson] = useState(false)
  const [json, setJson] = useState('')

  const data = state.status === 'ready' ? state.data : null
  // Each load (the first, 重新加载) replaces what is edited.
  useEffect(() => {
    if (data) {
      setLoaded(data)
      setScheme(data.scheme)
    }
  }, [data])

  const issues = useMemo(() => (scheme ? schemeIssues(scheme) : {}), [scheme])
  const issueCount = Object.keys(issues).length
  const dirty = !!scheme && !!loaded && JSON.stringify(scheme) !== JSON.stringify(loaded.scheme)

  if (state.status === 'error') return <PageState status="error" message={state.message} onRetry={state.reload} />
  if (!loaded || !scheme) return <PageState status="loading" />
  if (loaded.draft.status !== 'draft') return <PageState status="empty" description="该草稿已经发布，已发布的版本不可修改。如需调整，请在“方案管理”中以它为基础新建下一版本。" />

  const save = async (): Promise<boolean> => {
    setMessage(null)
    if (issueCount > 0) {
      setMessage({ text: `还有 ${issueCount} 处需要修改（见标红的项目），改好后再保存。`, tone: 'error' })
      return false
    }
    setSaving(true)
    const r = await schemesApi.saveDraft({ draftId, version: loaded.draft.version, scheme: scheme as unknown as Record<string, unknown> })
    setSaving(false)
    if (!r.ok) {
      setMessage({ text: r.code === 'CONFLICT' ? '其他工作人员刚刚保存了这份草稿。请点“重新加载”查看最新内容，再做修改（您的修改未保存）。' : r.message, tone: 'error' })
      return false
    }
    setLoaded({ ...loaded, scheme, draft: { ...loaded.draft, version: r.data.version } })
    setMessage({ text: `已保存（第 ${r.data.version} 稿）。`, tone: 'ok' })
    return true
  }

  const importJson = () => {
    let value: unknown
    try {
      value = JSON.parse(json)
    } catch {
      return setMessage({ text: 'JSON 格式不正确，请检查括号和引号。', tone: 'error' })
    }
    const parsed = parseScheme(value)
    if (!parsed.ok) return setMessage({ text: `导入的方案数据不符合规定：${parsed.message}`, tone: 'error' })
    if (parsed.scheme.family !== scheme.family) return setMessage({ text: '导入的方案类别与草稿不同。', tone: 'error' })
    setScheme(parsed.scheme)
    setMessage({ text: '已导入，请核对后保存。', tone: 'ok' })
  }

  return (
    <View className="schemes-page" data-page="scheme-edit">
      <View className="schemes-notice">
        以 {loaded.base.name}（{loaded.base.id}）为基础编辑 {scheme.id}。每个数值下方注明其依据条款；保存后可预览文件示例的计算结果，核对无误再发布。最后修改：{loaded.draft.updatedByName || '互助办'} {formatDateTimeCn(loaded.draft.updatedAt)}。
      </View>
      {issueCount > 0 ? <View className="schemes-notice schemes-notice--warn">还有 {issueCount} 处不符合规定，已在对应项目下标红。</View> : null}
      <SchemeEditor scheme={scheme} onChange={setScheme} issues={issues} />

      <View className="schemes-json">
        <Checkbox
          label="专家：查看或导入 JSON"
          description="整份方案数据，可复制保存，或粘贴修改后的数据导入"
          checked={showJson}
          onChange={(on) => {
            setShowJson(on)
            if (on) setJson(JSON.stringify(scheme, null, 1))
          }}
        />
        {showJson ? (
          <>
            <Textarea label="方案数据（JSON）" value={json} onChange={setJson} />
            <Button variant="outline" onClick={importJson}>
              从上面的 JSON 导入
            </Button>
          </>
        ) : null}
      </View>

      {message ? <View className={`schemes-notice schemes-notice--${message.tone}`}>{message.text}</View> : null}
      <View className="schemes-card__actions schemes-json">
        <Button
          variant="text"
          theme="danger"
          disabled={saving}
          onClick={async () => {
            if (saving) return
            const ok = await confirm({ title: '删除草稿', content: '删除这份草稿？未发布的修改将全部丢失。', danger: true })
            if (!ok) return
            setSaving(true)
            const r = await schemesApi.discardDraft(draftId, loaded.draft.version)
            if (!r.ok) {
              setSaving(false)
              return toast(r.message, 'error')
            }
            toast('草稿已删除', 'success')
            // Busy until the page has closed: the draft is gone, nothing here may be sent again.
            goOn('back', () => setSaving(false))
          }}
        >
          删除草稿
        </Button>
        <Button variant="text" onClick={state.reload}>
          重新加载
        </Button>
      </View>
      <Text className="schemes-block__basis">{dirty ? '有尚未保存的修改。' : '所有修改均已保存。'}</Text>
      <View className="schemes-footer">
        <Button variant="outline" loading={saving} disabled={saving || !dirty} onClick={() => void save()}>
          保存
        </Button>
        <Button
          theme="primary"
          disabled={saving}
          onClick={async () => {
            if (saving) return
            if (dirty && !(await save())) return
            // Busy until the preview has opened: a second tap in between would open it twice.
            setSaving(true)
            goOn({ navigateTo: `/packages/office/scheme-preview/index?draftId=${draftId}` }, () => setSaving(false))
          }}
        >
          预览并发布
        </Button>
      </View>
    </View>
  )
}

export default withPageFrame(SchemeEditPage)
