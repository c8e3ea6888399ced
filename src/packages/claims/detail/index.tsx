import { useCallback, useEffect, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { formatYuan, listDiseases, materialsChecklist, yuanToFen } from '@mutual-aid/shared-rules'
import { PageState } from '@/components/page-state'
import { Button, Input, Picker, Steps, Tag, Textarea, confirm, toast } from '@/components/ui'
import { BENEFIT_LABEL, FILED_AS_LABEL, INSURANCE_LABEL, KIND_LABEL, PRODUCT_LABEL, REJECT_CODES, STATUS_LABEL, rejectLabel, type ClaimDetail, type ClaimFiles, type PageCheck, type RejectCode } from '@mutual-aid/contracts'
import { formatDateTimeCn } from '@/components/format'
import { DUE_TEXT, EVENT_TEXT, NEXT_STEP, REVIEW_STEP, ROLE_TEXT, STATUS_THEME, claimsApi } from '@/features/claims'
import { PhotoUploader } from '@/features/claims/photo-uploader'
import { SecondApprovalPanel } from '@/features/claims/second-approval-panel'
import { PageCheckNote } from '@/features/claims/page-check-note'
import { requestSubscriptions } from '@/features/notifications/subscribe'
import '@/features/claims/claims.scss'
import { PrivacyPopup } from '@/components/privacy-popup'

type Panel = null | 'return' | 'approve' | 'reject' | 'pay' | 'resubmit'

function stepsOf(c: ClaimDetail): { current: number; status: 'process' | 'error' | 'finish' } {
  const order = ['submitted', 'clerk_confirmed', 'agent_confirmed', 'approved', 'paid']
  if (c.status === 'returned') {
    const at = c.returned?.by === 'clerk' ? 1 : c.returned?.by === 'agent' ? 2 : 3
    return { current: at, status: 'error' }
  }
  if (c.status === 'rejected') return { current: 3, status: 'error' }
  if (c.status === 'paid') return { current: 4, status: 'finish' }
  return { current: order.indexOf(c.status) + 1, status: 'process' }
}

/** One claim: status and what happens next, decision and basis, timeline, photos, and the caller's actions. */
export default function ClaimDetailPage() {
  const { params } = useRouter()
  const claimId = params.id ?? ''
  const [claim, setClaim] = useState<ClaimDetail | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [urls, setUrls] = useState<Record<string, string>>({})
  const [checks, setChecks] = useState<Record<string, PageCheck>>({})
  const [panel, setPanel] = useState<Panel>(null)
  const [busy, setBusy] = useState(false)
  // Panel inputs
  const [reason, setReason] = useState('')
  const [amountText, setAmountText] = useState('')
  const [note, setNote] = useState('')
  const [rejectCode, setRejectCode] = useState<RejectCode | null>(null)
  const [paidOn, setPaidOn] = useState('')
  const [reference, setReference] = useState('')
  const [newFiles, setNewFiles] = useState<ClaimFiles>({})

  const load = useCallback(async () => {
    if (!claimId) return setError('缺少申请编号，请从列表进入。')
    setError(null)
    const r = await claimsApi.get(claimId)
    if (!r.ok) return setError(r.message)
    setClaim(r.data)
    setPaidOn((p) => p || r.data.today)
    const photos = await claimsApi.photoUrls(claimId)
    if (photos.ok) {
      setUrls(photos.data.urls)
      setChecks(photos.data.checks)
    }
  }, [claimId])

  useEffect(() => {
    void load()
  }, [load])
  useDidShow(() => {
    if (claim) void load()
  })

  if (error) return <PageState status="error" message={error} onRetry={() => void load()} />
  if (!claim) return <PageState status="loading" />

  const c = claim
  const labels = Object.fromEntries(materialsChecklist(c.rules, c.product, c.kind).map((i) => [i.key, i.label]))
  const checklist = materialsChecklist(c.rules, c.product, c.kind).filter((i) => i.key !== 'application_form')
  const steps = stepsOf(c)
  const a = c.assessmentAtDecision ?? c.assessmentAtSubmit
  const changed =
    c.assessmentAtDecision && c.assessmentAtSubmit && c.assessmentAtDecision.amountFen !== c.assessmentAtSubmit.amountFen

  async function act(label: string, run: () => Promise<{ ok: boolean; message?: string; data?: unknown }>, ask?: { title: string; content: string; danger?: boolean }) {
    if (ask && !(await confirm({ ...ask, confirmText: label }))) return
    setBusy(true)
    const r = await run()
    setBusy(false)
    if (!r.ok) {
      toast(r.message ?? '操作失败，请重试', 'error')
      if ((r as { code?: string }).code === 'CONFLICT') void load()
      return
    }
    // Four eyes: an approval above the computed amount or the office's threshold waits for a second office user.
    const awaiting = (r.data as { awaitingSecond?: boolean } | undefined)?.awaitingSecond
    toast(awaiting ? '已提交，待第二位审批人确认' : `${label}成功`, 'success')
    setPanel(null)
    setReason('')
    setNote('')
    setAmountText('')
    await load()
  }

  function approve(): void {
    // The office's taps also ask for its next late-change reminder (a one-time subscription per 允许).
    void requestSubscriptions('officeReview')
    let amountFen: number | undefined
    if (amountText.trim()) {
      try {
        amountFen = yuanToFen(amountText)
      } catch {
        toast('调整金额格式不正确', 'error')
        return
      }
    }
    const final = amountFen ?? a?.amountFen ?? 0
    void act(
      '核准',
      () => claimsApi.decide({ claimId: c.id, version: c.version, outcome: 'approve', amountFen, note: note.trim() || undefined }),
      { title: '确认核准？', content: `核准给付 ${formatYuan(final)}。核准后将生成支付记录，并终止相应保障。` },
    )
  }

  const filesForResubmit: ClaimFiles = { ...c.files, ...newFiles }

  return (
    <View className="claims-page claims-detail">
      <PrivacyPopup />
      <View className="claims-section">
        <View className="claims-list-item__top">
          <Text className="claims-list-item__no">{c.claimNo}</Text>
          <Tag theme={STATUS_THEME[c.status]}>{STATUS_LABEL[c.status]}</Tag>
        </View>
        <Text className="claims-section__hint">
          {PRODUCT_LABEL[c.product]} · {KIND_LABEL[c.kind]} · {c.personName} · {c.unitName}
        </Text>
        <Text className="claims-section__hint">
          {FILED_AS_LABEL[c.filedBy.as]}
          {c.filedBy.name ? `（${c.filedBy.name}）` : ''} · 提交于 {c.submittedOn}
        </Text>
        <View className="claims-gap-top">
          <Steps
            current={steps.current}
            currentStatus={steps.status}
            items={[{ title: '提交' }, { title: '单位' }, { title: '代理' }, { title: '互助办' }, { title: '支付' }]}
          />
        </View>
      </View>

      <View className={`claims-notice ${c.status === 'returned' ? 'claims-notice--warning' : c.status === 'rejected' ? 'claims-notice--danger' : c.status === 'paid' ? 'claims-notice--success' : ''}`}>
        <Text className="claims-notice__title">现在怎么办</Text>
        <Text>{c.assessmentAtSubmit ? REVIEW_STEP[c.status] : NEXT_STEP[c.status]}</Text>
        {c.returned ? <Text>{`\n退回原因（${ROLE_TEXT[c.returned.by]}）：${c.returned.reason}`}</Text> : null}
      </View>

      <SecondApprovalPanel claim={c} onDone={load} />

      {c.decision ? (
        <View className="claims-section claims-decision">
          <Text className="claims-section__title">审批结论</Text>
          {c.decision.outcome === 'approve' ? (
            <>
              <Text className="claims-amount">{formatYuan(c.decision.amountFen)}</Text>
              {c.assessmentAtDecision?.lines.map((l) => (
                <View key={`${l.benefit}-${l.basis}`} className="claims-row">
                  <Text className="claims-row__label">{BENEFIT_LABEL[l.benefit] ?? l.benefit}（{l.basis}）</Text>
                  <Text className="claims-row__value">{formatYuan(l.amountFen)}</Text>
                </View>
              ))}
              {c.decision.overridden ? (
                <Text className="claims-section__hint">
                  互助办调整了金额（规则计算 {formatYuan(c.decision.computedFen)}）：{c.decision.note}
                </Text>
              ) : null}
              {c.decision.proposedBy ? (
                <Text className="claims-section__hint">
                  两人审批：{c.decision.proposedBy} 提议，{[...c.history].reverse().find((h) => h.event === 'approve')?.name || '另一位审批人'} 确认。
                </Text>
              ) : null}
            </>
          ) : (
            <>
              <Text className="claims-section__hint">不予给付：{rejectLabel(c.decision.reasonCode ?? '')}</Text>
              <Text className="claims-section__hint">说明：{c.decision.note}</Text>
              {c.assessmentAtDecision?.reasons.map((r) => (
                <Text key={r.code} className="claims-section__hint">
                  • {r.message}（{r.basis}）
                </Text>
              ))}
            </>
          )}
          {c.paid ? (
            <View className="claims-row">
              <Text className="claims-row__label">支付</Text>
              <Text className="claims-row__value">已支付 · {c.paid.paidOn} · 凭证 {c.paid.reference}</Text>
            </View>
          ) : null}
          <Text className="claims-section__hint">审批时间：{formatDateTimeCn(c.decision.at)}</Text>
        </View>
      ) : null}

      {c.assessmentAtSubmit ? (
        <View className="claims-section claims-assessment">
          <Text className="claims-section__title">规则核定（供审核参考）</Text>
          {a ? (
            <>
              <Text className="claims-amount">{a.payable ? formatYuan(a.amountFen) : '不符合给付条件'}</Text>
              {a.lines.map((l) => (
                <View key={`${l.benefit}-${l.basis}`} className="claims-row">
                  <Text className="claims-row__label">{BENEFIT_LABEL[l.benefit] ?? l.benefit} · {l.basis}</Text>
                  <Text className="claims-row__value">{formatYuan(l.amountFen)}</Text>
                </View>
              ))}
              {a.reasons.map((r) => (
                <Text key={r.code} className="claims-error claims-error--flush">
                  {r.code} · {r.basis}：{r.message}
                </Text>
              ))}
              {changed ? (
                <Text className="claims-section__hint">
                  提交时核定 {formatYuan(c.assessmentAtSubmit.amountFen)}，审批时重新核定 {formatYuan(c.assessmentAtDecision?.amountFen ?? 0)}。
                </Text>
              ) : null}
            </>
          ) : null}
          <View className="claims-row">
            <Text className="claims-row__label">申请期限</Text>
            <Text className="claims-row__value">
              {c.claimDeadline.date} 前（{c.claimDeadline.basis}）· {c.submittedOn <= c.claimDeadline.date ? '按期提交' : '逾期'}
            </Text>
          </View>
          <View className="claims-row">
            <Text className="claims-row__label">审批期限</Text>
            <Text className="claims-row__value">
              {c.dueDate ? `${c.dueDate}（材料齐全日 ${c.materialsCompleteOn} 起 30 个工作日）` : '代理单位确认后开始计算'}
              {c.dueState ? ` · ${DUE_TEXT[c.dueState]}` : ''}
            </Text>
          </View>
        </View>
      ) : null}

      <View className="claims-section">
        <Text className="claims-section__title">申请信息</Text>
        {c.facts.disease ? (
          <View className="claims-row">
            <Text className="claims-row__label">疾病</Text>
            <Text className="claims-row__value">
              {c.facts.disease === 'other'
                ? '不在保障疾病范围内的其他疾病'
                : (listDiseases(c.rules, c.product).find((d) => d.code === c.facts.disease)?.name ?? c.facts.disease)}
            </Text>
          </View>
        ) : null}
        {c.facts.eventDate ? (
          <View className="claims-row">
            <Text className="claims-row__label">{c.kind === 'death' ? '身故日期' : '确诊日期'}</Text>
            <Text className="claims-row__value">{c.facts.eventDate}</Text>
          </View>
        ) : null}
        <View className="claims-row">
          <Text className="claims-row__label">医院</Text>
          <Text className="claims-row__value">
            {c.facts.hospital}
            {c.facts.designatedHospital ? '（指定医院）' : '（非指定医院）'}
          </Text>
        </View>
        {c.facts.admission ? (
          <View className="claims-row">
            <Text className="claims-row__label">住院</Text>
            <Text className="claims-row__value">{c.facts.admission} 至 {c.facts.discharge ?? '—'}</Text>
          </View>
        ) : null}
        {c.facts.selfPayFen !== undefined ? (
          <View className="claims-row">
            <Text className="claims-row__label">自负 / 自理</Text>
            <Text className="claims-row__value">
              {formatYuan(c.facts.selfPayFen)} / {formatYuan(c.facts.selfFundedFen ?? 0)}
              {c.facts.medicalInsurance ? ` · ${INSURANCE_LABEL[c.facts.medicalInsurance]}` : ''}
            </Text>
          </View>
        ) : null}
        {c.facts.payee?.account ? (
          <View className="claims-row">
            <Text className="claims-row__label">收款</Text>
            <Text className="claims-row__value">
              {c.facts.payee.name} · {c.facts.payee.bank} · 尾号 {c.facts.payee.account.slice(-4)}
            </Text>
          </View>
        ) : null}
      </View>

      <View className="claims-section">
        <Text className="claims-section__title">材料照片</Text>
        {[...c.materials].reverse().map((m) => (
          <View key={m.n} className="claims-gap-bottom">
            <Text className="claims-section__hint">
              第 {m.n} 版 · {formatDateTimeCn(m.at)}
              {m.note ? ` · ${m.note}` : ''}
              {m.n === c.materials.length ? '（当前）' : ''}
            </Text>
            {Object.entries(m.files).map(([key, ids]) => (
              <View key={key}>
                <Text className="claims-section__hint">{labels[key] ?? key}（{ids.length} 页）</Text>
                <View className="claims-thumbs">
                  {ids.map((id) =>
                    urls[id] ? (
                      <Image
                        key={id}
                        className="claims-thumbs__img"
                        src={urls[id]}
                        mode="aspectFill"
                        onClick={() => void Taro.previewImage({ urls: ids.map((x) => urls[x]).filter(Boolean), current: urls[id] })}
                      />
                    ) : (
                      <View key={id} className="claims-thumbs__img" />
                    ),
                  )}
                </View>
                <PageCheckNote ids={ids} checks={checks} />
              </View>
            ))}
          </View>
        ))}
        <Text className="claims-section__hint">照片仅申请人和审核人员可见，链接 10 分钟内有效。</Text>
      </View>

      <View className="claims-section">
        <Text className="claims-section__title">办理记录</Text>
        <View className="claims-timeline">
          {c.history.map((h, i) => (
            <View key={i} className="claims-timeline__item">
              <Text className="claims-timeline__title">
                {EVENT_TEXT[h.event] ?? h.event} → {STATUS_LABEL[h.to]}
              </Text>
              <Text className="claims-timeline__meta">
                {formatDateTimeCn(h.at)} · {ROLE_TEXT[h.role] ?? h.role}
                {h.name ? ` ${h.name}` : ''}
              </Text>
              {h.note ? <Text className="claims-timeline__note">{h.note}</Text> : null}
            </View>
          ))}
        </View>
      </View>

      {panel === 'return' ? (
        <View className="claims-section">
          <Text className="claims-section__title">退回补充材料</Text>
          <Textarea label="需要补充什么" value={reason} onChange={setReason} placeholder="例如：出院小结第 2 页不清晰，请重新拍摄" maxLength={300} />
          <View className="claims-inline-actions">
            <Button variant="outline" onClick={() => setPanel(null)}>取消</Button>
            <Button theme="danger" loading={busy} disabled={reason.trim().length < 4} onClick={() => void act('退回', () => claimsApi.returnClaim(c.id, c.version, reason.trim()), { title: '确认退回？', content: '申请人会收到通知，补充材料后重新提交。', danger: true })}>
              确认退回
            </Button>
          </View>
        </View>
      ) : null}

      {panel === 'approve' ? (
        <View className="claims-section">
          <Text className="claims-section__title">核准给付</Text>
          <Text className="claims-section__hint">规则核定金额：{formatYuan(a?.amountFen ?? 0)}。如需调整，请填写调整后金额并写明理由。</Text>
          <Input label="调整金额" value={amountText} onChange={setAmountText} type="digit" suffix="元" placeholder="不调整请留空" />
          <Textarea label="说明" value={note} onChange={setNote} placeholder="调整金额时必填" maxLength={300} />
          <View className="claims-inline-actions">
            <Button variant="outline" onClick={() => setPanel(null)}>取消</Button>
            <Button theme="primary" loading={busy} onClick={approve}>
              {amountText.trim() ? '按调整金额核准' : '按核定金额核准'}
            </Button>
          </View>
        </View>
      ) : null}

      {panel === 'reject' ? (
        <View className="claims-section">
          <Text className="claims-section__title">不予给付</Text>
          <Picker
            label="理由"
            value={rejectCode}
            options={(Object.keys(REJECT_CODES) as RejectCode[]).map((k) => ({ value: k, label: REJECT_CODES[k] }))}
            onChange={setRejectCode}
            required
          />
          <Textarea label="说明" value={note} onChange={setNote} placeholder="请写明具体理由，申请人可见" maxLength={300} />
          <View className="claims-inline-actions">
            <Button variant="outline" onClick={() => setPanel(null)}>取消</Button>
            <Button
              theme="danger"
              loading={busy}
              disabled={!rejectCode || note.trim().length < 4}
              onClick={() => {
                void requestSubscriptions('officeReview')
                if (!rejectCode) return
                void act('拒付', () => claimsApi.decide({ claimId: c.id, version: c.version, outcome: 'reject', reasonCode: rejectCode, note: note.trim() }), {
                  title: '确认不予给付？',
                  content: '审批结论作出后不能更改，申请人会收到通知。',
                  danger: true,
                })
              }}
            >
              确认不予给付
            </Button>
          </View>
        </View>
      ) : null}

      {panel === 'pay' ? (
        <View className="claims-section">
          <Text className="claims-section__title">登记支付</Text>
          <Text className="claims-section__hint">
            应付 {formatYuan(c.decision?.amountFen ?? 0)} · 收款人 {c.facts.payee?.name} · {c.facts.payee?.bank} · {c.facts.payee?.account}
          </Text>
          <Input label="支付日期" value={paidOn} onChange={setPaidOn} placeholder="YYYY-MM-DD" maxLength={10} required />
          <Input label="转账凭证号" value={reference} onChange={setReference} required />
          <View className="claims-inline-actions">
            <Button variant="outline" onClick={() => setPanel(null)}>取消</Button>
            <Button theme="primary" loading={busy} disabled={reference.trim().length < 4} onClick={() => {
              void requestSubscriptions('officeReview')
              void act('登记支付', () => claimsApi.markPaid(c.id, c.version, paidOn.trim(), reference.trim()), { title: '确认已支付？', content: `登记后计入 ${c.family} ${c.year} 年度基金支出，不能撤销。` })
            }}>
              确认已支付
            </Button>
          </View>
        </View>
      ) : null}

      {panel === 'resubmit' ? (
        <View className="claims-section">
          <Text className="claims-section__title">补充材料</Text>
          <Text className="claims-section__hint">可在各项下增加照片或删除不清晰的照片；之前提交的版本会保留在记录中。</Text>
          {checklist.map((item) => (
            <PhotoUploader
              key={item.key}
              item={item}
              folder={c.id}
              fileIDs={filesForResubmit[item.key] ?? []}
              onChange={async (ids) => {
                const next = { ...filesForResubmit, [item.key]: ids }
                // Kept in the cloud as it is gathered: closing the app before 重新提交 loses nothing.
                const saved = await claimsApi.saveResubmission(c.id, next, note.trim() || undefined)
                if (!saved.ok) {
                  toast(saved.message, 'error')
                  return false
                }
                setNewFiles((f) => ({ ...f, [item.key]: ids }))
                return true
              }}
            />
          ))}
          <Textarea label="补充说明" value={note} onChange={setNote} placeholder="例如：已重新拍摄出院小结" maxLength={300} />
          <View className="claims-inline-actions">
            <Button variant="outline" onClick={() => setPanel(null)}>取消</Button>
            <Button
              theme="primary"
              loading={busy}
              onClick={() => {
                // First thing in the tap: the return used its notice, so ask again (and for the payment notice).
                void requestSubscriptions('claimResubmit')
                const files = Object.fromEntries(Object.entries(filesForResubmit).filter(([, ids]) => ids.length > 0))
                void act('重新提交', () => claimsApi.resubmit(c.id, c.version, c.facts, files, note.trim() || undefined), {
                  title: '确认重新提交？',
                  content: '将退回给提出补充要求的审核环节继续办理。',
                })
              }}
            >
              重新提交
            </Button>
          </View>
        </View>
      ) : null}

      {(c.actions.length > 0 || (c.status === 'approved' && c.mine)) && panel === null ? (
        <View className="claims-actions">
          {c.actions.includes('return') ? (
            <Button theme="danger" variant="outline" onClick={() => setPanel('return')}>退回补充</Button>
          ) : null}
          {c.actions.includes('confirm') ? (
            <Button theme="primary" loading={busy} onClick={() => void act('确认', () => claimsApi.confirm(c.id, c.version), { title: '确认该申请？', content: '在线确认代替纸质盖章，确认后转下一环节审核。' })}>
              确认无误
            </Button>
          ) : null}
          {c.actions.includes('reject') ? (
            <Button theme="danger" variant="outline" onClick={() => setPanel('reject')}>不予给付</Button>
          ) : null}
          {c.actions.includes('approve') ? (
            <Button theme="primary" onClick={() => setPanel('approve')}>核准</Button>
          ) : null}
          {c.actions.includes('pay') ? (
            <Button theme="primary" onClick={() => setPanel('pay')}>登记支付</Button>
          ) : null}
          {c.status === 'approved' && c.mine ? (
            <Button
              variant="outline"
              onClick={() => {
                void requestSubscriptions('claimApproved').then(() => toast('到账时会通过微信通知您', 'success'))
              }}
            >
              到账时微信提醒我
            </Button>
          ) : null}
          {c.actions.includes('resubmit') ? (
            <Button
              theme="primary"
              onClick={() => {
                if (c.resubmission) {
                  setNewFiles(c.resubmission.files)
                  setNote(c.resubmission.note)
                }
                setPanel('resubmit')
              }}
            >
              补充材料
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
