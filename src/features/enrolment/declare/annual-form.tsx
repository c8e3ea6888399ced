import { View } from '@tarojs/components'
import type { PreparedDeclaration, PreparedPerson } from '@mutual-aid/contracts'
import { Button } from '@/components/ui'
import { renewalTags, type Enrolment } from './declare-rules'
import { DeclareFooter } from './declare-footer'
import { PeopleList, type PeopleFilter } from './people-list'
import { PlanPicker } from './plan-picker'
import { QuoteCard } from './quote-card'
import { useAnnualDeclaration } from './use-declaration'

/** 年度申报 (or resubmitting a returned one): tick who joins, choose shares or products, see ratio and quote, submit. */
export function AnnualForm({ prepared, returned }: { prepared: PreparedDeclaration; returned?: Enrolment }) {
  const form = useAnnualDeclaration(prepared, returned)
  const { people } = prepared
  const { chosen, staff, ratio, priced, blockers, percent } = form.summary
  const filters: PeopleFilter[] = [
    { value: 'all', label: `全部 ${people.length}`, test: () => true },
    { value: 'selected', label: `已选 ${chosen.length}`, test: (p: PreparedPerson) => form.selected.has(p._id) },
    { value: 'unselected', label: '未选', test: (p: PreparedPerson) => !form.selected.has(p._id) },
    { value: 'new', label: '新增', test: (p: PreparedPerson) => !p.previous && p.status === 'in_service' },
    { value: 'previous', label: '上期参加', test: (p: PreparedPerson) => p.previous },
  ]

  return (
    <View className="annual-form">
      {returned ? <View className="enrol-notice enrol-notice--warn">申报被退回：{returned.returnReason}。请修改后重新提交。</View> : null}
      {prepared.renewal ? (
        <View className="enrol-notice">
          续保：上期 {people.filter((p) => p.previous).length} 人参加，已为在职人员预选。请于 {prepared.renewal.graceEnd} 前缴费以保持连续（第十二条），离职、退休人员已标出。
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
      <PeopleList people={people} selected={form.selected} toggle={form.toggle} tagsOf={renewalTags} filters={filters} />
      {priced.ok ? <QuoteCard lines={priced.lines} coverageStart={prepared.coverageStartEstimate} /> : null}
      <DeclareFooter
        chosen={chosen.length}
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
