import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatYuan, readableBasis } from '@mutual-aid/shared-rules'
import { FILED_AS_LABEL, KIND_LABEL, PRODUCT_LABEL } from '@mutual-aid/contracts'
import { PageState } from '@/components/page-state'
import { Button, Input, Picker, RadioGroup, Search } from '@/components/ui'
import { useLoad } from '@/services/use-load'
import { claimsApi } from '../api'
import type { ClaimWizard } from './use-claim-wizard'
import { kindsOffered } from './wizard-state'

/** Open drafts to continue instead of starting again. */
function OpenDrafts({ wizard }: { wizard: ClaimWizard }) {
  const drafts = wizard.loads.drafts
  if (drafts.status !== 'ready' || drafts.data.length === 0) return null
  return (
    <View className="claims-section">
      <Text className="claims-section__title">未提交的草稿</Text>
      {drafts.data.map((d) => (
        <View key={d.id} className="claims-row" onClick={() => void Taro.redirectTo({ url: `/packages/claims/new/index?draftId=${d.id}` })}>
          <Text className="claims-row__label">{PRODUCT_LABEL[d.product]} · {KIND_LABEL[d.kind]}</Text>
          <Text className="claims-row__value claims-link">继续填写 ›</Text>
        </View>
      ))}
    </View>
  )
}

/**
 * A clerk picks the worker from the unit's roster: the first people by name, or — once a name is typed — those whose
 * name begins with it, looked up by the function (a large unit's roster never travels whole).
 */
function RosterPicker({ wizard }: { wizard: ClaimWizard }) {
  const [query, setQuery] = useState('')
  const q = query.trim()
  const searched = useLoad(() => claimsApi.roster(q), [q], { enabled: q !== '', refreshOnShow: false })
  const roster = q ? searched : wizard.loads.roster
  return (
    <View className="claims-section">
      <Text className="claims-section__title">选择职工</Text>
      <Search value={query} onChange={setQuery} placeholder="输入姓名查找" />
      {roster.status === 'loading' ? <Text className="claims-section__hint">正在加载名册…</Text> : null}
      {roster.status === 'error' ? <PageState status="error" message={roster.message} onRetry={roster.reload} /> : null}
      {roster.status === 'ready'
        ? roster.data.map((p) => (
            <View key={p.id} className="claims-row" onClick={() => wizard.pick({ mode: 'on_behalf', personId: p.id })}>
              <Text className="claims-row__label">{p.name}</Text>
              <Text className="claims-row__value">{p.idMasked} ›</Text>
            </View>
          ))
        : null}
      {roster.status === 'ready' && roster.data.length === 0 ? (
        <Text className="claims-section__hint">{q ? `没有姓名以「${q}」开头的在职职工，请核对姓名` : '本单位名册中还没有在职职工'}</Text>
      ) : null}
    </View>
  )
}

/** A family member names the deceased participant (name and ID as on the roster) to find the participation. */
function BeneficiaryLookup({ wizard }: { wizard: ClaimWizard }) {
  const [name, setName] = useState('')
  const [residentId, setResidentId] = useState('')
  const looking = wizard.target !== null && wizard.loads.prepare.status === 'loading'
  return (
    <View className="claims-section">
      <Text className="claims-section__title">已故参加人信息</Text>
      <Text className="claims-section__hint">请节哀。请填写已故参加人的姓名和身份证号（须与单位名册一致），用于查找其参加记录；下一步再填写您的关系和联系电话。</Text>
      <Input label="参加人姓名" value={name} onChange={setName} required />
      <Input label="身份证号" value={residentId} onChange={setResidentId} type="idcard" maxLength={18} required />
      <View className="claims-inline-actions">
        <Button
          theme="primary"
          loading={looking}
          disabled={name.trim().length < 2 || residentId.trim().length !== 18}
          onClick={() => wizard.pick({ mode: 'beneficiary', name, residentId })}
        >
          查找参加记录
        </Button>
      </View>
    </View>
  )
}

/** The person found, and the participation, product and kind of claim to file. */
function WhatToClaim({ wizard }: { wizard: ClaimWizard }) {
  const { state, view } = wizard
  const prepared = state.prepared
  if (!prepared) return null
  const { participation, coverage } = view
  const kinds = participation && state.product ? kindsOffered(state, state.product) : []
  return (
    <>
      <View className="claims-section">
        <Text className="claims-section__title">{prepared.filedAs === 'beneficiary' ? '已故参加人' : '参加人'}</Text>
        <View className="claims-row">
          <Text className="claims-row__label">姓名</Text>
          <Text className="claims-row__value">{prepared.person.name}（{prepared.person.idMasked}）</Text>
        </View>
        <View className="claims-row">
          <Text className="claims-row__label">所在单位</Text>
          <Text className="claims-row__value">{prepared.person.unitName}</Text>
        </View>
        <View className="claims-row">
          <Text className="claims-row__label">申请方式</Text>
          <Text className="claims-row__value">{FILED_AS_LABEL[prepared.filedAs]}</Text>
        </View>
      </View>
      {prepared.participations.length === 0 ? (
        <View className="claims-notice claims-notice--warning">未找到有效的参加记录：单位可能尚未为其办理参加或缴费。请联系单位工会经办人。</View>
      ) : (
        <View className="claims-section">
          <Text className="claims-section__title">申请项目</Text>
          {prepared.participations.length > 1 ? (
            <Picker
              label="参加期次"
              value={state.participationId}
              options={prepared.participations.map((p) => ({ value: p.id, label: `${p.year} 年（${p.coverageStart} 起）` }))}
              onChange={wizard.chooseParticipation}
            />
          ) : null}
          {participation ? (
            <View className="claims-choice">
              {participation.products.map((p) => {
                const ended = participation.endedProducts.includes(p)
                return (
                  <View key={p} className={`claims-choice__item ${state.product === p ? 'claims-choice__item--active' : ''}`} onClick={() => wizard.chooseProduct(p)}>
                    <Text className="claims-choice__title">{PRODUCT_LABEL[p]}</Text>
                    <Text className="claims-choice__desc">
                      {participation.year} 年度 · 保障期 {participation.coverageStart} 至 {participation.coverageEnd}
                      {participation.family === 'WH' ? ` · ${participation.shares} 份` : ''}
                      {ended ? ' · 本期已给付过，保障已终止' : ''}
                    </Text>
                  </View>
                )
              })}
            </View>
          ) : null}
          {prepared.filedAs !== 'beneficiary' && kinds.length > 1 ? (
            <View className="claims-gap-top">
              <RadioGroup value={state.kind} options={kinds.map((k) => ({ value: k, label: KIND_LABEL[k] }))} onChange={wizard.chooseKind} />
            </View>
          ) : null}
        </View>
      )}
      {coverage && participation && prepared.filedAs === 'beneficiary' ? (
        // To a bereaved family: what they may claim for the deceased, not what a living worker could claim today.
        <View className="claims-notice">
          <Text className="claims-notice__title">家属可以申请什么</Text>
          <Text>
            {`${prepared.person.name} 参加了 ${participation.year} 年度职工医疗互助（保障期 ${participation.coverageStart} 至 ${participation.coverageEnd}）。在保障期内因病身故的，可由家属（受益人）申请身故抚恤金。请准备下列材料，我们会尽快办理。`}
          </Text>
        </View>
      ) : coverage ? (
        <View className={`claims-notice ${coverage.active ? '' : 'claims-notice--warning'}`}>
          <Text className="claims-notice__title">现在可以申请什么</Text>
          <Text>{readableBasis(coverage.summary)}</Text>
          {coverage.claimableNow && coverage.claimableNow.amountFen > 0 ? (
            <Text>{`\n${prepared.filedAs === 'clerk' ? '在保障期内确诊' : '今天确诊'}可申请：${formatYuan(coverage.claimableNow.amountFen)}（依据${readableBasis(coverage.claimableNow.basis)}）`}</Text>
          ) : null}
        </View>
      ) : null}
      {view.checklist.length > 0 ? (
        <View className="claims-section">
          <Text className="claims-section__title">需要准备的材料（拍照上传）</Text>
          {view.checklist.map((i) => (
            <Text key={i.key} className="claims-section__hint">
              {i.required ? '• ' : '◦ '}
              {i.label}
              {i.required ? '' : '（如有）'}
            </Text>
          ))}
          <Text className="claims-section__hint">申请表由本页在线填写，单位和代理单位的在线确认代替盖章。</Text>
        </View>
      ) : null}
    </>
  )
}

/** Step 1 — for whom and what: open drafts, the person, the participation, product and kind. */
export function TargetStep({ wizard }: { wizard: ClaimWizard }) {
  const { state, loads } = wizard
  const whoami = wizard.session.status === 'ready' ? wizard.session.whoami : null
  const preparing = wizard.target !== null && !state.prepared
  return (
    <>
      <OpenDrafts wizard={wizard} />
      <View className="claims-section">
        <Text className="claims-section__title">为谁申请</Text>
        <RadioGroup
          value={state.mode}
          options={[
            { value: 'self', label: '为本人申请', disabled: !whoami?.personId },
            { value: 'on_behalf', label: '单位经办人代职工申请', disabled: whoami?.role !== 'clerk' },
            { value: 'beneficiary', label: '家属（受益人）为已故参加人申请身故抚恤金' },
          ]}
          onChange={wizard.chooseMode}
        />
        {state.mode === 'self' && !whoami?.personId ? (
          <Text className="claims-section__hint">您的微信尚未绑定职工身份，请先完成绑定，或请单位经办人代为申请。</Text>
        ) : null}
      </View>
      {state.mode === 'on_behalf' && !state.prepared ? <RosterPicker wizard={wizard} /> : null}
      {state.mode === 'beneficiary' && !state.prepared ? <BeneficiaryLookup wizard={wizard} /> : null}
      {preparing && loads.prepare.status === 'loading' && state.mode !== 'beneficiary' ? <PageState status="loading" text="正在查找参加记录…" /> : null}
      {preparing && loads.prepare.status === 'error' ? <PageState status="error" message={loads.prepare.message} onRetry={loads.prepare.reload} /> : null}
      <WhatToClaim wizard={wizard} />
      <View className="claims-actions">
        <Button theme="primary" block disabled={!wizard.view.participation || !state.product || !state.kind} onClick={() => wizard.go('facts')}>
          下一步：填写信息
        </Button>
      </View>
    </>
  )
}
