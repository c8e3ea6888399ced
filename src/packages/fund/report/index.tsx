import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { FAMILY_SHORT_LABEL } from '@mutual-aid/contracts'
import type { Family } from '@mutual-aid/shared-rules'
import { PageState } from '@/components/page-state'
import { Button, Picker, toast } from '@/components/ui'
import { RoleGate } from '@/features/session'
import { ReportCharts, ReportFigures, ReportTables, fundApi, useReport } from '@/features/fund'
import { openFileUrl } from '@/features/enrolment/file-io'
import '@/features/claims/claims-layout.scss'
import '@/features/fund/fund.scss'
import { withPageFrame } from '@/features/large-font'

const FAMILIES = (['WH', 'TZ'] as const).map((f) => ({ value: f, label: FAMILY_SHORT_LABEL[f] }))

/** 基金报表: figures, charts and tables per scheme, year, agent and unit; the office sees all, an agent its units. */
function ReportPage() {
  return <RoleGate roles={['office', 'agent']}>{(me) => <ReportScreen office={me.role === 'office'} />}</RoleGate>
}

function ReportScreen({ office }: { office: boolean }) {
  const m = useReport()
  const [exporting, setExporting] = useState(false)
  const years = m.year ? [m.year - 1, m.year, m.year + 1].map((y) => ({ value: String(y), label: `${y} 年度` })) : []

  const exportExcel = async () => {
    setExporting(true)
    const answer = await fundApi.exportReport(m.filter)
    setExporting(false)
    if (!answer.ok) return toast(answer.message, 'error')
    try {
      await openFileUrl(answer.data.url, answer.data.fileName)
    } catch {
      toast('文件下载失败，请检查网络后重试', 'error')
    }
  }

  const r = m.report
  const scopeName = m.level.unitName ?? m.level.agentName ?? (office ? '全部代理单位' : '本代理单位所辖单位')
  // An agent's report starts at its own units: it can go back from a unit, not above its units.
  const canGoUp = Boolean(m.level.unitId) || (office && Boolean(m.level.agentId))

  return (
    <View className="claims-page fund-page fund-report">
      <View className="fund-filters">
        <Picker label="方案" value={m.family} options={FAMILIES} onChange={(v) => m.setFamily(v as Family)} />
        {years.length ? <Picker label="年度" value={String(m.year)} options={years} onChange={(v) => m.setYear(Number(v))} /> : null}
      </View>
      <View className="fund-scope">
        <Text>范围：{scopeName}</Text>
        {canGoUp ? (
          <Text className="fund-scope__up" onClick={m.up}>
            返回上一级
          </Text>
        ) : null}
      </View>
      {r.status === 'loading' ? <PageState status="loading" text="正在统计…" /> : null}
      {r.status === 'error' ? <PageState status="error" message={r.message} onRetry={r.reload} /> : null}
      {r.status === 'ready' ? (
        <>
          <ReportFigures r={r.data} />
          <ReportCharts r={r.data} />
          <ReportTables r={r.data} onOpen={r.data.scope.unitId ? undefined : m.open} />
          <View className="fund-actions">
            <Button theme="primary" variant="outline" block loading={exporting} disabled={exporting} onClick={() => void exportExcel()}>
              导出 Excel
            </Button>
            <Text className="claims-section__hint">导出的表格与本页数字相同；下载链接 10 分钟内有效，仅限本人打开。</Text>
          </View>
        </>
      ) : null}
    </View>
  )
}

export default withPageFrame(ReportPage)
