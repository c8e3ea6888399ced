import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BATCH_STATUS_LABEL, type BatchDetail } from '@mutual-aid/contracts'
import { PageState } from '@/components/page-state'
import { PrivacyPopup } from '@/components/privacy-popup'
import { Button, Tag } from '@/components/ui'
import { formatYuan, formatDateTimeCn } from '@/components/format'
import { RoleGate } from '@/features/session'
import { useBatch } from '@/features/fund'
import { openFileUrl, pickSpreadsheet } from '@/features/enrolment/file-io'
import '@/features/claims/claims-layout.scss'
import '@/features/fund/fund.scss'
import { withPageFrame } from '@/features/large-font'

/** One bank batch: its file, 标记已发送, the bank's result imported, and every line's outcome. Office only. */
function BatchPage() {
  const id = Taro.getCurrentInstance().router?.params.id ?? ''
  return <RoleGate roles={['office']}>{() => <BatchScreen batchId={id} />}</RoleGate>
}

const NEXT_STEP: Record<BatchDetail['status'], string> = {
  building: '批次还在生成（上次操作可能被中断）。系统会在几分钟内自动完成；也可以点“继续生成”马上完成，或点“取消批次”让所选申请回到待支付列表。',
  open: '第 1 步：下载银行文件，在企业网银“批量转账/代发”中导入办理；第 2 步：办理后点“标记已发送”。',
  sent: '第 3 步：银行办理完成后，从网银下载本批次的处理结果（Excel），点“导入银行回单”。',
  importing: '回单已导入，支付结果尚未全部登记：点“继续登记”。',
  done: '本批次已办结：成功的申请已登记支付并通知申请人；失败的已退回“已核准”，可核对收款信息后重新支付。',
  cancelled: '本批次已取消，没有生成银行文件；所选申请已回到“待支付申请”，可以重新选择生成批次。',
}

function BatchScreen({ batchId }: { batchId: string }) {
  const m = useBatch(batchId, pickSpreadsheet, openFileUrl)
  if (m.batch.status === 'loading') return <PageState status="loading" />
  if (m.batch.status === 'error') return <PageState status="error" message={m.batch.message} onRetry={m.batch.reload} />
  const b = m.batch.data
  return (
    <View className="claims-page fund-page fund-batch">
      <PrivacyPopup />
      <View className="claims-section" data-section="batch">
        <View className="fund-line__head">
          <Text className="claims-section__title">{b.batchNo}</Text>
          <Tag theme={b.status === 'done' ? 'success' : b.status === 'open' ? 'warning' : b.status === 'cancelled' ? 'default' : 'primary'} variant="light">
            {BATCH_STATUS_LABEL[b.status]}
          </Tag>
        </View>
        {b.lines > 0 ? (
          <Text className="fund-line__meta">
            共 {b.lines} 笔，合计 {formatYuan(b.totalFen)}
          </Text>
        ) : null}
        <Text className="fund-line__meta">
          {formatDateTimeCn(b.createdAt)} {b.createdByName} 生成{b.sentOn ? ` · ${b.sentOn} 发送银行` : ''}
        </Text>
        {b.progress ? (
          <Text className="fund-line__meta">
            已核对 {b.progress.done} / {b.progress.total} 笔申请
          </Text>
        ) : null}
        {b.result ? <Text className="fund-line__meta">回单：{b.result.fileName}（{formatDateTimeCn(b.result.importedAt)} 导入）</Text> : null}
        {b.status === 'done' ? (
          <Text className="fund-line__meta">
            成功 {b.paid} 笔 · 失败 {b.failed} 笔
          </Text>
        ) : null}
      </View>
      <View className={`claims-notice ${b.status === 'done' ? 'claims-notice--success' : ''}`}>{NEXT_STEP[b.status]}</View>
      {m.error ? <View className="claims-notice claims-notice--danger">{m.error}</View> : null}
      {m.busy ? <View className="claims-notice">{m.busy}</View> : null}
      <View className="fund-actions">
        {b.status === 'building' ? (
          <>
            <Button theme="primary" block loading={Boolean(m.busy)} disabled={Boolean(m.busy)} onClick={() => void m.continueBuild()}>
              继续生成
            </Button>
            <Button theme="danger" variant="outline" block disabled={Boolean(m.busy)} onClick={() => void m.cancel()}>
              取消批次
            </Button>
          </>
        ) : null}
        {b.status !== 'building' && b.status !== 'cancelled' ? (
          <Button theme="primary" variant="outline" block onClick={() => void m.download()}>
            下载银行文件
          </Button>
        ) : null}
        {b.status === 'open' ? (
          <Button theme="primary" block disabled={Boolean(m.busy)} onClick={() => void m.markSent()}>
            标记已发送
          </Button>
        ) : null}
        {b.status === 'sent' ? (
          <Button theme="primary" block loading={Boolean(m.busy)} disabled={Boolean(m.busy)} onClick={() => void m.importResult()}>
            导入银行回单
          </Button>
        ) : null}
        {b.status === 'importing' ? (
          <Button theme="primary" block loading={Boolean(m.busy)} disabled={Boolean(m.busy)} onClick={() => void m.resume()}>
            继续登记
          </Button>
        ) : null}
      </View>
      {b.items.length > 0 ? (
      <View className="claims-section" data-section="lines">
        <Text className="claims-section__title">明细</Text>
        {b.items.map((l) => (
          <View key={l.claimId} className="fund-line" data-line={l.claimNo} onClick={() => void Taro.navigateTo({ url: `/packages/claims/detail/index?id=${l.claimId}` })}>
            <View className="fund-line__head">
              <Text className="fund-line__name">
                {l.n}. {l.personName}
              </Text>
              <Text className="fund-line__amount">{formatYuan(l.amountFen)}</Text>
            </View>
            <Text className="fund-line__meta">
              {l.claimNo} · {l.unitName}
            </Text>
            <Text className="fund-line__meta">
              收款 {l.payee.name} · {l.payee.bank} · {l.payee.account}
            </Text>
            {l.outcome === 'paid' ? <Text className="fund-line__paid">已支付 · 银行流水号 {l.bankRef}</Text> : null}
            {l.outcome === 'failed' ? <Text className="fund-line__fail">付款失败：{l.failReason}（已退回“已核准”，待重新支付）</Text> : null}
          </View>
        ))}
      </View>
      ) : null}
      {b.skipped.length ? (
        <View className="claims-section" data-section="skipped">
          <Text className="claims-section__title">未纳入本批次</Text>
          {b.skipped.map((s) => (
            <Text key={s.claimId} className="fund-line__meta">
              {s.claimNo}：{s.reason}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  )
}

export default withPageFrame(BatchPage)
