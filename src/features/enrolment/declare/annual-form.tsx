import { View } from '@tarojs/components'
import type { PreparedDeclaration } from '@mutual-aid/contracts'
import { Button } from '@/components/ui'
import { renewalTags, type Enrolment } from './declare-rules'
import { DeclareFooter } from './declare-footer'
import { PeopleList, type PeopleView } from './people-list'
import { PlanPicker } from './plan-picker'
import { QuoteCard } from './quote-card'
import { useAnnualDeclaration } from './use-declaration'

/**
 * 年度申报 (or resubmitting a returned one): tick who joins, choose shares or products, see ratio and quote, submit.
 * The roster comes a page at a time; the ratio and quote come from the server's counts less whom the clerk unticks.
 */
export function AnnualForm({ prepared, returned, onReload }: { prepared: PreparedDeclaration; returned?: Enrolment; onReload?: () => void }) {
  const form = useAnnualDeclaration(prepared, returned, onReload)
  const { roster } = prepared
  const { chosen, staff, ratio, priced, blockers, percent } = form.summary
  const named = [...form.selection.named.values()]
  const views: PeopleView[] = [
    { value: 'all', label: '全部', list: 'all' },
    { value: 'in_service', label: `在职 ${roster.inService}`, list: 'in_service' },
    // Only the people the clerk named are on the phone: the unticked from 全选, or the ticked after 清空.
    form.selection.all ? { value: 'named', label: `未选 ${named.length}`, rows: named } : { value: 'named', label: `已选 ${named.length}`, rows: named },
  ]

  return (
    <View className="annual-form">
      {returned ? <View className="enrol-notice enrol-notice--warn">申报被退回：{returned.returnReason}。请修改后重新提交。</View> : null}
      {prepared.renewal ? (
        <View className="enrol-notice">
          续保：上期 {roster.previous} 人参加，已为在职人员预选。请于 {prepared.renewal.graceEnd} 前缴费以保持连续（第十二条），离职、退休人员已标出。
        </View>
      ) : null}
      <PlanPicker scheme={prepared.scheme} shares={form.shares} onShares={form.setShares} products={form.products} onToggleProduct={form.toggleProduct} />
      <View className="enrol-actions">
        <Button size="small" variant="outline" onClick={form.selectAll}>
          全选在职人员
        </Button>
        <Button size="small" variant="outline" onClick={form.clear}>
          清空
        </Button>
      </View>
      <PeopleList year={prepared.year} views={views} isChosen={form.chosen} toggle={form.toggle} tagsOf={renewalTags} />
      {priced.ok && prepared.coverageStartEstimate ? <QuoteCard lines={priced.lines} coverageStart={prepared.coverageStartEstimate} /> : null}
      {form.stale ? (
        <View className="enrol-actions">
          <Button size="small" theme="primary" onClick={form.refresh}>
            刷新名单
          </Button>
        </View>
      ) : null}
      <DeclareFooter
        chosen={chosen}
        staff={staff}
        percent={percent}
        requiredMin={ratio.requiredMin}
        totalFen={priced.ok ? priced.totalFen : null}
        blockers={blockers}
        serverError={form.serverError}
        progress={form.progress}
        busy={form.busy}
        submitText={returned ? '重新提交申报' : '提交申报'}
        onSubmit={() => void form.submit()}
      />
    </View>
  )
}
