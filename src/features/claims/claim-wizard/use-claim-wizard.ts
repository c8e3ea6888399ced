import { useReducer, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { ClaimFiles, ClaimTarget } from '@mutual-aid/contracts'
import { confirm, toast } from '@/components/ui'
import { useLoad } from '@/services/use-load'
import { goOn } from '@/services/go-on'
import { requestSubscriptions } from '@/features/notifications'
import { useSession } from '@/features/session'
import { claimsApi } from '../api'
import { submitKeyFor } from '../ids'
import { createSaveQueue } from '../save-queue'
import type { Choice, TextField } from './claim-form'
import { wizardView } from './wizard-derived'
import { initialWizard, wizardReducer, type WizardStep } from './wizard-state'

const SELF: ClaimTarget = { mode: 'self' }
const NEW_CLAIM_PAGE = '/packages/claims/new/index'

export interface ClaimWizardParams {
  draftId?: string
  onBehalf?: string
  beneficiary?: string
}

/**
 * The claim wizard's model: the state machine (`wizardReducer`), what the page loads (the draft being resumed, the
 * caller's open drafts, the roster for a clerk, `claims.prepare` for whom the claim is), what it derives with the rules,
 * and the steps' actions. Nothing loads again when the page comes back from the camera or album. Every draft save goes
 * through one queue, so saves never overlap and each sends the version and files the previous one left.
 */
export function useClaimWizard(params: ClaimWizardParams) {
  const session = useSession()
  const ready = session.status === 'ready'
  const whoami = ready ? session.whoami : null
  const draftId = params.draftId ?? ''
  const [state, dispatch] = useReducer(wizardReducer, params, initialWizard)
  const [busy, setBusy] = useState(false)
  // What the last save left (the queue's next save starts from it, before React has rendered the answer).
  const saved = useRef<{ draft: { id: string; version: number } | null; files: ClaimFiles }>({ draft: null, files: {} })
  const queue = useRef(createSaveQueue())
  const latest = useRef(state)
  latest.current = state

  const resumed = useLoad(() => claimsApi.getDraft(draftId), [draftId], {
    enabled: ready && draftId !== '',
    refreshOnShow: false,
    onReady: (view) => {
      // A draft already submitted is a claim now: show the claim.
      if (view.draft.claimId) return void Taro.redirectTo({ url: `/packages/claims/detail/index?id=${view.draft.claimId}` })
      saved.current = { draft: { id: view.draft.id, version: view.draft.version }, files: view.draft.files }
      dispatch({ type: 'resumed', view })
    },
  })
  // Thumbnails of the pages saved in an earlier visit: temporary links to the caller's own draft files.
  const fileUrls = useLoad(() => claimsApi.draftFileUrls(draftId), [draftId], { enabled: ready && draftId !== '', refreshOnShow: false })
  const starting = ready && draftId === ''
  const drafts = useLoad(() => claimsApi.myDrafts(), [], { enabled: starting, refreshOnShow: false })
  const roster = useLoad(() => claimsApi.roster(), [], { enabled: starting && state.mode === 'on_behalf', refreshOnShow: false })
  // For whom `prepare` runs: the one picked, or the caller themself once known to be a bound worker.
  const target = state.picked ?? (state.mode === 'self' && whoami?.personId ? SELF : null)
  const prepare = useLoad(() => claimsApi.prepare(target ?? SELF), [target], {
    enabled: starting && target !== null,
    refreshOnShow: false,
    onReady: (prepared) => target && dispatch({ type: 'prepared', target, prepared }),
  })

  const view = wizardView(state)

  /** Saves the draft (creating it on the first save) with the form's facts and `change(files)`; false on failure. */
  function saveDraft(change: (files: ClaimFiles) => ClaimFiles = (f) => f): Promise<boolean> {
    return queue.current(async () => {
      const s = latest.current
      const { participation, facts } = wizardView(s)
      if (!participation || !s.product || !s.kind) return false
      const { draft, files } = saved.current
      const nextFiles = draft ? change(files) : {}
      const r = await claimsApi.saveDraft({
        draftId: draft?.id,
        version: draft?.version,
        target: draft ? undefined : (s.preparedFor ?? undefined),
        participationId: participation.id,
        product: s.product,
        kind: s.kind,
        facts,
        files: nextFiles,
      })
      if (!r.ok) {
        toast(r.message, 'error')
        // Changed elsewhere (another phone): load the draft as it is now, so the next save starts from it.
        if (r.code === 'CONFLICT' && draft) resumed.reload()
        return false
      }
      saved.current = { draft: { id: r.data.draftId, version: r.data.version }, files: nextFiles }
      dispatch({ type: 'saved', draftId: r.data.draftId, version: r.data.version, files: nextFiles })
      if (!draft && !draftId) {
        // Keep the draft in the URL history so a reload resumes it.
        void Taro.redirectTo({ url: `${NEW_CLAIM_PAGE}?draftId=${r.data.draftId}` }).catch(() => undefined)
      }
      return true
    })
  }

  return {
    session,
    state,
    view,
    busy,
    loads: { resumed, drafts, roster, prepare },
    /** Temporary links of the draft's pages saved before this visit (empty until loaded). */
    fileUrls: fileUrls.status === 'ready' ? fileUrls.data.urls : {},
    /** Whom `prepare` is running or ran for (null: nobody picked yet). */
    target,

    chooseMode: (mode: ClaimTarget['mode']) => dispatch({ type: 'mode', mode }),
    pick: (t: ClaimTarget) => dispatch({ type: 'pick', target: t }),
    chooseParticipation: (id: string) => dispatch({ type: 'participation', id }),
    chooseProduct: (product: NonNullable<typeof state.product>) => dispatch({ type: 'product', product }),
    chooseKind: (kind: NonNullable<typeof state.kind>) => dispatch({ type: 'kind', kind }),
    setText: (field: TextField, value: string) => dispatch({ type: 'text', field, value }),
    setChoice: (change: Choice) => dispatch({ type: 'choice', change }),
    tickConsent: (ticked: boolean) => dispatch({ type: 'tickConsent', ticked }),
    go: (step: WizardStep) => dispatch({ type: 'go', step }),

    /** 保存，下一步: every field checked (all problems shown), the deadline checked, the draft saved. */
    async toPhotos(): Promise<void> {
      // First thing in the tap, on the save that creates the draft: the reminder before its claim deadline.
      if (!saved.current.draft) void requestSubscriptions('claimDraft')
      dispatch({ type: 'showErrors' })
      if (Object.keys(view.errors.all).length > 0) return toast('还有信息未填写完整，请按红字提示修改', 'warning')
      if (view.late && view.deadline) return toast(`已超过申请期限（最后一天 ${view.deadline.date}），无法提交`, 'error')
      setBusy(true)
      const ok = await saveDraft()
      setBusy(false)
      if (ok) dispatch({ type: 'go', step: 'photos' })
    },

    /** One checklist item's pages changed (a photo uploaded or removed): saved with the draft. */
    savePhotos: (item: string, ids: string[]): Promise<boolean> =>
      saveDraft((files) => {
        const next = { ...files, [item]: ids }
        if (ids.length === 0) delete next[item]
        return next
      }),

    toSubmit(): void {
      if (view.missing.length > 0) return toast(`还缺：${view.missing.map((m) => m.label).join('、')}`, 'warning')
      dispatch({ type: 'go', step: 'submit' })
    },

    /** 提交申请: consent (given once), a confirmation, then one claim for this draft however often it is tapped. */
    async submit(): Promise<void> {
      // Being sent, or on its way to the claim's page: a second tap sends nothing.
      if (busy) return
      // Must be the first thing in the tap handler for WeChat to show the dialog.
      const asked = requestSubscriptions('claimSubmit')
      const { draft, consentGiven, consentTicked } = latest.current
      if (!draft) return
      if (!consentGiven && !consentTicked) return toast('请先阅读并勾选医疗健康信息处理授权', 'warning')
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
          return toast(c.message, 'error')
        }
        dispatch({ type: 'consentGiven' })
      }
      const r = await claimsApi.submit(draft.id, submitKeyFor(draft.id))
      if (!r.ok) {
        setBusy(false)
        return toast(r.message, 'error')
      }
      toast(`已提交，申请编号 ${r.data.claimNo}`, 'success')
      // Busy until the claim's page has replaced the wizard: the draft is spent, nothing here may be sent again.
      goOn({ redirectTo: `/packages/claims/detail/index?id=${r.data.claimId}` }, () => setBusy(false))
    },

    /** Starts a new claim (after a draft could not be opened). */
    startOver: () => void Taro.redirectTo({ url: NEW_CLAIM_PAGE }),
  }
}

export type ClaimWizard = ReturnType<typeof useClaimWizard>
