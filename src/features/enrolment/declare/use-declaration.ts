import { useState } from 'react'
import { maxReplacementCount, type Product } from '@mutual-aid/shared-rules'
import { isProcessing, type PreparedDeclaration, type PreparedPerson } from '@mutual-aid/contracts'
import { confirm, toast } from '@/components/ui'
import { formatYuan } from '@/components/format'
import { useLoad } from '@/services/use-load'
import { STILL_PROCESSING, untilDone } from '@/services/until-done'
import { goOn } from '@/services/go-on'
import { requestSubscriptions } from '@/features/notifications'
import { enrolmentApi } from '../api'
import { NAMED_MAX, annualSummary, declarable, initialPlan, initialSelection, isChosen, submitChoice, toggledPerson, whyNotDeclarable, type Enrolment, type Selection } from './declare-rules'

export type DeclareMode = 'annual' | 'new_hire' | 'replace'

/**
 * The declare page's data: `enrolment.prepare` for the chosen year (once per open, again on coming back), and which
 * forms the unit can use now (annual; new hires once the annual one stands; a replacement where the scheme allows).
 */
export function useDeclaration(params: { year?: string; mode?: string }) {
  const [year, setYear] = useState<number | undefined>(params.year ? Number(params.year) : undefined)
  const prepared = useLoad(() => enrolmentApi.prepare({ year }), [year])
  const [mode, setMode] = useState<DeclareMode>((params.mode as DeclareMode) || 'annual')
  return { prepared, year, setYear, mode, setMode }
}

/** The forms a unit can use for this period. */
export function declareModes(prepared: PreparedDeclaration): { value: DeclareMode; label: string }[] {
  const annual = prepared.enrolments.find((e) => e.kind === 'annual')
  const active = prepared.roster.activeHere
  const modes: { value: DeclareMode; label: string }[] = [{ value: 'annual', label: '年度申报' }]
  if (annual && annual.status !== 'returned') modes.push({ value: 'new_hire', label: '新入职增员' })
  if (maxReplacementCount(prepared.rules, prepared.unit.unitType, active) > 0) modes.push({ value: 'replace', label: '参保对象替换' })
  return modes
}

/**
 * The annual declaration form: who is ticked, shares or products, the live ratio and quote, and submitting (or
 * resubmitting a returned one) after a confirmation.
 */
export function useAnnualDeclaration(prepared: PreparedDeclaration, returned?: Enrolment, onRosterChanged?: () => void) {
  const [selection, setSelection] = useState<Selection>(() => initialSelection(prepared, returned))
  const [plan] = useState(() => initialPlan(prepared, returned))
  const [shares, setShares] = useState(plan.shares)
  const [products, setProducts] = useState<Product[]>(plan.products)
  const [busy, setBusy] = useState(false)
  const [serverError, setServerError] = useState('')
  /** The roster changed since the page was prepared: offer to read it again. */
  const [stale, setStale] = useState(false)
  /** 处理中: the declaration is still being written (its progress, or that the server finishes it). */
  const [progress, setProgress] = useState('')
  const summary = annualSummary(prepared, { selection, shares, products })

  const chosen = (p: PreparedPerson) => isChosen(selection, p, returned?._id)
  const toggle = (p: PreparedPerson) => {
    if (!declarable(p, returned?._id)) return toast(whyNotDeclarable(p, prepared.rules), 'warning')
    if (!selection.named.has(p._id) && selection.named.size >= NAMED_MAX) {
      return toast(`逐个勾选或取消最多 ${NAMED_MAX} 人，请用“全选在职人员”或“清空”`, 'warning')
    }
    setSelection(toggledPerson(selection, p))
  }
  const selectAll = () => setSelection({ all: true, named: new Map() })
  const clear = () => setSelection({ all: false, named: new Map() })
  const toggleProduct = (id: Product) => setProducts(products.includes(id) ? products.filter((x) => x !== id) : [...products, id])

  const submit = async () => {
    // Sent, or on its way to the declaration page: a second tap sends nothing.
    if (busy) return
    // First thing in the tap: WeChat shows the subscribe dialog only here (agent's decision, payment confirmed).
    const asked = requestSubscriptions('declare')
    setServerError('')
    const { priced, chosen } = summary
    if (!priced.ok) return
    await asked
    const { scheme } = prepared
    const ok = await confirm({
      title: returned ? '重新提交申报' : '提交网上申报',
      content: `${prepared.year} 年度 ${chosen} 人参加${scheme.shares ? `，每人 ${shares} 份` : ''}，应缴 ${formatYuan(priced.totalFen)}。提交后由代理单位审核，审核期间不能修改。`,
      confirmText: '确认提交',
    })
    if (!ok) return
    setBusy(true)
    setProgress('')
    // A declaration of thousands of people is written over several calls: 处理中 until it is complete.
    const answer = await untilDone(
      () =>
        enrolmentApi.submit({
          year: prepared.year,
          ...submitChoice(prepared, selection),
          shares: scheme.shares ? shares : null,
          products,
          ...(returned ? { enrolmentId: returned._id, version: returned.version } : {}),
        }),
      (p) => setProgress(p.message),
    )
    if (!answer.ok) {
      setBusy(false)
      setStale(answer.code === 'ROSTER_CHANGED')
      return setServerError(answer.message)
    }
    const done = answer.data
    if (isProcessing(done)) {
      setBusy(false)
      return setProgress(`申报${STILL_PROCESSING}`)
    }
    setProgress('')
    toast('申报已提交，等待代理单位审核', 'success')
    // Busy until the declaration page has replaced this one (the toast is read first).
    goOn({ redirectTo: `/packages/enrol/declaration/index?id=${done.enrolmentId}` }, () => setBusy(false), 600)
  }

  /** Reads the roster again (after 名单已变化): the page is prepared anew, the ticks start over. */
  const refresh = () => {
    setStale(false)
    setServerError('')
    onRosterChanged?.()
  }

  return { selection, chosen, shares, setShares, products, toggleProduct, toggle, selectAll, clear, summary, busy, serverError, stale, refresh, progress, submit }
}
