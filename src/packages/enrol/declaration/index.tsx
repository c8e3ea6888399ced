import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { fenToYuan, yuanToFen } from '@mutual-aid/shared-rules'
import { PageState } from '@/components/page-state'
import { Button, CellGroup, DatePicker, Input, Search, Steps, Tag, Textarea, confirm, toast } from '@/components/ui'
import { formatDateCn, formatYuan } from '@/components/format'
import { uploadFile } from '@/services/cloud'
import { LoadMore } from '@/components/load-more'
import { usePagedLoad } from '@/services/use-load'
import { enrolmentApi, enrolmentPages } from '@/features/enrolment/api'
import { compressPhoto } from '@/features/claims/compress'
import { useSession } from '@/features/session'
import '@/features/enrolment/enrol.scss'
import { ENROLMENT_KIND_LABEL, ENROLMENT_STATUS_LABEL, PRODUCT_LABEL, isProcessing, type DeclarationDetail } from '@mutual-aid/contracts'
import { STILL_PROCESSING, untilDone } from '@/services/until-done'
import { PrivacyPopup } from '@/components/privacy-popup'
import { PayToCard } from '@/features/enrolment/pay-to-card'
import { withPageFrame } from '@/features/large-font'

const STEP = { draft: 0, submitted: 1, returned: 1, approved: 2, paid: 3 } as const

/** One declaration: what was declared and quoted; the agent reviews it, the office records the payment. */
function DeclarationPage() {
  const id = useRouter().params.id ?? ''
  const session = useSession()
  const role = session.status === 'ready' ? session.whoami.role : null
  const [query, setQuery] = useState('')
  const [search, setSearch] = useState('')
  const state = usePagedLoad(enrolmentPages.declaration(id, search || undefined), [id, search], { enabled: id !== '' })
  if (!id) return <PageState status="error" message="缺少申报编号，请从申报记录进入。" />
  if (state.status === 'loading') return <PageState status="loading" />
  if (state.status === 'error') return <PageState status="error" message={state.message} onRetry={state.reload} />
  const { enrolment: e, items: participants, total } = state.data

  return (
    <View className="enrol-page declaration-page">
      <PrivacyPopup />
      {/* Four characters at most: 代理单位审核 and 互助办确认缴费 broke mid-word under their step on a phone. */}
      <Steps
        current={STEP[e.status]}
        currentStatus={e.status === 'returned' ? 'error' : e.status === 'paid' ? 'finish' : 'process'}
        items={[{ title: '单位申报' }, { title: e.status === 'returned' ? '已退回' : '代理审核' }, { title: '确认缴费' }, { title: '保障生效' }]}
      />
      <View className="enrol-card">
        <Text className="enrol-card__title">{e.unitName}</Text>
        <Tag theme={e.status === 'returned' ? 'danger' : e.status === 'paid' ? 'success' : 'warning'}>{ENROLMENT_STATUS_LABEL[e.status]}</Tag> <Tag>{ENROLMENT_KIND_LABEL[e.kind]}</Tag>
        <Text className="enrol-card__line">
          {e.year} 年度 · {e.schemeName}
        </Text>
        <Text className="enrol-card__line">
          参加 {e.participantCount} 人（首次 {e.firstTimeCount ?? 0} 人）· 在职 {e.staffCount} 人
          {e.replacedCount ? ` · 换出 ${e.replacedCount} 人` : ''}
        </Text>
        <Text className="enrol-card__line">
          保障项目：{e.products.map((p) => PRODUCT_LABEL[p]).join('、')}
          {e.shares ? ` · 每人 ${e.shares} 份` : ''}
        </Text>
        {e.returnReason ? <Text className="enrol-card__line">退回原因：{e.returnReason}</Text> : null}
        {e.coverageStart ? (
          <Text className="enrol-card__line">
            保障期间：{formatDateCn(e.coverageStart)} 至 {formatDateCn(e.coverageEnd ?? '')}
          </Text>
        ) : null}
      </View>
      <View className="enrol-card quote-card">
        <Text className="enrol-card__title">应缴互助费</Text>
        <Text className="enrol-big declaration-total">{formatYuan(e.quote.totalFen)}</Text>
        {e.quote.lines.map((l, i) => (
          <View key={i} className="enrol-quote-line">
            <Text>
              {l.label} {l.persons} 人 × {formatYuan(Math.abs(l.perPersonFen))}
            </Text>
            <Text className="enrol-quote-line__amount">{formatYuan(l.amountFen)}</Text>
          </View>
        ))}
        {e.payment ? (
          <Text className="enrol-card__line">
            已于 {e.payment.paidOn} 到账 {formatYuan(e.payment.amountFen)}（{e.payment.reference}）
          </Text>
        ) : null}
        {e.payment?.receiptFileID ? <ReceiptLink enrolmentId={e._id} /> : null}
      </View>
      {state.data.payTo ? <PayToCard payTo={state.data.payTo} approved={e.status === 'approved'} /> : null}

      {role === 'agent' || role === 'office' ? e.status === 'submitted' ? <ReviewBox e={e} onDone={state.reload} /> : null : null}
      {role === 'office' && e.status === 'approved' ? <PaymentBox e={e} today={state.data.today} onDone={state.reload} /> : null}
      {role === 'clerk' && e.status === 'returned' && e.kind === 'annual' ? (
        <View className="enrol-actions">
          <Button theme="primary" onClick={() => void Taro.navigateTo({ url: `/packages/enrol/declare/index?year=${e.year}&enrolmentId=${e._id}` })}>
            修改后重新提交
          </Button>
        </View>
      ) : null}
      {e.status === 'paid' ? (
        <View className="enrol-actions">
          <Button variant="outline" theme="primary" onClick={() => void Taro.navigateTo({ url: `/packages/enrol/certificate/index?unitId=${e.unitId}&year=${e.year}` })}>
            查看履约确认书
          </Button>
        </View>
      ) : null}

      <Text className="enrol-section-title">参加人（{total} 人）</Text>
      <Search value={query} onChange={setQuery} onSubmit={(v) => setSearch(v.trim())} placeholder="按姓名搜索" />
      {participants.map((p) => (
        <View key={p._id} className="enrol-row">
          <View className="enrol-row__main">
            <Text className="enrol-row__name">{p.name}</Text>
            <Tag size="small">{p.firstTime ? '首次' : '续保'}</Tag>
            {p.status === 'void' ? <Tag size="small" theme="warning">已换出</Tag> : null}
            <Text className="enrol-row__sub">
              {p.idMasked} · {p.products.map((x) => PRODUCT_LABEL[x]).join('、')}
            </Text>
          </View>
        </View>
      ))}
      <LoadMore total={total} shown={participants.length} hasMore={state.data.nextCursor !== null} loading={state.loadingMore} error={state.moreError} onMore={state.loadMore} unit="人" />
    </View>
  )
}

function ReviewBox({ e, onDone }: { e: DeclarationDetail['enrolment']; onDone: () => void }) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const decide = async (decision: 'approve' | 'return') => {
    setError('')
    if (decision === 'return' && reason.trim().length < 2) return setError('退回时请写明原因，方便单位修改。')
    const ok = await confirm(
      decision === 'approve'
        ? { title: '审核通过', content: `确认 ${e.unitName} ${e.participantCount} 人的申报无误，通知单位缴纳 ${formatYuan(e.quote.totalFen)}？` }
        : { title: '退回申报', content: `退回原因：${reason}`, danger: true },
    )
    if (!ok) return
    setBusy(true)
    const answer = await enrolmentApi.review({ enrolmentId: e._id, version: e.version, decision, ...(decision === 'return' ? { reason: reason.trim() } : {}) })
    setBusy(false)
    if (!answer.ok) return setError(answer.message)
    toast(decision === 'approve' ? '已审核通过' : '已退回', 'success')
    onDone()
  }
  return (
    <View className="review-box">
      <CellGroup title="审核">
        <Textarea label="退回原因（退回时填写）" value={reason} onChange={setReason} maxLength={200} placeholder="如：名册缺少 2 名新入职职工" />
      </CellGroup>
      {error ? <View className="enrol-notice enrol-notice--error">{error}</View> : null}
      <View className="enrol-actions">
        <Button theme="danger" variant="outline" loading={busy} onClick={() => void decide('return')}>
          退回
        </Button>
        <Button theme="primary" loading={busy} onClick={() => void decide('approve')}>
          审核通过
        </Button>
      </View>
    </View>
  )
}

function PaymentBox({ e, today, onDone }: { e: DeclarationDetail['enrolment']; today: string; onDone: () => void }) {
  const [amount, setAmount] = useState(fenToYuan(e.quote.totalFen))
  const [paidOn, setPaidOn] = useState<string | null>(today)
  const [reference, setReference] = useState('')
  const [receipt, setReceipt] = useState<string | undefined>()
  const [error, setError] = useState('')
  /** 处理中: coverage still being started for everyone (not an error). */
  const [progress, setProgress] = useState('')
  const [busy, setBusy] = useState(false)
  const pickReceipt = async () => {
    try {
      const res = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['original'], sourceType: ['camera', 'album'] })
      const file = res.tempFiles[0]
      if (!file) return
      // Re-encoded as a JPEG of at most 1600 px, so the stored name's .jpg matches the bytes whatever was picked.
      const photo = await compressPhoto(file.tempFilePath)
      const { fileID } = await uploadFile({ cloudPath: `receipts/${e._id}/${Date.now()}.jpg`, filePath: photo.filePath })
      setReceipt(fileID)
      toast('回单已上传', 'success')
    } catch (err) {
      // Cancelling the picker rejects too; only a real upload failure (CloudError) carries a message to show.
      if (err instanceof Error && err.name === 'CloudError') setError(err.message)
    }
  }
  const save = async () => {
    setError('')
    let amountFen: number
    try {
      amountFen = yuanToFen(amount)
    } catch {
      return setError('金额格式不正确，如 1260.00')
    }
    if (!paidOn) return setError('请选择到账日期。')
    if (reference.trim().length < 2) return setError('请填写银行流水号或票据号。')
    const ok = await confirm({ title: '确认缴费到账', content: `${e.unitName} 于 ${paidOn} 到账 ${formatYuan(amountFen)}。确认后保障自次日起生效，不能撤销。` })
    if (!ok) return
    setBusy(true)
    // Starting coverage for thousands of people and telling each of them continues over several calls: 处理中.
    const answer = await untilDone(
      () => enrolmentApi.recordPayment({ enrolmentId: e._id, version: e.version, amountFen, paidOn, reference: reference.trim(), ...(receipt ? { receiptFileID: receipt } : {}) }),
      (p) => setProgress(p.message),
    )
    setBusy(false)
    if (!answer.ok) return setError(answer.message)
    if (isProcessing(answer.data)) {
      setProgress(`缴费已登记，保障生效${STILL_PROCESSING}`)
      return onDone()
    }
    setProgress('')
    toast(`已确认，保障自 ${answer.data.coverageStart} 起生效`, 'success')
    onDone()
  }
  return (
    <View className="payment-box">
      <CellGroup title="登记缴费">
        <Input label="到账金额" value={amount} onChange={setAmount} type="digit" suffix="元" required tips={`应缴 ${formatYuan(e.quote.totalFen)}`} />
        <DatePicker label="到账日期" value={paidOn} onChange={setPaidOn} start={`${e.year - 1}-01-01`} end={today} required />
        <Input label="流水号/票据号" value={reference} onChange={setReference} required maxLength={60} />
      </CellGroup>
      <View className="enrol-actions">
        <Button variant="outline" onClick={() => void pickReceipt()}>
          {receipt ? '已上传回单（可重新上传）' : '上传回单照片（选填）'}
        </Button>
      </View>
      {error ? <View className="enrol-notice enrol-notice--error">{error}</View> : null}
      {progress ? <View className="enrol-notice declare-progress">{progress}</View> : null}
      <View className="enrol-actions">
        <Button theme="primary" loading={busy} onClick={() => void save()}>
          确认到账
        </Button>
      </View>
    </View>
  )
}

function ReceiptLink({ enrolmentId }: { enrolmentId: string }) {
  const show = async () => {
    const answer = await enrolmentApi.receiptUrl(enrolmentId)
    if (!answer.ok) return toast(answer.message, 'error')
    await Taro.previewImage({ urls: [answer.data.url], current: answer.data.url })
  }
  return (
    <Button size="small" variant="text" theme="primary" onClick={() => void show()}>
      查看缴费回单
    </Button>
  )
}

export default withPageFrame(DeclarationPage)
