import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { formatYuan, readableBasis } from '@mutual-aid/shared-rules'
import { SETTLEMENT_STATE_LABEL, type SettlementImport, type SettlementState } from '@mutual-aid/contracts'
import { Tabs, Tag } from '@/components/ui'
import { LoadMore } from '@/components/load-more'
import { usePagedLoad } from '@/services/use-load'
import { settlementsApi } from './api'

const THEME: Record<SettlementState, 'success' | 'warning' | 'danger' | 'default' | 'primary'> = {
  pending: 'default',
  proposed: 'success',
  held: 'primary',
  unmatched: 'warning',
  not_qualifying: 'danger',
  duplicate: 'default',
}

type Filter = 'all' | SettlementState

/** An import's outcome: counts, and its rows by outcome with the reason and article for each row not proposed. */
/** `fileName`: the name the importer picked (the answer's is the upload's, a number); the answer's when not given. */
export function ImportResult({ result, fileName = '' }: { result: SettlementImport; fileName?: string }) {
  const [filter, setFilter] = useState<Filter>('all')
  if (result.status === 'invalid') {
    return (
      <View className="settle-result" data-testid="settle-errors">
        <View className="enrol-notice enrol-notice--error">
          文件共 {result.rows} 行，发现 {result.errorCount} 处错误，本次未导入任何数据。请按行号修改文件后重新导入。
        </View>
        <View className="enrol-errors">
          {result.errors.map((e, i) => (
            <Text key={i} className="enrol-errors__item">
              第 {e.row} 行：{e.message}
            </Text>
          ))}
        </View>
      </View>
    )
  }
  const c = result.counts
  const tabs: { value: Filter; name: string; count: number }[] = [
    { value: 'all', name: '全部', count: result.rows },
    { value: 'proposed', name: '已生成', count: c.proposed },
    { value: 'unmatched', name: '未匹配', count: c.unmatched },
    { value: 'not_qualifying', name: '不符合', count: c.notQualifying },
    { value: 'duplicate', name: '重复', count: c.duplicate },
    { value: 'held', name: '暂不办理', count: c.held },
  ]
  // Only the states some row is in: six tabs ran off a phone's width, the last cut in half.
  const items = tabs
    .filter((t) => t.value === 'all' || t.value === filter || t.count > 0)
    .map((t) => ({ value: t.value, label: `${t.name} ${t.count}` }))
  return (
    <View className="settle-result" data-testid="settle-result">
      <View className="enrol-card">
        <Text className="enrol-card__title">{fileName || result.fileName}</Text>
        <Text className="enrol-card__line">
          {result.status === 'done' ? `导入完成（${result.importedOn}）` : `处理中 ${result.processed}/${result.rows}`}
          {result.again ? ' · 该文件之前已导入，本次未重复生成' : ''}
        </Text>
        <Text className="enrol-card__line" data-testid="settle-counts">
          已生成待确认补助 {c.proposed} 笔 · 未匹配参加人 {c.unmatched} 行 · 不符合条件 {c.notQualifying} 行 · 重复 {c.duplicate} 行
          {c.held ? ` · 已有手工申请 ${c.held} 行` : ''}
        </Text>
        <Text className="enrol-card__line">未匹配和不符合条件的行仅导入人和互助办可见，不会通知职工。</Text>
      </View>
      {result.importId && result.status === 'done' ? (
        <>
          <Tabs value={filter} items={items} onChange={setFilter} />
          <RowList importId={result.importId} state={filter === 'all' ? undefined : filter} />
        </>
      ) : null}
    </View>
  )
}

function RowList({ importId, state }: { importId: string; state?: SettlementState }) {
  const rows = usePagedLoad(settlementsApi.rows(importId, state), [importId, state ?? 'all'], { refreshOnShow: false })
  if (rows.status !== 'ready') return <Text className="enrol-card__line">{rows.status === 'error' ? rows.message : '正在加载…'}</Text>
  return (
    <View className="settle-rows">
      {rows.data.items.map((r) => (
        <View key={`${r.row}-${r.serial}`} className="enrol-card settle-row" data-testid="settle-row" data-state={r.state}>
          <View className="settle-row__top">
            <Text className="enrol-card__title settle-row__name">
              第 {r.row} 行 · {r.name} {r.idMasked}
            </Text>
            <View className="settle-row__state">
              <Tag theme={THEME[r.state]}>{SETTLEMENT_STATE_LABEL[r.state]}</Tag>
            </View>
          </View>
          {r.hospitalName ? (
            <Text className="enrol-card__line">
              {r.hospitalName} · {r.admission} 至 {r.discharge} · 自负 {formatYuan(r.selfPayFen)} · 自理 {formatYuan(r.selfFundedFen)}
            </Text>
          ) : null}
          <Text className="enrol-card__line">流水号 {r.serial}</Text>
          {r.claimNo ? (
            <Text className="enrol-card__line">
              补助 {r.claimNo}
              {r.amountFen !== null ? ` · ${formatYuan(r.amountFen)}` : ''}
            </Text>
          ) : null}
          {r.reasons.map((x) => (
            <Text key={x.code} className="enrol-card__line settle-row__reason">
              {x.message}
              {x.basis ? `（${readableBasis(x.basis)}）` : ''}
            </Text>
          ))}
        </View>
      ))}
      <LoadMore total={rows.data.total} shown={rows.data.items.length} hasMore={Boolean(rows.data.nextCursor)} loading={rows.loadingMore} error={rows.moreError} onMore={rows.loadMore} unit="行" />
    </View>
  )
}
