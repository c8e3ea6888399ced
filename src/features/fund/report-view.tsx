import { useMemo } from 'react'
import { Text, View } from '@tarojs/components'
import type { FundReport } from '@mutual-aid/contracts'
import { readableBasis } from '@mutual-aid/shared-rules'
import { formatYuan, formatYuanShort } from '@/components/format'
import { BarChart } from '@/components/chart/bar-chart'

/** Axis labels in one unit for the whole axis: 万 (10,000 yuan) when the largest value reaches it, else yuan. */
const moneyAxis = (maxFen: number) =>
  maxFen >= 1_000_000 ? (fen: number) => `${Number((fen / 1_000_000).toFixed(1))}万` : (fen: number) => `${Math.round(fen / 100)}`

function Figure({ label, value, sub, negative }: { label: string; value: string; sub?: string; negative?: boolean }) {
  return (
    <View className="fund-figure">
      <Text className="fund-figure__label">{label}</Text>
      <Text className={`fund-figure__value ${negative ? 'fund-figure__value--negative' : ''}`}>{value}</Text>
      {sub ? <Text className="fund-figure__sub">{sub}</Text> : null}
    </View>
  )
}

/** The headline figures: people and units, money in and out, the balance, claims and review times. */
export function ReportFigures({ r }: { r: FundReport }) {
  return (
    <View className="claims-section" data-section="figures">
      <Text className="claims-section__title">基金概况</Text>
      <View className="fund-figures">
        <Figure label="参加人数" value={`${r.participants.total} 人`} sub={`首次 ${r.participants.firstTime} · 续保 ${r.participants.renewing}`} />
        <Figure label="参加单位" value={`${r.units.total} 家`} sub={`首次 ${r.units.firstTime} · 续保 ${r.units.renewing}`} />
        <Figure label="已收互助金" value={formatYuanShort(r.contributionsFen)} sub={formatYuan(r.contributionsFen)} />
        <Figure label="已支付" value={formatYuanShort(r.paidFen)} sub={formatYuan(r.paidFen)} />
        <Figure label="基金结余" value={formatYuanShort(r.balanceFen)} sub="已收 − 已支付" negative={r.balanceFen < 0} />
        <Figure label="已核准金额" value={formatYuanShort(r.approvedFen)} sub={formatYuan(r.approvedFen)} />
        <Figure label="申请笔数" value={`${r.claims.total} 笔`} sub={r.claimsPerThousand === null ? '暂无参加人' : `每千人 ${r.claimsPerThousand} 笔`} />
        <Figure label="平均审批天数" value={r.avgDaysToDecision === null ? '—' : `${r.avgDaysToDecision} 天`} sub={`材料齐全至审批，${r.decided} 笔`} />
        <Figure
          label="逾期未审批"
          value={r.overdueReviews === null ? '不适用' : `${r.overdueReviews} 笔`}
          sub={r.overdueReviews === null ? '本方案未规定审批时限' : '超过审批期限仍未审批'}
          negative={(r.overdueReviews ?? 0) > 0}
        />
      </View>
      {r.reviewBasis ? <Text className="claims-section__hint">{readableBasis(r.reviewBasis)}</Text> : null}
      <Text className="claims-section__hint">统计截至 {r.asOf}。金额与基金台账逐笔核对一致。</Text>
    </View>
  )
}

/** Charts of the same figures: claims by status, and money in and out by agent or unit. */
export function ReportCharts({ r }: { r: FundReport }) {
  // Built once per report, so a chart redraws only when its figures change.
  const { byStatus, money, format } = useMemo(() => {
    const short = (name: string) => (name.length > 6 ? `${name.slice(0, 6)}…` : name)
    const rows = r.rows.slice(0, 8).flatMap((row) => [
      { label: short(row.name), value: row.contributionsFen, series: '已收' },
      { label: short(row.name), value: row.paidFen, series: '已支付' },
    ])
    return {
      byStatus: r.claims.byStatus.map((s) => ({ label: s.label, value: s.count })),
      money: rows,
      format: moneyAxis(Math.max(0, ...rows.map((m) => m.value))),
    }
  }, [r])
  return (
    <View className="claims-section" data-section="charts">
      <BarChart id="chart-status" title="申请按状态（笔）" data={byStatus} height={400} />
      <BarChart id="chart-money" title={r.rowsBy === 'agent' ? '各代理单位收支（元）' : '各单位收支（元）'} data={money} height={460} format={format} horizontal />
    </View>
  )
}

/** The tables: claims by benefit, and the breakdown by agent or unit (a row opens it). */
export function ReportTables({ r, onOpen }: { r: FundReport; onOpen?: (rowsBy: 'agent' | 'unit', id: string, name: string) => void }) {
  const canOpen = (id: string) => Boolean(onOpen) && !(r.rowsBy === 'unit' && r.scope.unitId === id) && id !== 'none'
  return (
    <>
      <View className="claims-section" data-section="benefits">
        <Text className="claims-section__title">申请按保障项目</Text>
        <View className="fund-table">
          <View className="fund-table__row fund-table__row--head">
            <Text className="fund-table__name">项目</Text>
            <Text className="fund-table__num">笔数</Text>
            <Text className="fund-table__num">核准金额</Text>
          </View>
          {r.claims.byBenefit.length === 0 ? <Text className="claims-section__hint">本年度暂无申请</Text> : null}
          {r.claims.byBenefit.map((b) => (
            <View key={`${b.product}-${b.kind}`} className="fund-table__row">
              <Text className="fund-table__name">{b.label}</Text>
              <Text className="fund-table__num">{b.count}</Text>
              <Text className="fund-table__num">{formatYuan(b.approvedFen)}</Text>
            </View>
          ))}
        </View>
      </View>
      <View className="claims-section" data-section="rows">
        <Text className="claims-section__title">{r.rowsBy === 'agent' ? '按代理单位' : '按单位'}</Text>
        {onOpen && !r.scope.unitId ? <Text className="claims-section__hint">点一行查看该{r.rowsBy === 'agent' ? '代理单位' : '单位'}的报表。</Text> : null}
        <View className="fund-table">
          <View className="fund-table__row fund-table__row--head">
            <Text className="fund-table__name">{r.rowsBy === 'agent' ? '代理单位' : '单位'}</Text>
            <Text className="fund-table__num">人数</Text>
            <Text className="fund-table__num">已收</Text>
            <Text className="fund-table__num">已支付</Text>
          </View>
          {r.rows.map((row) => (
            <View
              key={row.id}
              className={`fund-table__row ${canOpen(row.id) ? 'fund-table__row--link' : ''}`}
              onClick={canOpen(row.id) ? () => onOpen?.(r.rowsBy, row.id, row.name) : undefined}
            >
              <Text className="fund-table__name">{row.name}</Text>
              <Text className="fund-table__num">{row.participants}</Text>
              <Text className="fund-table__num">{formatYuanShort(row.contributionsFen)}</Text>
              <Text className="fund-table__num">{formatYuanShort(row.paidFen)}</Text>
            </View>
          ))}
        </View>
      </View>
    </>
  )
}
