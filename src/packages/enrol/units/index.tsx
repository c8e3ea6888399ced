import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageState } from '@/components/page-state'
import { Button, CellGroup, Checkbox, Input, Picker, RadioGroup, Search, Tag, confirm, toast } from '@/components/ui'
import { LoadMore } from '@/components/load-more'
import { usePagedLoad, useLoad } from '@/services/use-load'
import { enrolmentPages, unitsApi } from '@/features/enrolment/api'
import '@/features/enrolment/enrol.scss'
import { FAMILY_LABEL, FAMILY_SHORT_LABEL, UNIT_TYPE_LABEL, unitCreateSchema, type UnitSummary } from '@mutual-aid/contracts'
import type { UnitType } from '@mutual-aid/shared-rules'
import { PrivacyPopup } from '@/components/privacy-popup'
import { withPageFrame } from '@/features/large-font'

/** 参加单位 (office: all units; agent: its own): search, create, and open a unit's roster, details or certificate. */
function UnitsPage() {
  const [query, setQuery] = useState('')
  const [search, setSearch] = useState('')
  const [creating, setCreating] = useState(false)
  const [invite, setInvite] = useState<{ code: string; expiresOn: string; unitName: string } | null>(null)
  const state = usePagedLoad(enrolmentPages.units(search || undefined), [search])

  const open = async (u: UnitSummary) => {
    const items = ['单位信息与变更记录', '职工名册', '履约确认书', '生成经办人邀请码']
    let tapIndex: number
    try {
      tapIndex = (await Taro.showActionSheet({ itemList: items })).tapIndex
    } catch {
      return
    }
    if (tapIndex === 0) void Taro.navigateTo({ url: `/packages/enrol/unit-edit/index?unitId=${u._id}` })
    if (tapIndex === 1) void Taro.navigateTo({ url: `/packages/enrol/roster/index?unitId=${u._id}` })
    if (tapIndex === 2) void Taro.navigateTo({ url: `/packages/enrol/certificate/index?unitId=${u._id}` })
    if (tapIndex === 3) {
      const ok = await confirm({ title: '生成邀请码', content: `为 ${u.name} 生成经办人邀请码？邀请码 7 天内有效，只能使用一次，请只发给该单位工会经办人。` })
      if (!ok) return
      const answer = await unitsApi.createInvite(u._id)
      if (!answer.ok) return toast(answer.message, 'error')
      setInvite(answer.data)
    }
  }

  return (
    <View className="enrol-page units-page">
      <PrivacyPopup />
      {invite ? (
        <View className="enrol-card invite-card">
          <Text className="enrol-card__title">{invite.unitName} 经办人邀请码</Text>
          <Text className="enrol-code">{invite.code}</Text>
          <Text className="enrol-card__line">有效期至 {invite.expiresOn}，只能使用一次。经办人在小程序“绑定身份 → 我是单位经办人”中输入。</Text>
          <View className="enrol-actions">
            <Button variant="outline" onClick={() => void Taro.setClipboardData({ data: invite.code })}>
              复制
            </Button>
            <Button variant="text" onClick={() => setInvite(null)}>
              关闭
            </Button>
          </View>
        </View>
      ) : null}
      <View className="enrol-actions">
        <Button theme="primary" onClick={() => setCreating(!creating)}>
          {creating ? '收起' : '新增参加单位'}
        </Button>
      </View>
      {creating ? (
        <CreateUnit
          onDone={() => {
            setCreating(false)
            state.reload()
          }}
        />
      ) : null}
      <Search value={query} onChange={setQuery} onSubmit={(v) => setSearch(v.trim())} placeholder="搜索单位名称" />
      {state.status === 'loading' ? <PageState status="loading" /> : null}
      {state.status === 'error' ? <PageState status="error" message={state.message} onRetry={state.reload} /> : null}
      {state.status === 'ready' ? (
        <>
          {state.data.items.length === 0 ? <PageState status="empty" description={search ? '没有找到该单位' : '还没有参加单位'} /> : null}
          {state.data.items.map((u) => (
            <View key={u._id} className="enrol-card unit-item" onClick={() => void open(u)}>
              <View>
                <Text className="enrol-card__title">{u.name}</Text>
                <Tag theme="primary">{FAMILY_SHORT_LABEL[u.family]}</Tag> <Tag>{UNIT_TYPE_LABEL[u.unitType]}</Tag>
                {u.finance ? <Tag>银行/保险</Tag> : null} {u.lateChange ? <Tag theme="danger">逾期变更</Tag> : null}
              </View>
              <Text className="enrol-card__line">
                {u.agentName} · 联系人 {u.contactName} {u.contactPhone}
              </Text>
              <Text className="enrol-card__line">统一社会信用代码 {u.uscc}</Text>
            </View>
          ))}
          {state.data.items.length > 0 ? (
            <LoadMore total={state.data.total} shown={state.data.items.length} hasMore={state.data.nextCursor !== null} loading={state.loadingMore} error={state.moreError} onMore={state.loadMore} unit="家" />
          ) : null}
        </>
      ) : null}
    </View>
  )
}

function CreateUnit({ onDone }: { onDone: () => void }) {
  const agents = useLoad(() => unitsApi.listAgents(), [], { refreshOnShow: false })
  const [form, setForm] = useState({ name: '', uscc: '', unitType: null as UnitType | null, finance: false, family: 'WH' as 'WH' | 'TZ', agentId: null as string | null, contactName: '', contactPhone: '', address: '' })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm({ ...form, [k]: v })
  const agentOptions = agents.status === 'ready' ? agents.data.map((a) => ({ value: a._id, label: a.name })) : []
  const agentId = form.agentId ?? (agentOptions.length === 1 ? agentOptions[0].value : null)

  const save = async () => {
    const parsed = unitCreateSchema.safeParse({ ...form, agentId: agentId ?? '', unitType: form.unitType ?? undefined })
    if (!parsed.success) {
      const next: Record<string, string> = {}
      for (const issue of parsed.error.issues) next[String(issue.path[0])] ??= issue.message
      if (!form.unitType) next.unitType = '请选择单位类型'
      return setErrors(next)
    }
    setErrors({})
    setBusy(true)
    const answer = await unitsApi.create(parsed.data)
    setBusy(false)
    if (!answer.ok) return setErrors({ form: answer.message })
    toast('单位已创建，可生成经办人邀请码', 'success')
    onDone()
  }

  return (
    <View className="unit-create">
      <CellGroup title="新增参加单位">
        <Input label="单位名称" value={form.name} onChange={(v) => set('name', v)} required error={errors.name} />
        <Input label="统一社会信用代码" value={form.uscc} onChange={(v) => set('uscc', v)} required maxLength={18} error={errors.uscc} />
        <Picker label="单位类型" value={form.unitType} options={Object.entries(UNIT_TYPE_LABEL).map(([value, label]) => ({ value: value as UnitType, label }))} onChange={(v) => set('unitType', v)} required error={errors.unitType} />
        <Checkbox label="银行或保险机构" checked={form.finance} onChange={(v) => set('finance', v)} />
        <RadioGroup value={form.family} options={[{ value: 'WH', label: FAMILY_LABEL.WH }, { value: 'TZ', label: FAMILY_LABEL.TZ }]} onChange={(v) => set('family', v)} />
        <Picker label="代理单位" value={agentId} options={agentOptions} onChange={(v) => set('agentId', v)} required error={errors.agentId} />
        <Input label="联系人" value={form.contactName} onChange={(v) => set('contactName', v)} required error={errors.contactName} />
        <Input label="联系电话" value={form.contactPhone} onChange={(v) => set('contactPhone', v)} type="tel" required error={errors.contactPhone} />
        <Input label="地址" value={form.address} onChange={(v) => set('address', v)} error={errors.address} />
      </CellGroup>
      {errors.form ? <View className="enrol-notice enrol-notice--error">{errors.form}</View> : null}
      <View className="enrol-actions">
        <Button theme="primary" loading={busy} onClick={() => void save()}>
          创建单位
        </Button>
      </View>
    </View>
  )
}

export default withPageFrame(UnitsPage)
