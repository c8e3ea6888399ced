import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageState } from '@/components/page-state'
import { useLoad } from '@/services/use-load'
import { Button, CellGroup, DatePicker, Input, Tag, confirm, toast } from '@/components/ui'
import { unitsApi } from '@/features/enrolment/api'
import '@/features/enrolment/enrol.scss'
import { FAMILY_LABEL, UNIT_TYPE_LABEL } from '@mutual-aid/contracts'
import { schemeOn } from '@mutual-aid/shared-rules'
import { withPageFrame } from '@/features/large-font'

const FIELD_LABEL: Record<string, string> = { name: '单位名称', address: '地址', contactName: '联系人', contactPhone: '联系电话' }

/** 单位信息: details and their changes; a change is recorded, and one reported after 15 days is flagged (Art. 23). */
function UnitEditPage() {
  const unitId = useRouter().params.unitId
  const [form, setForm] = useState({ name: '', address: '', contactName: '', contactPhone: '' })
  // The form starts from the unit as loaded (again after each recorded change); coming back from the background keeps
  // what was typed.
  const state = useLoad(() => unitsApi.get(unitId), [unitId], {
    refreshOnShow: false,
    onReady: ({ unit: u }) => setForm({ name: u.name, address: u.address, contactName: u.contactName, contactPhone: u.contactPhone }),
  })
  const [changedOn, setChangedOn] = useState<string | null>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  if (state.status === 'loading') return <PageState status="loading" />
  if (state.status === 'error') return <PageState status="error" message={state.message} onRetry={state.reload} />
  const { unit, changes, clerks } = state.data
  // The reporting limit of the scheme version running today (WH 第二十三条: 15 days); none where the scheme sets none.
  const limit = schemeOn(unit.family, state.data.today, 'period')?.unitChangeReport ?? null
  const current = unit as unknown as Record<string, unknown>
  const changed = Object.fromEntries(Object.entries(form).filter(([k, v]) => v.trim() !== String(current[k] ?? '')))

  const save = async () => {
    setError('')
    if (!Object.keys(changed).length) return setError('没有修改任何内容。')
    if (!changedOn) return setError(limit ? `请选择变更发生的日期（${limit.basis}：变更后 ${limit.days} 日内报告）。` : '请选择变更发生的日期。')
    const ok = await confirm({ title: '提交单位信息变更', content: Object.entries(changed).map(([k, v]) => `${FIELD_LABEL[k]}：${v}`).join('\n') })
    if (!ok) return
    setBusy(true)
    const answer = await unitsApi.update({ unitId: unit._id, version: unit.version, changedOn, changes: changed })
    setBusy(false)
    if (!answer.ok) return setError(answer.message)
    toast(answer.data.late ? `已记录；变更 ${answer.data.lateDays} 天后才报告，超过 ${answer.data.limitDays} 天（${answer.data.basis}），已提示互助办` : '变更已记录', answer.data.late ? 'warning' : 'success')
    setChangedOn(null)
    state.reload()
  }

  return (
    <View className="enrol-page unit-edit-page">
      <View className="enrol-card">
        <Text className="enrol-card__title">{unit.name}</Text>
        <Tag theme="primary">{FAMILY_LABEL[unit.family]}</Tag> <Tag>{UNIT_TYPE_LABEL[unit.unitType]}</Tag>
        <Text className="enrol-card__line">统一社会信用代码 {unit.uscc}</Text>
        <Text className="enrol-card__line">代理单位 {unit.agentName}</Text>
        <Text className="enrol-card__line">经办人 {clerks.map((c) => c.name).join('、') || '尚未绑定'}</Text>
        {unit.staffReport ? <Text className="enrol-card__line">职工月报 {unit.staffReport.month} 在职 {unit.staffReport.headcount} 人</Text> : null}
      </View>
      <CellGroup title={limit ? `变更单位信息（变更后 ${limit.days} 日内报告，${limit.basis}）` : '变更单位信息'}>
        {Object.keys(FIELD_LABEL).map((k) => (
          <Input key={k} label={FIELD_LABEL[k]} value={form[k as keyof typeof form]} onChange={(v) => setForm({ ...form, [k]: v })} type={k === 'contactPhone' ? 'tel' : 'text'} />
        ))}
        <DatePicker label="变更日期" value={changedOn} onChange={setChangedOn} end={state.data.today} required />
      </CellGroup>
      {error ? <View className="enrol-notice enrol-notice--error">{error}</View> : null}
      <View className="enrol-actions">
        <Button theme="primary" loading={busy} disabled={!Object.keys(changed).length} onClick={() => void save()}>
          提交变更
        </Button>
      </View>
      <Text className="enrol-section-title">变更记录</Text>
      {changes.length === 0 ? <PageState status="empty" description="暂无变更记录" /> : null}
      {changes.map((c, i) => (
        <View key={i} className="enrol-card">
          <View>
            <Text className="enrol-card__line">
              {c.changedOn} 变更，{c.reportedOn} 报告
            </Text>
            {c.late ? <Tag theme="danger">逾期报告</Tag> : <Tag theme="success">按时报告</Tag>}
          </View>
          {Object.keys(c.after).map((k) => (
            <Text key={k} className="enrol-card__line">
              {FIELD_LABEL[k] ?? k}：{String(c.before[k] ?? '')} → {String(c.after[k])}
            </Text>
          ))}
        </View>
      ))}
    </View>
  )
}

export default withPageFrame(UnitEditPage)
