import { useEffect, useMemo, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { checkParticipation, maxReplacementCount, newHireLimit, quote, type Product } from '@mutual-aid/shared-rules'
import { PageState } from '@/components/page-state'
import { Button, Search, Stepper, Tabs, Tag, confirm, toast } from '@/components/ui'
import { formatDateCn, formatYuan } from '@/components/format'
import { enrolmentApi } from '@/features/enrolment/api'
import { useLoad } from '@/features/enrolment/use-load'
import { Pager } from '@/features/enrolment/pager'
import { requestSubscriptions } from '@/features/notifications/subscribe'
import '@/features/enrolment/enrol.scss'
import { ENROLMENT_STATUS_LABEL, type PreparedDeclaration, type PreparedPerson } from '@mutual-aid/contracts'

const PAGE = 30
type Mode = 'annual' | 'new_hire' | 'replace'
type Filter = 'all' | 'selected' | 'unselected' | 'new' | 'previous'

/** Whether a person can be declared now: in service and not holding a place in this period (Art. 6). */
const declarable = (p: PreparedPerson, returnedId?: string) =>
  p.status === 'in_service' && (!p.current || (p.current.here && p.current.enrolmentId === returnedId))

/** 网上申报: confirm the roster on the phone, see the ratio and the quote live, and declare. */
export default function DeclarePage() {
  const params = useRouter().params
  const [year, setYear] = useState<number | undefined>(params.year ? Number(params.year) : undefined)
  const state = useLoad(() => enrolmentApi.prepare({ year }), [year])
  if (state.status === 'loading') return <PageState status="loading" text="正在读取名册…" />
  if (state.status === 'error') return <PageState status="error" message={state.message} onRetry={state.reload} />
  return <Declare key={`${state.data.year}`} prepared={state.data} returnedId={params.enrolmentId} initialMode={(params.mode as Mode) || 'annual'} onYear={setYear} reload={state.reload} />
}

function Declare({ prepared, returnedId, initialMode, onYear, reload }: { prepared: PreparedDeclaration; returnedId?: string; initialMode: Mode; onYear: (y: number) => void; reload: () => void }) {
  const { scheme, unit, people, today } = prepared
  const currentYear = Number(today.slice(0, 4))
  const annual = prepared.enrolments.find((e) => e.kind === 'annual')
  const returned = annual && annual.status === 'returned' ? annual : undefined
  const replaceable = maxReplacementCount(prepared.rules, unit.unitType, people.filter((p) => p.current?.here && p.current.status === 'active').length) > 0
  const [mode, setMode] = useState<Mode>(initialMode)

  const modes: { value: Mode; label: string }[] = [{ value: 'annual', label: '年度申报' }]
  if (annual && annual.status !== 'returned') modes.push({ value: 'new_hire', label: '新入职增员' })
  if (replaceable) modes.push({ value: 'replace', label: '参保对象替换' })

  return (
    <View className="enrol-page declare-page">
      <View className="enrol-chip-row">
        {[currentYear, currentYear + 1].map((y) => (
          <View key={y} className={`enrol-chip ${y === prepared.year ? 'enrol-chip--on' : ''}`} onClick={() => y !== prepared.year && onYear(y)}>
            {y} 年度
          </View>
        ))}
      </View>
      <View className="enrol-card">
        <Text className="enrol-card__title">{unit.name}</Text>
        <Text className="enrol-card__line">
          {prepared.year} 年度 · {scheme.name}
        </Text>
        {prepared.window.from ? (
          <Text className="enrol-card__line">
            参保时间：{prepared.window.from} 至 {prepared.window.to}
          </Text>
        ) : null}
      </View>
      {modes.length > 1 ? <Tabs value={mode} items={modes} onChange={setMode} /> : null}
      {mode === 'annual' ? (
        annual && annual.status !== 'returned' ? (
          <View className="enrol-card declared">
            <Text className="enrol-card__title">本年度已申报</Text>
            <Text className="enrol-card__line">
              状态：{ENROLMENT_STATUS_LABEL[annual.status]} · {annual.participantCount} 人 · {formatYuan(annual.totalFen)}
            </Text>
            {annual.coverageStart ? <Text className="enrol-card__line">保障自 {formatDateCn(annual.coverageStart)} 起</Text> : null}
            <View className="enrol-actions">
              <Button theme="primary" onClick={() => void Taro.redirectTo({ url: `/packages/enrol/declaration/index?id=${annual._id}` })}>
                查看申报
              </Button>
            </View>
          </View>
        ) : (
          <AnnualForm prepared={prepared} returned={returned ?? (returnedId ? prepared.enrolments.find((e) => e._id === returnedId) : undefined)} />
        )
      ) : null}
      {mode === 'new_hire' ? <NewHireForm prepared={prepared} onDone={reload} /> : null}
      {mode === 'replace' ? <ReplaceForm prepared={prepared} /> : null}
    </View>
  )
}

/** Selection list with search, filter chips and pages; the parent owns the selected set. */
function PeopleList({ people, selected, toggle, tagsOf, filters }: {
  people: PreparedPerson[]
  selected: Set<string>
  toggle: (p: PreparedPerson) => void
  tagsOf: (p: PreparedPerson) => { text: string; theme?: 'primary' | 'warning' | 'danger' | 'success' | 'default' }[]
  filters: { value: Filter; label: string; test: (p: PreparedPerson) => boolean }[]
}) {
  const [query, setQuery] = useState('')
  const [filter, setFilter] = useState<Filter>('all')
  const [skip, setSkip] = useState(0)
  const shown = useMemo(() => {
    const f = filters.find((x) => x.value === filter) ?? filters[0]
    const q = query.trim()
    return people.filter((p) => f.test(p) && (!q || p.name.includes(q) || p.idMasked.endsWith(q)))
  }, [people, filter, query, filters])
  useEffect(() => setSkip(0), [filter, query])
  const page = shown.slice(skip, skip + PAGE)
  return (
    <View className="people-list">
      <Search value={query} onChange={setQuery} placeholder="搜索姓名或身份证后四位" />
      <View className="enrol-chip-row">
        {filters.map((f) => (
          <View key={f.value} className={`enrol-chip ${filter === f.value ? 'enrol-chip--on' : ''}`} onClick={() => setFilter(f.value)}>
            {f.label}
          </View>
        ))}
      </View>
      {page.length === 0 ? <PageState status="empty" description="没有符合条件的职工" /> : null}
      {page.map((p) => {
        const on = selected.has(p._id)
        return (
          <View key={p._id} className={`enrol-row declare-row ${on ? 'declare-row--on' : ''}`} onClick={() => toggle(p)}>
            <View className={`enrol-row__check ${on ? 'enrol-row__check--on' : ''}`}>{on ? '✓' : ''}</View>
            <View className="enrol-row__main">
              <Text className="enrol-row__name">{p.name}</Text>
              <View className="enrol-row__tags">
                {tagsOf(p).map((t) => (
                  <Tag key={t.text} size="small" theme={t.theme ?? 'default'}>
                    {t.text}
                  </Tag>
                ))}
              </View>
              <Text className="enrol-row__sub">
                {p.idMasked} · {p.sex === 'female' ? '女' : '男'} · {p.hireDate} 入职
              </Text>
            </View>
          </View>
        )
      })}
      <Pager skip={skip} total={shown.length} pageSize={PAGE} onChange={setSkip} />
    </View>
  )
}

function renewalTags(p: PreparedPerson) {
  const tags: { text: string; theme?: 'primary' | 'warning' | 'danger' | 'success' | 'default' }[] = []
  if (p.status === 'retired') tags.push({ text: '退休（不能参加）', theme: 'danger' })
  else if (p.status === 'left') tags.push({ text: '已离职', theme: 'warning' })
  if (p.current && !p.current.here) tags.push({ text: '本期已在其他单位参加', theme: 'danger' })
  else if (p.current?.here && p.current.status !== 'pending') tags.push({ text: '本期已参加', theme: 'success' })
  if (p.previous && p.status !== 'in_service') tags.push({ text: '上期参加', theme: 'warning' })
  else if (p.previous) tags.push({ text: p.firstTime ? '上期参加·已断保' : '续保', theme: 'primary' })
  else if (p.status === 'in_service') tags.push({ text: '新增', theme: 'success' })
  return tags
}

function AnnualForm({ prepared, returned }: { prepared: PreparedDeclaration; returned?: PreparedDeclaration['enrolments'][number] }) {
  const { scheme, unit, people } = prepared
  const initial = useMemo(() => new Set(people.filter((p) => declarable(p, returned?._id) && (!returned || p.current?.here)).map((p) => p._id)), [people, returned])
  const [selected, setSelected] = useState<Set<string>>(() => (initial.size ? initial : new Set(people.filter((p) => declarable(p)).map((p) => p._id))))
  const plan = returned ?? prepared.previousPlan
  const [shares, setShares] = useState(plan?.shares ?? scheme.shares?.min ?? 1)
  const [products, setProducts] = useState<Product[]>((plan?.products ?? scheme.products.map((p) => p.id)).filter((p) => scheme.products.some((x) => x.id === p)))
  const [busy, setBusy] = useState(false)
  const [serverError, setServerError] = useState('')

  const inService = people.filter((p) => p.status === 'in_service').length
  const staff = prepared.firstTimeUnit ? Math.max(inService, unit.staffReport?.headcount ?? 0) : inService
  const chosen = people.filter((p) => selected.has(p._id))
  const ratio = checkParticipation({ scheme: prepared.rules, unitType: unit.unitType, finance: unit.finance, staff, participants: chosen.length })
  // The version as the enrolment function uses it (fees the office announced included), so the live quote is the real one.
  const priced = quote({
    scheme: prepared.rules,
    unitType: unit.unitType,
    finance: unit.finance,
    coverageStart: prepared.coverageStartEstimate,
    shares: scheme.shares ? shares : undefined,
    products,
    participants: chosen.map((p) => ({ firstTime: p.firstTime, sex: p.sex })),
  })
  const blockers: string[] = []
  if (!prepared.window.ok) blockers.push(`${prepared.window.message ?? '不在参保时间内'}（${prepared.window.basis ?? ''}）`)
  if (prepared.firstTimeUnit && !unit.staffReport) blockers.push('首次参加的单位须先填报上月职工月报（第五条）：请到“职工名册 → 填报职工月报”。')
  if (!ratio.ok) blockers.push(...ratio.reasons.map((r) => `${r.message}（${r.basis}）`))
  if (!priced.ok) blockers.push(priced.message)
  if (!chosen.length) blockers.push('请至少选择一名参加人。')
  const percent = staff ? Math.round((chosen.length / staff) * 1000) / 10 : 0

  const toggle = (p: PreparedPerson) => {
    if (!declarable(p, returned?._id)) {
      toast(p.status === 'retired' ? '退休人员不能参加（第十四条第三项）' : p.status === 'left' ? '已离职人员不能参加' : '此人本期已在其他单位参加（第六条）', 'warning')
      return
    }
    const next = new Set(selected)
    if (next.has(p._id)) next.delete(p._id)
    else next.add(p._id)
    setSelected(next)
  }

  const submit = async () => {
    // First thing in the tap: WeChat shows the subscribe dialog only here (agent's decision, payment confirmed).
    const asked = requestSubscriptions('declare')
    setServerError('')
    if (!priced.ok) return
    await asked
    const ok = await confirm({
      title: returned ? '重新提交申报' : '提交网上申报',
      content: `${prepared.year} 年度 ${chosen.length} 人参加${scheme.shares ? `，每人 ${shares} 份` : ''}，应缴 ${formatYuan(priced.totalFen)}。提交后由代理单位审核，审核期间不能修改。`,
      confirmText: '确认提交',
    })
    if (!ok) return
    setBusy(true)
    const answer = await enrolmentApi.submit({
      year: prepared.year,
      personIds: chosen.map((p) => p._id),
      shares: scheme.shares ? shares : null,
      products,
      ...(returned ? { enrolmentId: returned._id, version: returned.version } : {}),
    })
    setBusy(false)
    if (!answer.ok) return setServerError(answer.message)
    toast('申报已提交，等待代理单位审核', 'success')
    setTimeout(() => void Taro.redirectTo({ url: `/packages/enrol/declaration/index?id=${answer.data.enrolmentId}` }), 600)
  }

  const filters: { value: Filter; label: string; test: (p: PreparedPerson) => boolean }[] = [
    { value: 'all', label: `全部 ${people.length}`, test: () => true },
    { value: 'selected', label: `已选 ${chosen.length}`, test: (p) => selected.has(p._id) },
    { value: 'unselected', label: '未选', test: (p) => !selected.has(p._id) },
    { value: 'new', label: '新增', test: (p) => !p.previous && p.status === 'in_service' },
    { value: 'previous', label: '上期参加', test: (p) => p.previous },
  ]

  return (
    <View className="annual-form">
      {returned ? <View className="enrol-notice enrol-notice--warn">申报被退回：{returned.returnReason}。请修改后重新提交。</View> : null}
      {prepared.renewal ? (
        <View className="enrol-notice">
          续保：上期 {people.filter((p) => p.previous).length} 人参加，已为在职人员预选。请于 {prepared.renewal.graceEnd} 前缴费以保持连续（第十二条），离职、退休人员已标出。
        </View>
      ) : null}
      {scheme.shares ? (
        <View className="enrol-row">
          <View className="enrol-row__main">
            <Text className="enrol-row__name">每人参加份额</Text>
            <Text className="enrol-row__sub">全单位相同，{scheme.shares.min}–{scheme.shares.max} 份</Text>
          </View>
          <Stepper value={shares} min={scheme.shares.min} max={scheme.shares.max} onChange={setShares} />
        </View>
      ) : (
        <View>
          <Text className="enrol-section-title">保障项目（女职工特殊病仅女职工参加）</Text>
          <View className="enrol-chip-row">
            {scheme.products.map((p) => {
              const on = products.includes(p.id)
              return (
                <View key={p.id} className={`enrol-chip ${on ? 'enrol-chip--on' : ''}`} onClick={() => setProducts(on ? products.filter((x) => x !== p.id) : [...products, p.id])}>
                  {on ? '✓ ' : ''}
                  {p.name}
                </View>
              )
            })}
          </View>
        </View>
      )}
      <View className="enrol-actions">
        <Button size="small" variant="outline" onClick={() => setSelected(new Set(people.filter((p) => declarable(p, returned?._id)).map((p) => p._id)))}>
          全选在职人员
        </Button>
        <Button size="small" variant="outline" onClick={() => setSelected(new Set())}>
          清空
        </Button>
      </View>
      <PeopleList people={people} selected={selected} toggle={toggle} tagsOf={renewalTags} filters={filters} />

      {priced.ok && priced.lines.length ? (
        <View className="enrol-card quote-card">
          <Text className="enrol-card__title">费用明细（预计 {prepared.coverageStartEstimate} 起保）</Text>
          {priced.lines.map((l) => (
            <View key={l.benefit + l.label} className="enrol-quote-line">
              <Text>
                {l.label} {l.persons} 人 × {formatYuan(l.perPersonFen)}
              </Text>
              <Text>{formatYuan(l.amountFen)}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {blockers.length ? (
        <View className="enrol-notice enrol-notice--error declare-blockers">
          {blockers.map((b) => (
            <Text key={b} className="enrol-card__line">
              {b}
            </Text>
          ))}
        </View>
      ) : null}
      {serverError ? <View className="enrol-notice enrol-notice--error declare-server-error">{serverError}</View> : null}
      <View className="enrol-footer">
        <View className="enrol-footer__summary">
          <Text className="declare-ratio">
            已选 {chosen.length} / 在职 {staff} 人（{percent}%，至少 {ratio.requiredMin} 人）
          </Text>
          <Text className="declare-total">{priced.ok ? formatYuan(priced.totalFen) : '—'}</Text>
        </View>
        {blockers.length ? <Text className="enrol-footer__blocker">{blockers[0]}</Text> : null}
        <Button theme="primary" block disabled={blockers.length > 0} loading={busy} onClick={submit}>
          {returned ? '重新提交申报' : '提交申报'}
        </Button>
      </View>
    </View>
  )
}

function NewHireForm({ prepared, onDone }: { prepared: PreparedDeclaration; onDone: () => void }) {
  const candidates = prepared.people.filter((p) => declarable(p)).sort((a, b) => b.hireDate.localeCompare(a.hireDate))
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  // The scheme's new-hire limit (WH 第十三条: 2 months from the hire date); none where it sets none (TZ: the window).
  const limitOf = (p: PreparedPerson) => newHireLimit(prepared.rules, p.hireDate)
  const newHire = prepared.rules.newHire
  const submit = async () => {
    setError('')
    const ok = await confirm({ title: '新入职增员', content: `为 ${selected.size} 名新入职职工办理参加（按首次参加计费、与本单位份额相同），提交后由代理单位审核。` })
    if (!ok) return
    setBusy(true)
    const answer = await enrolmentApi.addNewHires({ year: prepared.year, personIds: [...selected] })
    setBusy(false)
    if (!answer.ok) return setError(answer.message)
    toast(`已提交，应缴 ${formatYuan(answer.data.totalFen)}`, 'success')
    onDone()
    void Taro.navigateTo({ url: `/packages/enrol/declaration/index?id=${answer.data.enrolmentId}` })
  }
  return (
    <View>
      <View className="enrol-notice">
        {newHire ? `期中只能为入职 ${newHire.months} 个月内的新职工办理参加（${newHire.basis}），` : '新职工在参保时间内办理参加，'}按首次参加计费，份额与本单位相同。
      </View>
      <PeopleList
        people={candidates}
        selected={selected}
        toggle={(p) => {
          const next = new Set(selected)
          if (next.has(p._id)) next.delete(p._id)
          else next.add(p._id)
          setSelected(next)
        }}
        tagsOf={(p) => {
          const limit = limitOf(p)
          if (!limit) return []
          return [prepared.today > limit.date ? { text: `已超期（应于 ${limit.date} 前）`, theme: 'danger' } : { text: `${limit.date} 前可增员`, theme: 'success' }]
        }}
        filters={[{ value: 'all', label: `未参加 ${candidates.length}`, test: () => true }]}
      />
      {error ? <View className="enrol-notice enrol-notice--error">{error}</View> : null}
      <View className="enrol-footer">
        <Button theme="primary" block disabled={selected.size === 0} loading={busy} onClick={submit}>
          提交增员（{selected.size} 人）
        </Button>
      </View>
    </View>
  )
}

function ReplaceForm({ prepared }: { prepared: PreparedDeclaration }) {
  const enrolled = prepared.people.filter((p) => p.current?.here && p.current.status === 'active')
  const candidates = prepared.people.filter((p) => declarable(p))
  const max = maxReplacementCount(prepared.rules, prepared.unit.unitType, enrolled.length)
  const [outs, setOuts] = useState<Set<string>>(new Set())
  const [ins, setIns] = useState<Set<string>>(new Set())
  const [error, setError] = useState('')
  const flip = (set: Set<string>, setter: (s: Set<string>) => void) => (p: PreparedPerson) => {
    const next = new Set(set)
    if (next.has(p._id)) next.delete(p._id)
    else next.add(p._id)
    setter(next)
  }
  const problems: string[] = []
  if (outs.size > max) problems.push(`最多可替换 ${max} 人（参加人数的 20%），已选 ${outs.size} 人。`)
  if (outs.size !== ins.size) problems.push(`须一人换一人：换出 ${outs.size} 人，换入 ${ins.size} 人。`)
  const submit = async () => {
    setError('')
    const ok = await confirm({ title: '参保对象替换', content: `换出 ${outs.size} 人、换入 ${ins.size} 人。每期只能替换一次，提交后不能撤回。`, danger: true })
    if (!ok) return
    const answer = await enrolmentApi.replace({ year: prepared.year, outPersonIds: [...outs], inPersonIds: [...ins] })
    if (!answer.ok) return setError(answer.message)
    toast(`已提交，补差额 ${formatYuan(answer.data.totalFen)}`, 'success')
    void Taro.redirectTo({ url: `/packages/enrol/declaration/index?id=${answer.data.enrolmentId}` })
  }
  return (
    <View>
      <View className="enrol-notice">民营企业每期可办理一次参保对象替换，最多替换 {max} 人（参加人数的 20%），费用差额重新计算。</View>
      <Text className="enrol-section-title">换出（本期参加人）</Text>
      <PeopleList people={enrolled} selected={outs} toggle={flip(outs, setOuts)} tagsOf={() => []} filters={[{ value: 'all', label: `参加人 ${enrolled.length}`, test: () => true }]} />
      <Text className="enrol-section-title">换入（未参加的在职职工）</Text>
      <PeopleList people={candidates} selected={ins} toggle={flip(ins, setIns)} tagsOf={() => []} filters={[{ value: 'all', label: `可换入 ${candidates.length}`, test: () => true }]} />
      {problems.length ? <View className="enrol-notice enrol-notice--error">{problems.join(' ')}</View> : null}
      {error ? <View className="enrol-notice enrol-notice--error">{error}</View> : null}
      <View className="enrol-footer">
        <Button theme="primary" block disabled={problems.length > 0 || outs.size === 0} onClick={submit}>
          提交替换
        </Button>
      </View>
    </View>
  )
}
