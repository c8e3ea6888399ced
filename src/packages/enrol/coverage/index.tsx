import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageState } from '@/components/page-state'
import { useLoad } from '@/services/use-load'
import { Button, Tag } from '@/components/ui'
import { formatDateCn } from '@/components/format'
import { enrolmentApi } from '@/features/enrolment/api'
import { CoverageWindows } from '@/features/enrolment/coverage-windows'
import { BIND_PAGE } from '@/features/session'
import '@/features/enrolment/enrol.scss'
import { type CoverageItem } from '@mutual-aid/contracts'
import { withPageFrame } from '@/features/large-font'

const STATUS: Record<CoverageItem['status'], { text: string; theme: 'success' | 'warning' | 'default' }> = {
  active: { text: '保障中', theme: 'success' },
  pending: { text: '待生效', theme: 'warning' },
  void: { text: '已替换', theme: 'default' },
}

/** "My coverage": where the worker stands today, in words, with the benefit windows. */
function CoveragePage() {
  const state = useLoad(() => enrolmentApi.myCoverage(), [])
  if (state.status === 'loading') return <PageState status="loading" />
  if (state.status === 'error') {
    if (state.code === 'NOT_BOUND' || state.code === 'FORBIDDEN') {
      return <PageState status="empty" description="请先绑定职工身份后查看本人保障" action={<Button theme="primary" onClick={() => void Taro.navigateTo({ url: BIND_PAGE })}>去绑定</Button>} />
    }
    return <PageState status="error" message={state.message} onRetry={state.reload} />
  }
  const { person, items, today } = state.data
  return (
    <View className="enrol-page coverage-page">
      <View className="enrol-card">
        <Text className="enrol-card__title">{person.name}</Text>
        <Text className="enrol-card__line">{person.unitName}</Text>
        <Text className="enrol-card__line">身份证 {person.idMasked} · 今天 {formatDateCn(today)}</Text>
      </View>
      {items.length === 0 ? (
        <PageState status="empty" description="您所在单位尚未为您申报互助保障。如有疑问，请联系单位工会经办人。" />
      ) : (
        items.map((item) => (
          <View key={item.participationId} className="enrol-card coverage-item">
            <View>
              <Text className="enrol-card__title">
                {item.year} 年度 · {item.schemeName}
              </Text>
              <View className="enrol-row__tags">
                {item.status === 'active' && item.products.every((p) => p.phase === 'not_started') ? (
                  <Tag theme="warning">{`${formatDateCn(item.coverageStart ?? '')} 起生效`}</Tag>
                ) : (
                  <Tag theme={STATUS[item.status].theme}>{STATUS[item.status].text}</Tag>
                )}
                <Tag>{item.firstTime ? '首次参加' : '连续参加'}</Tag>
                {item.shares ? <Tag theme="primary">{item.shares} 份</Tag> : null}
              </View>
            </View>
            {item.coverageStart ? (
              <Text className="enrol-card__line">
                保障期间：{formatDateCn(item.coverageStart)} 至 {formatDateCn(item.coverageEnd ?? '')}
              </Text>
            ) : null}
            {item.products.map((p) => (
              <View key={p.product} className="coverage-product">
                <Text className="enrol-section-title">{p.name}</Text>
                <View className="enrol-notice enrol-notice--ok coverage-summary">{p.summary}</View>
                {p.windows.length > 1 ? (
                  <CoverageWindows className="coverage-windows" windows={p.windows} />
                ) : null}
              </View>
            ))}
          </View>
        ))
      )}
      <View className="enrol-actions">
        <Button variant="outline" theme="primary" onClick={() => void Taro.navigateTo({ url: '/packages/enrol/certificate/index?mine=1' })}>
          查看履约确认书
        </Button>
      </View>
    </View>
  )
}

export default withPageFrame(CoveragePage)
