import { useState } from 'react'
import { View } from '@tarojs/components'
import { isProcessing, type PreparedDeclaration, type PreparedPerson } from '@mutual-aid/contracts'
import { STILL_PROCESSING, untilDone } from '@/services/until-done'
import { goOn } from '@/services/go-on'
import { Button, confirm, toast } from '@/components/ui'
import { formatYuan } from '@/components/format'
import { enrolmentApi } from '../api'
import { declarable, newHireTags, renewalTags, toggled, whyNotDeclarable } from './declare-rules'
import { PeopleList } from './people-list'

/** 新入职增员: new hires join mid-period, charged as first-timers with the unit's shares. */
export function NewHireForm({ prepared, onDone }: { prepared: PreparedDeclaration; onDone: () => void }) {
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const toggle = (p: PreparedPerson) => {
    if (!declarable(p)) return toast(whyNotDeclarable(p, prepared.rules), 'warning')
    setSelected(toggled(selected, p._id))
  }
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [progress, setProgress] = useState('')
  const newHire = prepared.rules.newHire
  const submit = async () => {
    if (busy) return
    setError('')
    const ok = await confirm({ title: '新入职增员', content: `为 ${selected.size} 名新入职职工办理参加（按首次参加计费、与本单位份额相同），提交后由代理单位审核。` })
    if (!ok) return
    setBusy(true)
    const answer = await untilDone(() => enrolmentApi.addNewHires({ year: prepared.year, personIds: [...selected] }), (p) => setProgress(p.message))
    if (!answer.ok || isProcessing(answer.data)) setBusy(false)
    if (!answer.ok) return setError(answer.message)
    if (isProcessing(answer.data)) return setProgress(`增员${STILL_PROCESSING}`)
    setProgress('')
    toast(`已提交，应缴 ${formatYuan(answer.data.totalFen)}`, 'success')
    onDone()
    // Busy until the declaration page has opened on top: a second tap in between would send the new hires again.
    goOn({ navigateTo: `/packages/enrol/declaration/index?id=${answer.data.enrolmentId}` }, () => setBusy(false))
  }
  return (
    <View>
      <View className="enrol-notice">
        {newHire ? `期中只能为入职 ${newHire.months} 个月内的新职工办理参加（${newHire.basis}），` : '新职工在参保时间内办理参加，'}按首次参加计费，份额与本单位相同。
      </View>
      {/* In-service staff, newest hire first: the new hires come first; anyone already in this period is marked. */}
      <PeopleList
        year={prepared.year}
        views={[{ value: 'recent', label: `未参加 ${prepared.roster.declarable}`, list: 'recent' }]}
        isChosen={(p) => selected.has(p._id)}
        toggle={toggle}
        tagsOf={(p) => (declarable(p) ? newHireTags(p, prepared) : renewalTags(p))}
      />
      {error ? <View className="enrol-notice enrol-notice--error">{error}</View> : null}
      {progress ? <View className="enrol-notice declare-progress">{progress}</View> : null}
      <View className="enrol-footer">
        <Button theme="primary" block disabled={selected.size === 0} loading={busy} onClick={submit}>
          提交增员（{selected.size} 人）
        </Button>
      </View>
    </View>
  )
}
