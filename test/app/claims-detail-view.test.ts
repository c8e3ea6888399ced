/** What the claim page derives from a claim (src/features/claims/claim-detail/claim-view.ts) and the save queue. */
import { getScheme } from '@mutual-aid/shared-rules'
import type { ClaimDetail } from '@mutual-aid/contracts'
import {
  adjustedAmount,
  claimProgress,
  diseaseName,
  materialLabels,
  nextStepText,
  noticeTone,
  photoChecklist,
  resubmissionFiles,
  withdrawConfirmText,
  withoutEmptyItems,
} from '../../src/features/claims/claim-detail/claim-view'
import { createSaveQueue } from '../../src/features/claims/save-queue'
import { NEXT_STEP, REVIEW_STEP, YOUR_STEP } from '../../src/features/claims/labels'

type C = Pick<ClaimDetail, 'status' | 'returned'>
const returnedBy = (by: 'clerk' | 'agent' | 'office'): C => ({ status: 'returned', returned: { by, reason: '请补充', at: '2021-06-01T00:00:00.000Z' } })

const withdrawnFrom = (from: string): C & Pick<ClaimDetail, 'history'> => ({
  status: 'withdrawn',
  returned: null,
  history: [{ at: '2021-06-02T00:00:00.000Z', event: 'withdraw', from, to: 'withdrawn', role: 'worker', name: '余静', note: null }],
})

describe('claimProgress: the five steps 提交 单位 代理 互助办 支付', () => {
  it.each([
    [{ status: 'submitted', returned: null }, { current: 1, status: 'process' }],
    [{ status: 'clerk_confirmed', returned: null }, { current: 2, status: 'process' }],
    [{ status: 'agent_confirmed', returned: null }, { current: 3, status: 'process' }],
    [{ status: 'approved', returned: null }, { current: 4, status: 'process' }],
    [{ status: 'paid', returned: null }, { current: 4, status: 'finish' }],
    [{ status: 'rejected', returned: null }, { current: 3, status: 'error' }],
    [returnedBy('clerk'), { current: 1, status: 'error' }],
    [returnedBy('agent'), { current: 2, status: 'error' }],
    [returnedBy('office'), { current: 3, status: 'error' }],
    // Withdrawn: stopped at the step it was withdrawn from.
    [withdrawnFrom('submitted'), { current: 1, status: 'error' }],
    [withdrawnFrom('agent_confirmed'), { current: 3, status: 'error' }],
    [{ ...withdrawnFrom('returned'), returned: returnedBy('agent').returned }, { current: 2, status: 'error' }],
  ] as [C, ReturnType<typeof claimProgress>][])('%o → %o', (c, expected) => {
    expect(claimProgress(c)).toEqual(expected)
  })

  it.each([
    ['returned', 'warning'],
    ['rejected', 'danger'],
    ['paid', 'success'],
    ['submitted', ''],
    ['approved', ''],
  ] as const)('the notice of a %s claim is %p', (status, tone) => {
    expect(noticeTone(status)).toBe(tone)
  })
})

describe('现在怎么办: whose turn it is', () => {
  type N = Parameters<typeof nextStepText>[0]
  const assessed = { amountFen: 2_000_000 } as NonNullable<ClaimDetail['assessmentAtSubmit']>
  it.each([
    // The filer reads what happens next, whatever they may do (withdraw).
    [{ status: 'submitted', actions: ['withdraw'], assessmentAtSubmit: null }, NEXT_STEP.submitted],
    // The clerk holding a submitted claim is told to act, not to wait for "单位工会经办人".
    [{ status: 'submitted', actions: ['return', 'confirm'], assessmentAtSubmit: assessed }, YOUR_STEP.confirm],
    [{ status: 'clerk_confirmed', actions: ['return', 'confirm'], assessmentAtSubmit: assessed }, YOUR_STEP.confirm],
    [{ status: 'agent_confirmed', actions: ['return', 'reject', 'approve'], assessmentAtSubmit: assessed }, YOUR_STEP.approve],
    [{ status: 'approved', actions: ['pay'], assessmentAtSubmit: assessed }, YOUR_STEP.pay],
    // A reviewer whose step it is not (the office looking at a claim the clerk holds) reads who is on it.
    [{ status: 'submitted', actions: [], assessmentAtSubmit: assessed }, REVIEW_STEP.submitted],
    [{ status: 'paid', actions: [], assessmentAtSubmit: assessed }, REVIEW_STEP.paid],
  ] as [N, string][])('%o', (c, expected) => {
    expect(nextStepText(c)).toBe(expected)
  })
})

describe('what withdrawing says it does', () => {
  it('the reviewers waiting for it are named; a held proposal becomes the participant’s to confirm (with its amount when theirs)', () => {
    expect(withdrawConfirmText({ status: 'agent_confirmed', heldProposal: null })).toMatch(/互助办会收到撤回通知.*不能恢复/)
    expect(withdrawConfirmText({ status: 'returned', heldProposal: null })).not.toMatch(/收到撤回通知/)
    expect(withdrawConfirmText({ status: 'submitted', heldProposal: { amountFen: 270_000 } })).toMatch(/补助 2,700\.00 元将转为待您确认/)
    expect(withdrawConfirmText({ status: 'submitted', heldProposal: { amountFen: null } })).toMatch(/转给职工本人确认/)
  })
})

describe('names from the scheme', () => {
  const wh = { schemeId: 'wh-2020', rules: getScheme('wh-2020'), product: 'critical', kind: 'illness' } as const
  it('the disease by its printed name; other → outside the list; an unknown code as given', () => {
    expect(diseaseName({ ...wh, facts: { disease: 'WH05' } } as never)).toBeTruthy()
    expect(diseaseName({ ...wh, facts: { disease: 'WH05' } } as never)).not.toBe('WH05')
    expect(diseaseName({ ...wh, facts: { disease: 'other' } } as never)).toBe('不在保障疾病范围内的其他疾病')
    expect(diseaseName({ ...wh, facts: { disease: 'XX99' } } as never)).toBe('XX99')
    expect(diseaseName({ ...wh, facts: {} } as never)).toBeNull()
  })

  it('the photo checklist leaves out the application form (the online claim is it); labels cover every item', () => {
    const labels = materialLabels(wh)
    const photos = photoChecklist(wh)
    expect(photos.map((i) => i.key)).not.toContain('application_form')
    expect(photos.length).toBeGreaterThan(0)
    for (const i of photos) expect(labels[i.key]).toBe(i.label)
  })
})

describe('the office’s adjusted amount', () => {
  it.each([
    ['', { ok: true, fen: undefined }],
    ['   ', { ok: true, fen: undefined }],
    ['18000', { ok: true, fen: 1_800_000 }],
    ['18000.5', { ok: true, fen: 1_800_050 }],
    ['十万', { ok: false, message: '调整金额格式不正确' }],
    ['1.235', { ok: true, fen: 124 }], // the rules' half-up rounding on the decimal text
    ['2,400 元', { ok: true, fen: 240_000 }],
  ])('%p → %o', (text, expected) => {
    expect(adjustedAmount(text)).toEqual(expected)
  })
})

describe('resubmission files', () => {
  it('start from the claim’s pages with those already gathered on top; empty items are left out when sent', () => {
    const c = { files: { a: ['1'], b: ['2'] }, resubmission: { files: { b: ['2', '3'], c: [] }, note: '' } }
    expect(resubmissionFiles(c)).toEqual({ a: ['1'], b: ['2', '3'], c: [] })
    expect(withoutEmptyItems(resubmissionFiles(c))).toEqual({ a: ['1'], b: ['2', '3'] })
    expect(resubmissionFiles({ files: { a: ['1'] }, resubmission: null })).toEqual({ a: ['1'] })
  })
})

describe('createSaveQueue', () => {
  it('runs saves one at a time in the order asked, each after the previous answered, a failure not stopping the rest', async () => {
    const queue = createSaveQueue()
    const log: string[] = []
    let running = 0
    const save = (name: string, fail = false) =>
      queue(async () => {
        running += 1
        expect(running).toBe(1)
        log.push(`start ${name}`)
        await new Promise((r) => setTimeout(r, 5))
        log.push(`end ${name}`)
        running -= 1
        if (fail) throw new Error(name)
        return name
      })
    const results = await Promise.allSettled([save('a'), save('b', true), save('c')])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c'])
  })
})
