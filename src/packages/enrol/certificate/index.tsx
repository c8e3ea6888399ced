import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageState } from '@/components/page-state'
import { Button, Tag, toast } from '@/components/ui'
import { formatDateCn, formatYuan } from '@/components/format'
import { LoadMore } from '@/components/load-more'
import { usePagedLoad } from '@/services/use-load'
import { enrolmentPages } from '@/features/enrolment/api'
import { CoverageWindows } from '@/features/enrolment/coverage-windows'
import '@/features/enrolment/enrol.scss'
import { ENROLMENT_KIND_LABEL, PRODUCT_LABEL, UNIT_TYPE_LABEL, type CertificateView } from '@mutual-aid/contracts'
import { PrivacyPopup } from '@/components/privacy-popup'
import { withPageFrame } from '@/features/large-font'

function summaryText(c: CertificateView): string {
  if (c.kind === 'person') {
    const v = c.coverage
    return `${v.name}${v.idMasked ? `（${v.idMasked}）` : ''}${c.year} 年度参加${v.schemeName}，保障期间 ${v.coverageStart} 至 ${v.coverageEnd}。`
  }
  const lines = c.batches.map((b) => `${ENROLMENT_KIND_LABEL[b.kind]} ${b.participantCount} 人，保障 ${b.coverageStart} 至 ${b.coverageEnd}`)
  return `${c.unit.name} ${c.year} 年度${c.scheme?.name ?? ''}履约确认：${lines.join('；')}。`
}

/** 履约确认书: the unit's (clerk, agent, office) or the worker's own. */
function CertificatePage() {
  const params = useRouter().params
  const year = params.year ? Number(params.year) : undefined
  const mine = params.mine === '1'
  const state = usePagedLoad(enrolmentPages.certificate({ unitId: params.unitId, year, ...(mine ? { mine } : {}) }), [params.unitId, year, mine])

  useShareAppMessage(() => ({ title: '职工医疗互助履约确认书', path: '/packages/enrol/certificate/index' }))

  if (state.status === 'loading') return <PageState status="loading" />
  if (state.status === 'error') {
    return state.code === 'NO_COVERAGE' ? <PageState status="empty" description={state.message} /> : <PageState status="error" message={state.message} onRetry={state.reload} />
  }
  const c = state.data.certificate
  const copy = async () => {
    await Taro.setClipboardData({ data: summaryText(c) })
    toast('已复制，可粘贴发送给职工', 'success')
  }

  if (c.kind === 'person') {
    const v = c.coverage
    return (
      <View className="enrol-page certificate-page">
        <PrivacyPopup />
        <View className="enrol-card certificate">
          <Text className="enrol-card__title">职工医疗互助履约确认书</Text>
          <Text className="enrol-card__line">
            参加人：{v.name}
            {v.idMasked ? `（${v.idMasked}）` : ''}
          </Text>
          <Text className="enrol-card__line">参加单位：{c.unit.name}</Text>
          <Text className="enrol-card__line">互助项目：{v.schemeName}</Text>
          <Text className="enrol-card__line">保障项目：{v.products.map((p) => p.name).join('、')}</Text>
          {v.shares ? <Text className="enrol-card__line">参加份额：{v.shares} 份</Text> : null}
          <Text className="enrol-card__line">参加类型：{v.firstTime ? '首次参加' : '连续参加'}</Text>
          <Text className="enrol-card__line">
            保障期间：{formatDateCn(v.coverageStart ?? '')} 零时起至 {formatDateCn(v.coverageEnd ?? '')} 二十四时止
          </Text>
          {v.products.map((p) => (
            <View key={p.product}>
              <Text className="enrol-section-title">{p.name}</Text>
              <CoverageWindows className="certificate-windows" windows={p.windows} />
            </View>
          ))}
        </View>
        <View className="enrol-actions">
          <Button variant="outline" theme="primary" onClick={copy}>
            复制确认书摘要
          </Button>
        </View>
      </View>
    )
  }

  if (!c.batches.length) {
    return <PageState status="empty" description={`${c.unit.name} ${c.year} 年度还没有已缴费生效的申报，缴费确认后即可查看履约确认书。`} />
  }
  const { participants } = c
  return (
    <View className="enrol-page certificate-page">
      <PrivacyPopup />
      <View className="enrol-card certificate">
        <Text className="enrol-card__title">职工医疗互助履约确认书（{c.year} 年度）</Text>
        <Text className="enrol-card__line">参加单位：{c.unit.name}</Text>
        <Text className="enrol-card__line">统一社会信用代码：{c.unit.uscc}</Text>
        <Text className="enrol-card__line">单位类型：{UNIT_TYPE_LABEL[c.unit.unitType]}</Text>
        <Text className="enrol-card__line">互助项目：{c.scheme?.name}</Text>
        <Text className="enrol-card__line">
          参加人数：{participants.total} 人（其中首次参加 {participants.firstTime} 人）
        </Text>
      </View>
      {c.batches.map((b) => (
        <View key={b.enrolmentId} className="enrol-card certificate-batch">
          <Text className="enrol-card__title">
            {ENROLMENT_KIND_LABEL[b.kind]} · {b.participantCount} 人
          </Text>
          <Text className="enrol-card__line">保障项目：{b.products.map((p) => p.name).join('、')}</Text>
          {b.shares ? <Text className="enrol-card__line">每人份额：{b.shares} 份</Text> : null}
          <Text className="enrol-card__line">
            保障期间：{formatDateCn(b.coverageStart)} 至 {formatDateCn(b.coverageEnd)}
          </Text>
          <Text className="enrol-card__line">
            缴费：{formatYuan(b.paidFen)}（{b.paidOn} 到账）
          </Text>
          {b.firstTimeWindows.length ? (
            <>
              <Text className="enrol-section-title">首次参加人员观察期（{b.firstTimeCount} 人）</Text>
              <CoverageWindows className="certificate-windows" windows={b.firstTimeWindows} />
            </>
          ) : null}
        </View>
      ))}
      <Text className="enrol-section-title">参加人名单（{participants.total} 人）</Text>
      {state.data.items.map((p) => (
        <View key={`${p.name}-${p.idMasked}`} className="enrol-row">
          <View className="enrol-row__main">
            <Text className="enrol-row__name">{p.name}</Text>
            <Tag size="small">{p.firstTime ? '首次' : '连续'}</Tag>
            <Text className="enrol-row__sub">
              {p.idMasked} · {p.products.map((x) => PRODUCT_LABEL[x]).join('、')} · {p.coverageStart} 起
            </Text>
          </View>
        </View>
      ))}
      <LoadMore total={state.data.total} shown={state.data.items.length} hasMore={state.data.nextCursor !== null} loading={state.loadingMore} error={state.moreError} onMore={state.loadMore} unit="人" />
      <View className="enrol-actions">
        <Button variant="outline" theme="primary" onClick={copy}>
          复制确认书摘要
        </Button>
      </View>
    </View>
  )
}

export default withPageFrame(CertificatePage)
