import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { PageState } from '@/components/page-state'
import { Tabs } from '@/components/ui'
import { AnnualForm, DeclareHeader, DeclaredCard, NewHireForm, ReplaceForm, declareModes, returnedDeclaration, useDeclaration } from '@/features/enrolment/declare'
import '@/features/enrolment/enrol.scss'
import { withPageFrame } from '@/features/large-font'

/** 网上申报: confirm the roster on the phone (a page at a time), see the ratio and the quote live, and declare. */
function DeclarePage() {
  const params = useRouter().params
  const { prepared, setYear, mode, setMode } = useDeclaration(params)
  if (prepared.status === 'loading') return <PageState status="loading" text="正在读取名册…" />
  if (prepared.status === 'error') return <PageState status="error" message={prepared.message} onRetry={prepared.reload} />
  const data = prepared.data
  const annual = data.enrolments.find((e) => e.kind === 'annual')
  const modes = declareModes(data)
  // Another period may not offer the form chosen before.
  const shown = modes.some((m) => m.value === mode) ? mode : 'annual'

  // Keyed by the period: another year starts every form afresh.
  return (
    <View key={data.year} className="enrol-page declare-page">
      <DeclareHeader prepared={data} onYear={setYear} />
      {modes.length > 1 ? <Tabs value={shown} items={modes} onChange={setMode} /> : null}
      {shown === 'annual' ? (
        annual && annual.status !== 'returned' ? <DeclaredCard annual={annual} /> : <AnnualForm prepared={data} returned={returnedDeclaration(data, params.enrolmentId)} onReload={prepared.reload} />
      ) : null}
      {shown === 'new_hire' ? <NewHireForm prepared={data} onDone={prepared.reload} /> : null}
      {shown === 'replace' ? <ReplaceForm prepared={data} /> : null}
    </View>
  )
}

export default withPageFrame(DeclarePage)
