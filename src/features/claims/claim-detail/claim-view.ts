/**
 * What the claim page derives from a claim (pure): where it stands on the five steps, the tone of the "现在怎么办"
 * notice, names for the disease and each checklist item, and the amounts a reviewer types.
 */
import { LEVEL_LABEL, fenToYuan, formatYuan, levelFor, listDiseases, materialsChecklist, yuanToFen } from '@mutual-aid/shared-rules'
import type { ClaimDetail, ClaimFiles, DraftFacts } from '@mutual-aid/contracts'
import { NEXT_STEP, REVIEW_STEP, YOUR_STEP } from '../labels'

/** The steps 提交 → 单位 → 代理 → 互助办 → 支付: the current one and how it stands. */
export function claimProgress(
  c: Pick<ClaimDetail, 'status' | 'returned'> & Partial<Pick<ClaimDetail, 'history'>>,
): { current: number; status: 'process' | 'error' | 'finish' } {
  const order = ['submitted', 'clerk_confirmed', 'agent_confirmed', 'approved', 'paid']
  const returnedAt = () => (c.returned?.by === 'clerk' ? 1 : c.returned?.by === 'agent' ? 2 : 3)
  if (c.status === 'returned') return { current: returnedAt(), status: 'error' }
  if (c.status === 'withdrawn') {
    // Stopped at the step it was withdrawn from.
    const from = [...(c.history ?? [])].reverse().find((h) => h.event === 'withdraw')?.from
    return { current: from === 'returned' ? returnedAt() : Math.max(order.indexOf(from ?? 'submitted') + 1, 1), status: 'error' }
  }
  if (c.status === 'rejected') return { current: 3, status: 'error' }
  if (c.status === 'paid') return { current: 4, status: 'finish' }
  return { current: order.indexOf(c.status) + 1, status: 'process' }
}

/** The notice's colour: returned → warning, rejected → danger, paid → success, otherwise plain. */
export function noticeTone(status: ClaimDetail['status']): '' | 'warning' | 'danger' | 'success' {
  return status === 'returned' ? 'warning' : status === 'rejected' ? 'danger' : status === 'paid' ? 'success' : ''
}

/**
 * The 现在怎么办 text: the filer's (NEXT_STEP); a reviewer's (REVIEW_STEP); or, when this reviewer holds the step (the
 * function lists it in `actions`), what to do now (YOUR_STEP).
 */
export function nextStepText(c: Pick<ClaimDetail, 'status' | 'actions' | 'assessmentAtSubmit'>): string {
  if (!c.assessmentAtSubmit) return NEXT_STEP[c.status]
  const turn = (['confirm', 'approve', 'pay'] as const).find((action) => c.actions.includes(action))
  return turn ? YOUR_STEP[turn] : REVIEW_STEP[c.status]
}

/** What withdrawing this claim does, as the withdraw form and its confirmation say it. */
export function withdrawConsequences(c: Pick<ClaimDetail, 'status'>): string {
  const level = levelFor(c.status)
  return `撤回后这份申请不再办理${level ? `，正在审核的${LEVEL_LABEL[level]}会收到撤回通知` : ''}。撤回后不能恢复，如仍需申请，可以重新填写提交。`
}

/** The same, plus what becomes of the bureau's proposal held because of the claim (for the confirmation dialog). */
export function withdrawConfirmText(c: Pick<ClaimDetail, 'status' | 'heldProposal'>): string {
  const held = c.heldProposal
  if (!held) return withdrawConsequences(c)
  const proposal =
    held.amountFen !== null
      ? `同一次住院按医保结算生成的补助 ${formatYuan(held.amountFen)}将转为待您确认。`
      : '同一次住院按医保结算生成的补助将转给职工本人确认。'
  return `${withdrawConsequences(c)}${proposal}`
}

/** The disease's name as the scheme prints it (`other`: outside the list); the code itself if the scheme lacks it. */
export function diseaseName(c: Pick<ClaimDetail, 'rules' | 'product' | 'facts'>): string | null {
  const code = c.facts.disease
  if (!code) return null
  if (code === 'other') return '不在保障疾病范围内的其他疾病'
  return listDiseases(c.rules, c.product).find((d) => d.code === code)?.name ?? code
}

/** Checklist item key → its label, for every item of the claim's scheme, product and kind. */
export function materialLabels(c: Pick<ClaimDetail, 'rules' | 'product' | 'kind'>): Record<string, string> {
  return Object.fromEntries(materialsChecklist(c.rules, c.product, c.kind).map((i) => [i.key, i.label]))
}

/** The items a filer photographs (the application form is the online claim itself). */
export function photoChecklist(c: Pick<ClaimDetail, 'rules' | 'product' | 'kind'>) {
  return materialsChecklist(c.rules, c.product, c.kind).filter((i) => i.key !== 'application_form')
}

/** The office's adjusted amount: empty → none (the rules' amount stands); yuan text → fen; anything else → error. */
export function adjustedAmount(text: string): { ok: true; fen: number | undefined } | { ok: false; message: string } {
  if (!text.trim()) return { ok: true, fen: undefined }
  try {
    return { ok: true, fen: yuanToFen(text) }
  } catch {
    return { ok: false, message: '调整金额格式不正确' }
  }
}

/** Files without the items left empty (the resubmission carries only items with pages). */
export function withoutEmptyItems(files: ClaimFiles): ClaimFiles {
  return Object.fromEntries(Object.entries(files).filter(([, ids]) => ids.length > 0))
}

/** The pages a resubmission starts from: the claim's current ones, with those already gathered for it on top. */
export function resubmissionFiles(c: Pick<ClaimDetail, 'files' | 'resubmission'>): ClaimFiles {
  return { ...c.files, ...(c.resubmission?.files ?? {}) }
}

/** One fact a resubmission corrected: what it said before and what it says now, as a person reads them. */
export interface FactChange {
  label: string
  before: string
  after: string
}

const yesNo = (v: boolean | undefined) => (v === undefined ? '未填' : v ? '是' : '否')
const yuan = (fen: number | undefined) => (fen === undefined ? '未填' : `${fenToYuan(fen)} 元`)

/**
 * The facts a materials version changed against the version before it (the diagnosis date, hospital, designated-hospital
 * answer, stay, amounts …), so reviewers and the filer see what was corrected on a return.
 */
export function factChanges(kind: ClaimDetail['kind'], before: DraftFacts, after: DraftFacts): FactChange[] {
  const rows: [string, (f: DraftFacts) => string][] = [
    [kind === 'death' ? '身故日期' : '确诊日期', (f) => f.eventDate ?? '未填'],
    ['医院', (f) => f.hospital ?? '未填'],
    ['是否指定医院', (f) => yesNo(f.designatedHospital)],
    ['是否住院', (f) => yesNo(f.inpatient)],
    ['入院日期', (f) => f.admission ?? '未填'],
    ['出院日期', (f) => f.discharge ?? '未填'],
    ['医保自负金额', (f) => yuan(f.selfPayFen)],
    ['自理金额', (f) => yuan(f.selfFundedFen)],
    ['收款账户尾号', (f) => (f.payee?.account ? f.payee.account.slice(-4) : '未填')],
  ]
  return rows.map(([label, read]) => ({ label, before: read(before), after: read(after) })).filter((c) => c.before !== c.after)
}
