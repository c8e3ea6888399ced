import { useEffect, useMemo, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import {
  claimDeadline,
  coverageStatus,
  formatYuan,
  listDiseases,
  materialsChecklist,
  yuanToFen,
  fenToYuan,
} from '@mutual-aid/shared-rules'
import { PageState } from '@/components/page-state'
import { Button, Checkbox, Input, Picker, RadioGroup, Search, Steps, confirm, toast } from '@/components/ui'
import { useSession } from '@/features/session'
import { FILED_AS_LABEL, INSURANCE_LABEL, KIND_LABEL, PRODUCT_LABEL, type ClaimFiles, type ClaimKind, type ClaimProduct, type ClaimTarget, type DraftFacts, type ParticipationView, type PreparedClaim } from '@mutual-aid/contracts'
import { kindsFor } from '@mutual-aid/shared-rules'
import { claimsApi, dateOrUndefined, factsErrors, submitKeyFor } from '@/features/claims'
import { PhotoUploader } from '@/features/claims/photo-uploader'
import { requestSubscriptions } from '@/features/notifications/subscribe'
import { CONSENT_TEXT } from '@/features/claims/consent-text'
import '@/features/claims/claims.scss'
import { PrivacyPopup } from '@/components/privacy-popup'

type Stage = 'target' | 'facts' | 'photos' | 'submit'
const STAGES: Stage[] = ['target', 'facts', 'photos', 'submit']
/** Items the online claim itself provides (the application form; confirmations replace its stamps). */
const ONLINE_ITEMS = ['application_form']

/** Text state of the form (what the person typed), turned into facts for the schema. */
interface FormText {
  eventDate: string
  admission: string
  discharge: string
  hospital: string
  selfPay: string
  selfFunded: string
  payeeName: string
  payeeBank: string
  payeeAccount: string
}

const EMPTY_TEXT: FormText = {
  eventDate: '',
  admission: '',
  discharge: '',
  hospital: '',
  selfPay: '',
  selfFunded: '',
  payeeName: '',
  payeeBank: '',
  payeeAccount: '',
}

function fenOrUndefined(text: string): number | undefined {
  if (text.trim() === '') return undefined
  try {
    return yuanToFen(text)
  } catch {
    return -1 // shown as an error by the schema (金额不能为负数) until corrected
  }
}

function textFromFacts(f: DraftFacts): FormText {
  return {
    eventDate: f.eventDate ?? '',
    admission: f.admission ?? '',
    discharge: f.discharge ?? '',
    hospital: f.hospital ?? '',
    selfPay: f.selfPayFen !== undefined ? fenToYuan(f.selfPayFen) : '',
    selfFunded: f.selfFundedFen !== undefined ? fenToYuan(f.selfFundedFen) : '',
    payeeName: f.payee?.name ?? '',
    payeeBank: f.payee?.bank ?? '',
    payeeAccount: f.payee?.account ?? '',
  }
}

type Choice = Pick<DraftFacts, 'disease' | 'designatedHospital' | 'inpatient' | 'causeOfDeath' | 'medicalInsurance' | 'inSitu'>

/** Start a claim: whom for and what → facts → photos per checklist item → consent and submit once. */
export default function NewClaimPage() {
  const router = useRouter()
  const params = router.params ?? {}
  const session = useSession()
  const [stage, setStage] = useState<Stage>('target')
  const [busy, setBusy] = useState(false)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)

  // Whom for
  const initialMode: ClaimTarget['mode'] = params.onBehalf ? 'on_behalf' : params.beneficiary ? 'beneficiary' : 'self'
  const [mode, setMode] = useState<ClaimTarget['mode']>(initialMode)
  const [roster, setRoster] = useState<{ id: string; name: string; idMasked: string }[] | null>(null)
  const [rosterQuery, setRosterQuery] = useState('')
  const [benName, setBenName] = useState('')
  const [benId, setBenId] = useState('')
  const [target, setTarget] = useState<ClaimTarget | null>(null)
  const [prepared, setPrepared] = useState<PreparedClaim | null>(null)
  const [drafts, setDrafts] = useState<{ id: string; product: ClaimProduct; kind: ClaimKind; updatedAt: string }[]>([])

  // What
  const [participationId, setParticipationId] = useState<string | null>(null)
  const [product, setProduct] = useState<ClaimProduct | null>(null)
  const [kind, setKind] = useState<ClaimKind | null>(null)

  // Facts, draft, files
  const [text, setText] = useState<FormText>(EMPTY_TEXT)
  const [choice, setChoice] = useState<Choice>({})
  const [showAllErrors, setShowAllErrors] = useState(false)
  const [draft, setDraft] = useState<{ id: string; version: number } | null>(null)
  const [files, setFiles] = useState<ClaimFiles>({})
  const [consentGiven, setConsentGiven] = useState(false)
  const [consentTicked, setConsentTicked] = useState(false)

  const participation: ParticipationView | null =
    prepared?.participations.find((p) => p.id === participationId) ?? null
  const today = prepared?.today ?? ''

  // Resume a draft (?draftId=…), or list the caller's open drafts.
  useEffect(() => {
    if (session.status !== 'ready') return
    const draftId = params.draftId
    if (draftId) {
      setLoading(true)
      void claimsApi.getDraft(draftId).then((r) => {
        setLoading(false)
        if (!r.ok) return setLoadError(r.message)
        const d = r.data
        if (d.draft.claimId) {
          void Taro.redirectTo({ url: `/packages/claims/detail/index?id=${d.draft.claimId}` })
          return
        }
        setPrepared({ filedAs: d.draft.filedAs, person: { ...d.person, unitName: '' }, participations: [d.participation], consent: d.consent, today: d.today })
        setParticipationId(d.participation.id)
        setProduct(d.draft.product)
        setKind(d.draft.kind)
        setText(textFromFacts(d.draft.facts))
        setChoice({
          disease: d.draft.facts.disease,
          designatedHospital: d.draft.facts.designatedHospital,
          inpatient: d.draft.facts.inpatient,
          causeOfDeath: d.draft.facts.causeOfDeath,
          medicalInsurance: d.draft.facts.medicalInsurance,
          inSitu: d.draft.facts.inSitu,
        })
        setDraft({ id: d.draft.id, version: d.draft.version })
        setFiles(d.draft.files)
        setConsentGiven(d.consent)
        setStage('photos')
      })
      return
    }
    void claimsApi.myDrafts().then((r) => r.ok && setDrafts(r.data))
    if (mode === 'self' && session.whoami.personId) void prepareFor({ mode: 'self' })
    if (mode === 'on_behalf') void claimsApi.roster().then((r) => (r.ok ? setRoster(r.data) : setLoadError(r.message)))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session.status])

  async function prepareFor(t: ClaimTarget): Promise<void> {
    setBusy(true)
    const r = await claimsApi.prepare(t)
    setBusy(false)
    if (!r.ok) {
      toast(r.message, 'error')
      return
    }
    setTarget(t)
    setPrepared(r.data)
    setConsentGiven(r.data.consent)
    const first = r.data.participations[0]
    setParticipationId(first?.id ?? null)
    setProduct(null)
    setKind(null)
    if (t.mode === 'beneficiary') {
      setKind('death')
      setText((x) => ({ ...x, payeeName: '' }))
    } else if (t.mode === 'self' && !text.payeeName) {
      setText((x) => ({ ...x, payeeName: r.data.person.name }))
    }
    if (first && first.products.length === 1) {
      setProduct(first.products[0])
      const kinds = kindsFor(first.family, first.products[0])
      if (t.mode !== 'beneficiary' && kinds.length === 1) setKind(kinds[0])
    }
  }

  const facts: DraftFacts = useMemo(() => {
    const f: DraftFacts = {
      ...choice,
      eventDate: dateOrUndefined(text.eventDate),
      admission: dateOrUndefined(text.admission),
      discharge: dateOrUndefined(text.discharge),
      hospital: text.hospital.trim() || undefined,
      selfPayFen: kind === 'inpatient' ? fenOrUndefined(text.selfPay) : undefined,
      selfFundedFen: kind === 'inpatient' ? fenOrUndefined(text.selfFunded) : undefined,
      payee: { name: text.payeeName.trim(), bank: text.payeeBank.trim(), account: text.payeeAccount.trim() },
    }
    for (const k of Object.keys(f) as (keyof DraftFacts)[]) if (f[k] === undefined) delete f[k]
    return f
  }, [choice, text, kind])

  const errors = kind ? factsErrors(kind, facts) : {}
  const typed = (key: string): boolean => {
    const map: Record<string, string> = {
      eventDate: text.eventDate,
      admission: text.admission,
      discharge: text.discharge,
      hospital: text.hospital,
      selfPayFen: text.selfPay,
      selfFundedFen: text.selfFunded,
      'payee.name': text.payeeName,
      'payee.bank': text.payeeBank,
      'payee.account': text.payeeAccount,
    }
    return (map[key] ?? '') !== ''
  }
  const err = (key: string): string | undefined => (showAllErrors || typed(key) ? errors[key] : undefined)
  const dateFormatError = (value: string): string | undefined =>
    value && !dateOrUndefined(value) && value.length >= 10 ? '日期格式应为 YYYY-MM-DD，例如 2021-05-01' : undefined

  const checklist = participation && product && kind ? materialsChecklist(participation.rules, product, kind).filter((i) => !ONLINE_ITEMS.includes(i.key)) : []
  const diseases = participation && product ? listDiseases(participation.rules, product) : []
  const diseaseOptions = [
    ...diseases.map((d) => ({ value: d.code, label: d.mild ? `${d.name}（轻症）` : d.name })),
    ...(kind === 'death' ? [{ value: 'other', label: '不属于上述疾病的其他疾病' }] : []),
  ]
  const selectedDisease = diseases.find((d) => d.code === choice.disease)
  const eventDate = kind === 'inpatient' ? facts.admission : facts.eventDate
  const deadline = participation && eventDate ? claimDeadline(participation.rules, eventDate) : null
  const late = deadline && today ? today > deadline.date : false
  const lateText = late && deadline ? `已超过申请期限（最后一天 ${deadline.date}）` : undefined
  const deadlineTip = deadline && !late ? `请在 ${deadline.date} 前提交（${deadline.basis}）` : undefined
  const status =
    participation && product && participation.coverageStart && today
      ? coverageStatus({
          scheme: participation.rules,
          product,
          firstTime: participation.firstTime,
          coverageStart: participation.coverageStart,
          shares: participation.shares,
          today,
          ended: participation.endedProducts.includes(product),
        })
      : null

  async function saveDraft(nextFiles: ClaimFiles = files): Promise<boolean> {
    if (!participation || !product || !kind) return false
    const r = await claimsApi.saveDraft({
      draftId: draft?.id,
      version: draft?.version,
      target: draft ? undefined : (target ?? undefined),
      participationId: participation.id,
      product,
      kind,
      facts,
      files: draft ? nextFiles : {},
    })
    if (!r.ok) {
      toast(r.message, 'error')
      return false
    }
    setDraft({ id: r.data.draftId, version: r.data.version })
    if (!params.draftId && !draft) {
      // Keep the draft in the URL history so a reload resumes it.
      void Taro.redirectTo({ url: `/packages/claims/new/index?draftId=${r.data.draftId}` }).catch(() => undefined)
    }
    return true
  }

  async function savePhotos(item: string, ids: string[]): Promise<boolean> {
    const next = { ...files, [item]: ids }
    if (ids.length === 0) delete next[item]
    const okSaved = await saveDraft(next)
    if (okSaved) setFiles(next)
    return okSaved
  }

  async function toPhotos(): Promise<void> {
    setShowAllErrors(true)
    if (Object.keys(errors).length > 0) {
      toast('还有信息未填写完整，请按红字提示修改', 'warning')
      return
    }
    if (late && deadline) {
      toast(`已超过申请期限（最后一天 ${deadline.date}），无法提交`, 'error')
      return
    }
    setBusy(true)
    const okSaved = await saveDraft()
    setBusy(false)
    if (okSaved) setStage('photos')
  }

  const missing = checklist.filter((i) => i.required && !(files[i.key]?.length > 0))

  async function submit(): Promise<void> {
    // Must be the first thing in the tap handler for WeChat to show the dialog.
    const asked = requestSubscriptions('claimSubmit')
    if (!draft) return
    if (!consentGiven) {
      if (!consentTicked) {
        toast('请先阅读并勾选医疗健康信息处理授权', 'warning')
        return
      }
    }
    await asked
    const sure = await confirm({
      title: '确认提交申请？',
      content: '提交后将由单位工会经办人在线确认，再经代理单位、互助办审核。提交后如需补充材料，会通知您。',
      confirmText: '提交',
    })
    if (!sure) return
    setBusy(true)
    if (!consentGiven) {
      const c = await claimsApi.consent()
      if (!c.ok) {
        setBusy(false)
        toast(c.message, 'error')
        return
      }
      setConsentGiven(true)
    }
    const r = await claimsApi.submit(draft.id, submitKeyFor(draft.id))
    setBusy(false)
    if (!r.ok) {
      toast(r.message, 'error')
      return
    }
    toast(`已提交，申请编号 ${r.data.claimNo}`, 'success')
    void Taro.redirectTo({ url: `/packages/claims/detail/index?id=${r.data.claimId}` })
  }

  if (session.status === 'loading' || loading) return <PageState status="loading" />
  if (session.status === 'error') return <PageState status="error" message={session.error.message} onRetry={session.reload} />
  if (loadError) return <PageState status="error" message={loadError} onRetry={() => Taro.redirectTo({ url: '/packages/claims/new/index' })} />

  const stepIndex = STAGES.indexOf(stage)
  const filteredRoster = (roster ?? []).filter((p) => !rosterQuery || p.name.includes(rosterQuery.trim()))

  return (
    <View className="claims-page claims-new">
      <PrivacyPopup />
      <View className="claims-section">
        <Steps
          current={stepIndex}
          items={[{ title: '申请项目' }, { title: '填写信息' }, { title: '上传材料' }, { title: '确认提交' }]}
        />
      </View>

      {stage === 'target' ? (
        <>
          {drafts.length > 0 ? (
            <View className="claims-section">
              <Text className="claims-section__title">未提交的草稿</Text>
              {drafts.map((d) => (
                <View key={d.id} className="claims-row" onClick={() => void Taro.redirectTo({ url: `/packages/claims/new/index?draftId=${d.id}` })}>
                  <Text className="claims-row__label">{PRODUCT_LABEL[d.product]} · {KIND_LABEL[d.kind]}</Text>
                  <Text className="claims-row__value claims-link">继续填写 ›</Text>
                </View>
              ))}
            </View>
          ) : null}

          <View className="claims-section">
            <Text className="claims-section__title">为谁申请</Text>
            <RadioGroup
              value={mode}
              options={[
                { value: 'self', label: '为本人申请', disabled: !session.whoami.personId },
                { value: 'on_behalf', label: '单位经办人代职工申请', disabled: session.whoami.role !== 'clerk' },
                { value: 'beneficiary', label: '受益人申请身故抚恤金' },
              ]}
              onChange={(m) => {
                setMode(m)
                setPrepared(null)
                if (m === 'self') void prepareFor({ mode: 'self' })
                if (m === 'on_behalf' && roster === null) void claimsApi.roster().then((r) => (r.ok ? setRoster(r.data) : toast(r.message, 'error')))
              }}
            />
            {mode === 'self' && !session.whoami.personId ? (
              <Text className="claims-section__hint">您的微信尚未绑定职工身份，请先完成绑定，或请单位经办人代为申请。</Text>
            ) : null}
          </View>

          {mode === 'on_behalf' && !prepared ? (
            <View className="claims-section">
              <Text className="claims-section__title">选择职工</Text>
              <Search value={rosterQuery} onChange={setRosterQuery} placeholder="输入姓名查找" />
              {roster === null ? <Text className="claims-section__hint">正在加载名册…</Text> : null}
              {filteredRoster.slice(0, 30).map((p) => (
                <View key={p.id} className="claims-row" onClick={() => void prepareFor({ mode: 'on_behalf', personId: p.id })}>
                  <Text className="claims-row__label">{p.name}</Text>
                  <Text className="claims-row__value">{p.idMasked} ›</Text>
                </View>
              ))}
            </View>
          ) : null}

          {mode === 'beneficiary' && !prepared ? (
            <View className="claims-section">
              <Text className="claims-section__title">已故参加人信息</Text>
              <Text className="claims-section__hint">请填写参加人的姓名和身份证号（须与单位名册一致），用于查找其参加记录。</Text>
              <Input label="参加人姓名" value={benName} onChange={setBenName} required />
              <Input label="身份证号" value={benId} onChange={setBenId} type="idcard" maxLength={18} required />
              <View className="claims-inline-actions">
                <Button theme="primary" loading={busy} disabled={benName.trim().length < 2 || benId.trim().length !== 18} onClick={() => void prepareFor({ mode: 'beneficiary', name: benName, residentId: benId })}>
                  查找参加记录
                </Button>
              </View>
            </View>
          ) : null}

          {prepared ? (
            <>
              <View className="claims-section">
                <Text className="claims-section__title">参加人</Text>
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
                <View className="claims-notice claims-notice--warning">
                  未找到有效的参加记录：单位可能尚未为其办理参加或缴费。请联系单位工会经办人。
                </View>
              ) : (
                <View className="claims-section">
                  <Text className="claims-section__title">申请项目</Text>
                  {prepared.participations.length > 1 ? (
                    <Picker
                      label="参加期次"
                      value={participationId}
                      options={prepared.participations.map((p) => ({ value: p.id, label: `${p.year} 年（${p.coverageStart} 起）` }))}
                      onChange={(v) => setParticipationId(v)}
                    />
                  ) : null}
                  {participation ? (
                    <View className="claims-choice">
                      {participation.products.map((p) => {
                        const ended = participation.endedProducts.includes(p)
                        return (
                          <View
                            key={p}
                            className={`claims-choice__item ${product === p ? 'claims-choice__item--active' : ''}`}
                            onClick={() => {
                              setProduct(p)
                              const kinds = kindsFor(participation.family, p)
                              setKind(prepared.filedAs === 'beneficiary' ? 'death' : kinds.length === 1 ? kinds[0] : null)
                            }}
                          >
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
                  {participation && product && prepared.filedAs !== 'beneficiary' && kindsFor(participation.family, product).length > 1 ? (
                    <View className="claims-gap-top">
                      <RadioGroup
                        value={kind}
                        options={kindsFor(participation.family, product).map((k) => ({ value: k, label: KIND_LABEL[k] }))}
                        onChange={(k) => setKind(k)}
                      />
                    </View>
                  ) : null}
                </View>
              )}
              {status ? (
                <View className={`claims-notice ${status.active ? '' : 'claims-notice--warning'}`}>
                  <Text className="claims-notice__title">现在可以申请什么</Text>
                  <Text>{status.summary}</Text>
                  {status.claimableNow && status.claimableNow.amountFen > 0 ? (
                    <Text>{`\n今天确诊可申请：${formatYuan(status.claimableNow.amountFen)}（依据${status.claimableNow.basis}）`}</Text>
                  ) : null}
                </View>
              ) : null}
              {checklist.length > 0 ? (
                <View className="claims-section">
                  <Text className="claims-section__title">需要准备的材料（拍照上传）</Text>
                  {checklist.map((i) => (
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
          ) : null}
          <View className="claims-actions">
            <Button theme="primary" block disabled={!participation || !product || !kind} onClick={() => setStage('facts')}>
              下一步：填写信息
            </Button>
          </View>
        </>
      ) : null}

      {stage === 'facts' && participation && product && kind ? (
        <>
          <View className="claims-section">
            <Text className="claims-section__title">{PRODUCT_LABEL[product]} · {KIND_LABEL[kind]}</Text>
            <Text className="claims-section__hint">{prepared?.person.name} · {participation.year} 年度</Text>
          </View>
          <View className="claims-section">
            {kind !== 'inpatient' ? (
              <>
                <Picker
                  label={kind === 'death' ? '导致身故的疾病' : '所患疾病'}
                  value={choice.disease ?? null}
                  options={diseaseOptions}
                  onChange={(v) => setChoice((c) => ({ ...c, disease: v }))}
                  error={err('disease') ?? (showAllErrors ? errors.disease : undefined)}
                  required
                />
                {selectedDisease?.definition ? (
                  <View className="claims-notice claims-notice--inline">
                    <Text className="claims-notice__title">疾病定义（第二十二条）</Text>
                    <Text>{selectedDisease.definition}</Text>
                  </View>
                ) : null}
                <Input
                  label={kind === 'death' ? '身故日期' : '首次确诊日期'}
                  value={text.eventDate}
                  onChange={(v) => setText((t) => ({ ...t, eventDate: v }))}
                  placeholder="YYYY-MM-DD"
                  maxLength={10}
                  error={dateFormatError(text.eventDate) ?? err('eventDate') ?? lateText}
                  tips={deadlineTip}
                  required
                />
                {kind === 'death' ? (
                  <>
                    <Text className="claims-field-title">身故原因</Text>
                    <RadioGroup
                      value={choice.causeOfDeath ?? null}
                      options={[
                        { value: 'illness', label: '因病身故' },
                        { value: 'accident', label: '意外等非疾病原因' },
                      ]}
                      onChange={(v) => setChoice((c) => ({ ...c, causeOfDeath: v }))}
                    />
                    {showAllErrors && errors.causeOfDeath ? <Text className="claims-error">{errors.causeOfDeath}</Text> : null}
                  </>
                ) : null}
                {participation.family === 'TZ' ? (
                  <Checkbox checked={choice.inSitu === true} onChange={(v) => setChoice((c) => ({ ...c, inSitu: v }))} label="诊断为原位癌" />
                ) : null}
              </>
            ) : null}
            <Input
              label="医院名称"
              value={text.hospital}
              onChange={(v) => setText((t) => ({ ...t, hospital: v }))}
              placeholder="例如：鄂州市中心医院"
              error={err('hospital')}
              required
            />
            <Text className="claims-field-title">是否为互助活动指定（定点）医疗机构</Text>
            <RadioGroup
              value={choice.designatedHospital === undefined ? null : choice.designatedHospital ? 'yes' : 'no'}
              options={[
                { value: 'yes', label: '是' },
                { value: 'no', label: '否 / 不确定' },
              ]}
              onChange={(v) => setChoice((c) => ({ ...c, designatedHospital: v === 'yes' }))}
            />
            {showAllErrors && errors.designatedHospital ? <Text className="claims-error">{errors.designatedHospital}</Text> : null}
            {kind !== 'inpatient' ? (
              <>
                <Text className="claims-field-title">是否住院治疗</Text>
                <RadioGroup
                  value={choice.inpatient === undefined ? null : choice.inpatient ? 'yes' : 'no'}
                  options={[
                    { value: 'yes', label: '住院治疗' },
                    { value: 'no', label: '未住院' },
                  ]}
                  onChange={(v) => setChoice((c) => ({ ...c, inpatient: v === 'yes' }))}
                />
                {showAllErrors && errors.inpatient ? <Text className="claims-error">{errors.inpatient}</Text> : null}
              </>
            ) : null}
            {kind === 'inpatient' || choice.inpatient ? (
              <>
                <Input
                  label="入院日期"
                  value={text.admission}
                  onChange={(v) => setText((t) => ({ ...t, admission: v }))}
                  placeholder="YYYY-MM-DD"
                  maxLength={10}
                  error={dateFormatError(text.admission) ?? err('admission') ?? (kind === 'inpatient' ? lateText : undefined)}
                  tips={kind === 'inpatient' ? deadlineTip : undefined}
                  required={kind === 'inpatient'}
                />
                <Input
                  label="出院日期"
                  value={text.discharge}
                  onChange={(v) => setText((t) => ({ ...t, discharge: v }))}
                  placeholder="YYYY-MM-DD"
                  maxLength={10}
                  error={dateFormatError(text.discharge) ?? err('discharge')}
                  required={kind === 'inpatient'}
                />
              </>
            ) : null}
            {kind === 'inpatient' ? (
              <>
                <Input label="医保自负金额" value={text.selfPay} onChange={(v) => setText((t) => ({ ...t, selfPay: v }))} type="digit" suffix="元" error={err('selfPayFen')} tips="医保结算单上的“自负”部分（不含自理）" required />
                <Input label="自理金额" value={text.selfFunded} onChange={(v) => setText((t) => ({ ...t, selfFunded: v }))} type="digit" suffix="元" error={err('selfFundedFen')} tips="医保结算单上的“自理”部分，没有请填 0" required />
                <Picker
                  label="医保类型"
                  value={choice.medicalInsurance ?? null}
                  options={(['employee', 'resident', 'none'] as const).map((v) => ({ value: v, label: INSURANCE_LABEL[v] }))}
                  onChange={(v) => setChoice((c) => ({ ...c, medicalInsurance: v }))}
                  error={showAllErrors ? errors.medicalInsurance : undefined}
                  required
                />
              </>
            ) : null}
          </View>
          <View className="claims-section">
            <Text className="claims-section__title">收款信息</Text>
            <Input label="收款人" value={text.payeeName} onChange={(v) => setText((t) => ({ ...t, payeeName: v }))} error={err('payee.name')} required />
            <Input label="开户银行" value={text.payeeBank} onChange={(v) => setText((t) => ({ ...t, payeeBank: v }))} placeholder="例如：中国工商银行鄂州分行" error={err('payee.bank')} required />
            <Input label="银行账号" value={text.payeeAccount} onChange={(v) => setText((t) => ({ ...t, payeeAccount: v.replace(/\s/g, '') }))} type="number" error={err('payee.account')} required />
          </View>
          {deadline ? (
            <View className={`claims-notice ${late ? 'claims-notice--danger' : ''}`}>
              <Text className="claims-notice__title">申请期限</Text>
              <Text>
                {late
                  ? `已超过申请期限：最后一天是 ${deadline.date}（依据${deadline.basis}），逾期申请不予受理。`
                  : `请在 ${deadline.date} 前提交（依据${deadline.basis}）。`}
              </Text>
            </View>
          ) : null}
          <View className="claims-actions">
            <Button variant="outline" onClick={() => setStage('target')} disabled={!!draft}>
              上一步
            </Button>
            <Button theme="primary" loading={busy} onClick={() => void toPhotos()}>
              保存，下一步
            </Button>
          </View>
        </>
      ) : null}

      {stage === 'photos' && draft && participation && product && kind ? (
        <>
          <View className="claims-notice">
            请按下列清单逐项拍照上传，每项可传多页。照片会在手机上压缩后上传，仅审核人员可查看。已上传的照片会自动保存，退出后可继续填写。
          </View>
          <View className="claims-section">
            {checklist.map((item) => (
              <PhotoUploader key={item.key} item={item} folder={draft.id} fileIDs={files[item.key] ?? []} onChange={(ids) => savePhotos(item.key, ids)} />
            ))}
          </View>
          <View className="claims-actions">
            <Button variant="outline" onClick={() => setStage('facts')}>
              修改信息
            </Button>
            <Button
              theme="primary"
              onClick={() => {
                if (missing.length > 0) {
                  toast(`还缺：${missing.map((m) => m.label).join('、')}`, 'warning')
                  return
                }
                setStage('submit')
              }}
            >
              下一步
            </Button>
          </View>
        </>
      ) : null}

      {stage === 'submit' && draft && participation && product && kind ? (
        <>
          <View className="claims-section">
            <Text className="claims-section__title">确认申请</Text>
            <View className="claims-row">
              <Text className="claims-row__label">参加人</Text>
              <Text className="claims-row__value">{prepared?.person.name}</Text>
            </View>
            <View className="claims-row">
              <Text className="claims-row__label">项目</Text>
              <Text className="claims-row__value">{PRODUCT_LABEL[product]} · {KIND_LABEL[kind]}</Text>
            </View>
            {selectedDisease ? (
              <View className="claims-row">
                <Text className="claims-row__label">疾病</Text>
                <Text className="claims-row__value">{selectedDisease.name}</Text>
              </View>
            ) : null}
            <View className="claims-row">
              <Text className="claims-row__label">材料</Text>
              <Text className="claims-row__value">{Object.values(files).reduce((n, ids) => n + ids.length, 0)} 页</Text>
            </View>
            <View className="claims-row">
              <Text className="claims-row__label">收款账户</Text>
              <Text className="claims-row__value">{text.payeeName} · {text.payeeBank} · 尾号 {text.payeeAccount.slice(-4)}</Text>
            </View>
          </View>
          {deadline ? (
            <View className={`claims-notice ${late ? 'claims-notice--danger' : ''}`}>
              {late ? `已超过申请期限（最后一天 ${deadline.date}，依据${deadline.basis}）。` : `申请期限：${deadline.date} 前（依据${deadline.basis}）。`}
            </View>
          ) : null}
          {!consentGiven ? (
            <View className="claims-section">
              <Text className="claims-section__title">医疗健康信息处理授权</Text>
              <Text className="claims-section__hint">{CONSENT_TEXT}</Text>
              <Checkbox checked={consentTicked} onChange={setConsentTicked} label="我已阅读并同意上述授权" />
            </View>
          ) : (
            <View className="claims-notice claims-notice--success">您已同意医疗健康信息处理授权。</View>
          )}
          <View className="claims-notice">
            提交时小程序会请求发送「申请受理」「需补充材料」「审批与支付结果」通知，消息中只含申请编号、状态和金额，不含病情信息。
          </View>
          <View className="claims-actions">
            <Button variant="outline" onClick={() => setStage('photos')}>
              上一步
            </Button>
            <Button theme="primary" loading={busy} disabled={busy || late} onClick={() => void submit()}>
              提交申请
            </Button>
          </View>
        </>
      ) : null}
    </View>
  )
}
