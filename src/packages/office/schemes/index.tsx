import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { SchemeDraftSummary, VersionSummary } from '@mutual-aid/contracts'
import { PageState } from '@/components/page-state'
import { Button, Tag, confirm, toast } from '@/components/ui'
import { formatDateTimeCn } from '@/components/format'
import { RoleGate } from '@/features/session'
import { useLoad } from '@/services/use-load'
import { goOn } from '@/services/go-on'
import { schemesApi } from '@/features/schemes'
import '@/features/schemes/schemes.scss'
import { withPageFrame } from '@/features/large-font'

const FEES_TEXT: Record<VersionSummary['fees'], string> = { document: '方案文件规定', announced: '已公布', pending: '待公布' }

/** The year of the version that follows `v`: the next TZ activity year; for WH the year after today (第二十六条). */
function nextYear(v: VersionSummary, today: string): number {
  const thisYear = Number(today.slice(0, 4))
  return v.year !== null ? v.year + 1 : Math.max(thisYear + 1, Number(v.effectiveFrom.slice(0, 4)) + 1)
}

/** 方案管理: every version with its dates and fee state, the drafts being edited, and what the office can do next. */
function SchemesPage() {
  return <RoleGate roles={['office']}>{() => <Schemes />}</RoleGate>
}

function Schemes() {
  const state = useLoad(() => schemesApi.list(), [])
  const [busy, setBusy] = useState(false)
  if (state.status === 'loading') return <PageState status="loading" />
  if (state.status === 'error') return <PageState status="error" message={state.message} onRetry={state.reload} />
  const { versions, drafts, problems, today } = state.data
  const latest = new Set(['WH', 'TZ'].map((f) => versions.find((v) => v.family === f)?.id))

  const startDraft = async (v: VersionSummary) => {
    const year = nextYear(v, today)
    const what = v.family === 'TZ' ? `${year} 年度版本（活动期、参保时间、补助申请期顺延一年）` : `自 ${year} 年 1 月 1 日起施行的修订版本`
    const ok = await confirm({ title: '新建方案版本', content: `以“${v.name}”为基础新建${what}？新版本先保存为草稿，核对并预览后才发布。` })
    if (!ok) return
    setBusy(true)
    const r = await schemesApi.createDraft({ baseId: v.id, year })
    if (!r.ok) {
      setBusy(false)
      return toast(r.message, 'error')
    }
    // Busy until the draft's page has opened: a second tap in between would start a second draft.
    goOn({ navigateTo: `/packages/office/scheme-edit/index?draftId=${r.data.draftId}` }, () => setBusy(false))
  }

  return (
    <View className="schemes-page" data-page="schemes">
      <View className="schemes-notice">
        方案按版本管理：内置版本随程序提供，互助办发布的版本自施行日期起适用。已发布的版本不可修改；参加人按其保障期开始时的版本审核（第二十六条）。
      </View>
      {problems.map((p) => (
        <View key={p.id} className="schemes-notice schemes-notice--error">
          {p.id}：{p.message}。该版本暂停使用，请核对后重新发布。
        </View>
      ))}

      {drafts.length > 0 ? <Text className="schemes-section-title">编辑中的草稿</Text> : null}
      {drafts.map((d: SchemeDraftSummary) => (
        <View key={d.id} className="schemes-card" data-draft={d.targetId}>
          <Text className="schemes-card__title">{d.name}</Text>
          <View className="schemes-card__tags">
            <Tag theme="warning" variant="light">草稿</Tag>
            <Tag variant="light">{d.targetId}</Tag>
          </View>
          <Text className="schemes-card__line">基于 {d.baseId} · 第 {d.version} 稿</Text>
          <Text className="schemes-card__line">最后修改：{d.updatedByName || '互助办'} {formatDateTimeCn(d.updatedAt)}</Text>
          <View className="schemes-card__actions">
            <Button theme="primary" onClick={() => void Taro.navigateTo({ url: `/packages/office/scheme-edit/index?draftId=${d.id}` })}>
              继续编辑
            </Button>
            <Button variant="outline" onClick={() => void Taro.navigateTo({ url: `/packages/office/scheme-preview/index?draftId=${d.id}` })}>
              预览并发布
            </Button>
          </View>
        </View>
      ))}

      <Text className="schemes-section-title">方案版本</Text>
      {versions.map((v) => (
        <View key={v.id} className="schemes-card" data-version={v.id}>
          <Text className="schemes-card__title">{v.name}</Text>
          <View className="schemes-card__tags">
            <Tag theme={v.source === 'built_in' ? 'default' : 'success'} variant="light">{v.source === 'built_in' ? '内置' : '已发布'}</Tag>
            <Tag variant="light">{v.id}</Tag>
            <Tag theme={v.fees === 'pending' ? 'warning' : 'primary'} variant="light">缴费标准{FEES_TEXT[v.fees]}</Tag>
          </View>
          <Text className="schemes-card__line">施行日期：{v.effectiveFrom}{v.publishedOn ? `（${v.publishedOn} 发布）` : ''}</Text>
          {v.activity ? <Text className="schemes-card__line">活动期：{v.activity.from} 至 {v.activity.to}</Text> : null}
          {v.enrolment ? <Text className="schemes-card__line">参保申报：{v.enrolment.from} 至 {v.enrolment.to}</Text> : null}
          {v.feesNotice ? <Text className="schemes-card__line">缴费标准文件：{v.feesNotice}</Text> : null}
          <Text className="schemes-card__line">{v.document}</Text>
          <View className="schemes-card__actions">
            {v.fees === 'pending' ? (
              <Button theme="primary" onClick={() => void Taro.navigateTo({ url: `/packages/office/scheme-fees/index?schemeId=${v.id}` })}>
                公布缴费标准
              </Button>
            ) : null}
            {latest.has(v.id) ? (
              <Button variant="outline" disabled={busy} onClick={() => void startDraft(v)}>
                新建下一版本
              </Button>
            ) : null}
          </View>
        </View>
      ))}
    </View>
  )
}

export default withPageFrame(SchemesPage)
