import { Text, View } from '@tarojs/components'
import { formatSignedYuan, formatYuan } from '@mutual-aid/shared-rules'
import { PageState } from '@/components/page-state'
import { FAMILY_LABEL, FAMILY_SHORT_LABEL } from '@mutual-aid/contracts'
import { formatDateTimeCn } from '@/components/format'
import { usePagedLoad } from '@/services/use-load'
import { LoadMore } from '@/components/load-more'
import { claimsApi } from '@/features/claims'
import '@/features/claims/claims.scss'
import { withPageFrame } from '@/features/large-font'

/** The fund ledger (Art. 20–21): per scheme and year, contributions − payouts = balance, with the entries by pages. */
function LedgerPage() {
  const ledger = usePagedLoad((cursor) => claimsApi.ledger(cursor), [])
  if (ledger.status === 'error') return <PageState status="error" message={ledger.message} onRetry={ledger.reload} />
  if (ledger.status === 'loading') return <PageState status="loading" />
  const { data } = ledger
  if (data.funds.length === 0) return <PageState status="empty" description="基金台账暂无记录：单位缴费确认后会记入互助金收入" />

  return (
    <View className="claims-page claims-ledger">
      <View className="claims-notice">各方案、各年度的互助金单独建账、专款专用（第二十条、第二十一条）。余额 = 收入（单位缴费）− 支出（互助金给付）。</View>
      {data.funds.map((f) => (
        <View key={`${f.family}-${f.year}`} className="claims-section" data-fund={`${f.family}-${f.year}`}>
          <Text className="claims-section__title">
            {FAMILY_LABEL[f.family]} · {f.year} 年度
          </Text>
          <Text className={`claims-amount ${f.balanceFen < 0 ? 'claims-amount--negative' : ''}`}>{formatYuan(f.balanceFen)}</Text>
          {f.balanceFen < 0 ? <Text className="claims-error claims-error--flush">本年度给付已超过缴费收入，请核对缴费入账或按规定动用历年结余。</Text> : null}
          <View className="claims-row">
            <Text className="claims-row__label">收入（缴费）</Text>
            <Text className="claims-row__value">{formatYuan(f.contributionsFen)}</Text>
          </View>
          <View className="claims-row">
            <Text className="claims-row__label">支出（给付）</Text>
            <Text className="claims-row__value">{formatYuan(f.payoutsFen)}</Text>
          </View>
          <View className="claims-row">
            <Text className="claims-row__label">记账笔数</Text>
            <Text className="claims-row__value">{f.entries}</Text>
          </View>
        </View>
      ))}
      <View className="claims-section">
        <Text className="claims-section__title">记账明细（最新在前）</Text>
        {data.items.map((e) => (
          <View key={e.id} className="claims-row">
            <Text className="claims-row__label claims-row__label--wrap">
              {e.on ?? formatDateTimeCn(e.at).slice(0, 10)} · {FAMILY_SHORT_LABEL[e.family]} {e.year} 年度 · {e.type === 'contribution' ? '缴费' : `给付 ${e.ref ?? ''}`}
            </Text>
            <Text className={`claims-row__value claims-row__value--nowrap ${e.type === 'contribution' ? 'claims-in' : 'claims-out'}`}>
              {formatSignedYuan(e.type === 'contribution' ? e.amountFen : -e.amountFen)}
            </Text>
          </View>
        ))}
        <LoadMore total={data.total} shown={data.items.length} hasMore={data.nextCursor !== null} loading={ledger.loadingMore} error={ledger.moreError} onMore={ledger.loadMore} unit="笔" />
      </View>
    </View>
  )
}

export default withPageFrame(LedgerPage)
