import { useEffect, useMemo, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { applyAnnouncedFees, firstPeriodStart, formatYuan, quote, type FeeRule, type Scheme } from '@mutual-aid/shared-rules'
import { PRODUCT_LABEL } from '@mutual-aid/contracts'
import { PageState } from '@/components/page-state'
import { Button, CellGroup, DatePicker, Input, confirm, toast } from '@/components/ui'
import { RoleGate } from '@/features/session'
import { useLoad } from '@/services/use-load'
import { goOn } from '@/services/go-on'
import { FeeRulesEditor, schemesApi } from '@/features/schemes'
import '@/features/schemes/schemes.scss'
import { withPageFrame } from '@/features/large-font'

/** This version, and the latest earlier version of its family with fees (the form starts from its rates). */
async function loadVersions(schemeId: string) {
  const list = await schemesApi.list()
  if (!list.ok) return list
  const me = await schemesApi.get(schemeId)
  if (!me.ok) return me
  const earlier = list.data.versions.find((v) => v.family === me.data.summary.family && v.fees !== 'pending' && v.effectiveFrom < me.data.summary.effectiveFrom)
  const previous = earlier ? await schemesApi.get(earlier.id) : null
  return { ok: true as const, data: { version: me.data, previous: previous?.ok ? previous.data.rules : null, today: list.data.today } }
}

/** Rules for the announcement: the earlier version's rates (one rule per product offered), citing the new notice. */
function startingRules(version: Scheme, previous: Scheme | null, notice: string): FeeRule[] {
  const base = previous?.fees ?? []
  return version.products.flatMap((p) => {
    const rule = base.find((r) => r.product === p.id)
    return rule ? [{ ...rule, basis: `${notice || '缴费标准通知'}（${PRODUCT_LABEL[p.id]}）` }] : []
  })
}

/**
 * 公布缴费标准: the office announces the fees of a version whose document left them to a later notice (TZ 2022
 * 四(一)2 "2022年度缴费标准将另行通知"). Starts from last year's rates; shows the 例6 fee as a check; announcing is final.
 */
function SchemeFeesPage() {
  const { params } = useRouter()
  return <RoleGate roles={['office']}>{() => <SchemeFees schemeId={params.schemeId ?? ''} />}</RoleGate>
}

function SchemeFees({ schemeId }: { schemeId: string }) {
  const state = useLoad(() => loadVersions(schemeId), [schemeId])
  const [rules, setRules] = useState<FeeRule[] | null>(null)
  const [notice, setNotice] = useState('')
  const [announcedOn, setAnnouncedOn] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const ready = state.status === 'ready' ? state.data : null

  useEffect(() => {
    if (ready && rules === null) {
      setRules(startingRules(ready.version.rules, ready.previous, ''))
      setAnnouncedOn(ready.today)
    }
  }, [ready, rules])

  // The rules cite the notice as it is typed.
  const cited = useMemo(() => (rules ?? []).map((r) => ({ ...r, basis: `${notice.trim() || '缴费标准通知'}（${PRODUCT_LABEL[r.product]}）` })), [rules, notice])
  const applied = ready ? applyAnnouncedFees(ready.version.rules, cited) : null
  const example = applied?.ok
    ? quote({
        scheme: applied.scheme,
        unitType: 'private',
        coverageStart: firstPeriodStart(applied.scheme),
        shares: applied.scheme.shares ? 1 : undefined,
        products: applied.scheme.products.map((p) => p.id).filter((p) => p !== 'female'),
        participants: Array.from({ length: 30 }, () => ({ firstTime: true, sex: 'male' as const })),
      })
    : null

  if (state.status === 'loading' || !ready || !rules) return state.status === 'error' ? <PageState status="error" message={state.message} onRetry={state.reload} /> : <PageState status="loading" />
  const v = ready.version
  if (v.summary.fees !== 'pending') {
    return <PageState status="empty" description={`${v.summary.name}的缴费标准${v.summary.fees === 'announced' ? `已于 ${v.announcement?.announcedOn ?? ''} 公布（${v.summary.feesNotice ?? ''}）` : '已由方案文件规定'}，无需公布。`} />
  }

  const submit = async () => {
    setError(null)
    if (notice.trim().length < 4) return setError('请填写公布缴费标准的文件名称或文号（如 台总工〔2021〕20号）。')
    if (!applied?.ok) return setError(applied?.message ?? '缴费标准不完整。')
    const ok = await confirm({
      title: '公布缴费标准',
      content: `公布后不能修改：${v.summary.name}的报价、申报和缴费都将按此执行。确认公布？`,
      confirmText: '确认公布',
    })
    if (!ok) return
    setSending(true)
    const r = await schemesApi.announceFees({ schemeId: v.summary.id, fees: cited, notice: notice.trim(), announcedOn: announcedOn ?? ready.today })
    if (!r.ok) {
      setSending(false)
      return setError(r.message)
    }
    toast('缴费标准已公布，单位现在可以申报', 'success')
    // Busy until the page has closed: announcing is final, a second tap would only meet a refusal.
    goOn('back', () => setSending(false))
  }

  return (
    <View className="schemes-page" data-page="scheme-fees">
      <View className="schemes-notice">
        {v.summary.name}：{v.rules.feesBasis}规定缴费标准另行通知。请按通知填写各项目的标准（下列金额已按上一年度预填，请逐项核对）。
      </View>
      <CellGroup title="公布依据" theme="card">
        <Input
          label="通知文号或名称"
          value={notice}
          onChange={(text) => {
            setNotice(text)
            // The problem shown was about what is being corrected now.
            setError(null)
          }}
          placeholder="如 台总工〔2021〕20号"
          required
        />
        <DatePicker label="公布日期" value={announcedOn} onChange={setAnnouncedOn} end={ready.today} />
      </CellGroup>
      <FeeRulesEditor rules={cited} onChange={(next) => setRules(next)} />
      {applied && !applied.ok ? <View className="schemes-notice schemes-notice--warn">{applied.message}</View> : null}
      {example?.ok ? (
        <View className="schemes-notice schemes-notice--ok" data-example>
          核对示例：民营企业 30 人参加{v.rules.products.filter((p) => p.id !== 'female').map((p) => PRODUCT_LABEL[p.id]).join('、')}，自 {firstPeriodStart(v.rules)} 起保，应缴 {formatYuan(example.totalFen)}。
        </View>
      ) : null}
      {error ? <View className="schemes-notice schemes-notice--error">{error}</View> : null}
      <View className="schemes-footer">
        <Button theme="primary" loading={sending} disabled={sending} onClick={() => void submit()}>
          公布缴费标准
        </Button>
      </View>
    </View>
  )
}

export default withPageFrame(SchemeFeesPage)
