import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { maxReplacementCount } from '@mutual-aid/shared-rules'
import { isProcessing, type PreparedDeclaration } from '@mutual-aid/contracts'
import { STILL_PROCESSING, untilDone } from '@/services/until-done'
import { goOn } from '@/services/go-on'
import { Button, confirm, toast } from '@/components/ui'
import { formatYuan } from '@/components/format'
import { enrolmentApi } from '../api'
import { declarable, renewalTags, replacementProblems, toggled, whyNotDeclarable } from './declare-rules'
import { PeopleList } from './people-list'

/** 参保对象替换 (TZ private enterprises): one for one, at most the scheme's share of participants, once a period. */
export function ReplaceForm({ prepared }: { prepared: PreparedDeclaration }) {
  const max = maxReplacementCount(prepared.rules, prepared.unit.unitType, prepared.roster.activeHere)
  const maxPercent = prepared.rules.family === 'TZ' ? prepared.rules.replacement.maxPercent : 0
  const [outs, setOuts] = useState<Set<string>>(new Set())
  const [ins, setIns] = useState<Set<string>>(new Set())
  const [error, setError] = useState('')
  const [progress, setProgress] = useState('')
  const [busy, setBusy] = useState(false)
  const problems = replacementProblems(outs.size, ins.size, max, maxPercent)
  const submit = async () => {
    if (busy) return
    setError('')
    const ok = await confirm({ title: '参保对象替换', content: `换出 ${outs.size} 人、换入 ${ins.size} 人。每期只能替换一次，提交后不能撤回。`, danger: true })
    if (!ok) return
    setBusy(true)
    const answer = await untilDone(() => enrolmentApi.replace({ year: prepared.year, outPersonIds: [...outs], inPersonIds: [...ins] }), (p) => setProgress(p.message))
    if (!answer.ok || isProcessing(answer.data)) setBusy(false)
    if (!answer.ok) return setError(answer.message)
    if (isProcessing(answer.data)) return setProgress(`替换${STILL_PROCESSING}`)
    setProgress('')
    toast(`已提交，补差额 ${formatYuan(answer.data.totalFen)}`, 'success')
    // Busy until the declaration page has replaced this one: a replacement is allowed once a period.
    goOn({ redirectTo: `/packages/enrol/declaration/index?id=${answer.data.enrolmentId}` }, () => setBusy(false))
  }
  return (
    <View>
      <View className="enrol-notice">民营企业每期可办理一次参保对象替换，最多替换 {max} 人（参加人数的 {maxPercent}%），费用差额重新计算。</View>
      <Text className="enrol-section-title">换出（本期参加人）</Text>
      <PeopleList
        year={prepared.year}
        views={[{ value: 'enrolled', label: `参加人 ${prepared.roster.activeHere}`, list: 'enrolled' }]}
        isChosen={(p) => outs.has(p._id)}
        toggle={(p) => setOuts(toggled(outs, p._id))}
        tagsOf={() => []}
      />
      <Text className="enrol-section-title">换入（未参加的在职职工）</Text>
      <PeopleList
        year={prepared.year}
        views={[{ value: 'in_service', label: `可换入 ${prepared.roster.declarable}`, list: 'in_service' }]}
        isChosen={(p) => ins.has(p._id)}
        toggle={(p) => (declarable(p) ? setIns(toggled(ins, p._id)) : toast(whyNotDeclarable(p, prepared.rules), 'warning'))}
        tagsOf={(p) => (declarable(p) ? [] : renewalTags(p))}
      />
      {problems.length ? <View className="enrol-notice enrol-notice--error">{problems.join(' ')}</View> : null}
      {error ? <View className="enrol-notice enrol-notice--error">{error}</View> : null}
      {progress ? <View className="enrol-notice declare-progress">{progress}</View> : null}
      <View className="enrol-footer">
        <Button theme="primary" block disabled={problems.length > 0 || outs.size === 0} loading={busy} onClick={submit}>
          提交替换
        </Button>
      </View>
    </View>
  )
}
