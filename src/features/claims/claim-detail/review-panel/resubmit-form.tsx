import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { ClaimDetail, ClaimFiles, DraftFacts } from '@mutual-aid/contracts'
import { Button, DatePicker, Input, RadioGroup, Textarea, toast } from '@/components/ui'
import { PhotoUploader } from '../../photo-uploader'
import { choiceFromFacts, factsFromForm, textFromFacts, visibleErrors, type Choice, type FormText, type TextField } from '../../claim-wizard/claim-form'
import { factChanges, photoChecklist, resubmissionFiles } from '../claim-view'
import { useIntoView } from './use-into-view'

export interface ResubmitFormProps {
  claim: ClaimDetail
  busy: boolean
  /** Temporary links of pages saved before (the claim's and this resubmission's), for thumbnails. */
  urls: Record<string, string>
  onCancel: () => void
  /** Keeps one item's pages (and the facts as corrected so far) in the cloud as they are gathered; false if that failed. */
  onSaveItem: (item: string, ids: string[], note: string, facts: DraftFacts) => Promise<boolean>
  onSubmit: (facts: DraftFacts, note: string) => void
}

const yesNo = (v: boolean | undefined) => (v === undefined ? null : v ? 'yes' : 'no')

/**
 * 补充材料: correct the facts the return may be about (diagnosis or death date, hospital, designated-hospital answer,
 * stay, amounts), add or remove pages per checklist item (kept in the cloud as gathered), a note, and 重新提交. The
 * version sent is kept beside the earlier ones, with what changed.
 */
export function ResubmitForm({ claim: c, busy, urls, onCancel, onSaveItem, onSubmit }: ResubmitFormProps) {
  const start = c.resubmission?.facts ?? c.facts
  const [files, setFiles] = useState<ClaimFiles>(() => resubmissionFiles(c))
  const [note, setNote] = useState(c.resubmission?.note ?? '')
  const [text, setTextState] = useState<FormText>(() => textFromFacts(start))
  const [choice, setChoiceState] = useState<Choice>(() => choiceFromFacts(start))
  const [showAll, setShowAll] = useState(false)
  // The form opens at the bottom of a long page: bring it into view.
  useIntoView('claim-resubmit-form')

  const facts: DraftFacts = { ...c.facts, ...factsFromForm(text, choice, c.kind) }
  const errors = visibleErrors(c.kind, text, choice, showAll, c.filedBy.as)
  const changes = factChanges(c.kind, c.facts, facts)
  const setText = (field: TextField, value: string) => setTextState((t) => ({ ...t, [field]: value }))
  const setChoice = (change: Choice) => setChoiceState((ch) => ({ ...ch, ...change }))
  const inpatientKind = c.kind === 'inpatient'
  const today = c.today

  return (
    <View className="claims-section" id="claim-resubmit-form">
      <Text className="claims-section__title">补充材料</Text>
      <Text className="claims-section__hint">如退回原因涉及申请信息，请在下方更正；可在各项下增加照片或删除不清晰的照片。之前提交的版本会保留在记录中。</Text>

      <View className="claims-subsection" data-testid="resubmit-facts">
        <Text className="claims-field-title">更正申请信息（如无需更正可跳过）</Text>
        {!inpatientKind ? (
          <DatePicker
            label={c.kind === 'death' ? '身故日期' : '确诊日期'}
            value={text.eventDate || null}
            onChange={(v) => setText('eventDate', v)}
            end={today}
            error={errors.shown('eventDate')}
            required
          />
        ) : null}
        <Input label="医院名称" value={text.hospital} onChange={(v) => setText('hospital', v)} error={errors.shown('hospital')} required />
        <Text className="claims-field-title">是否为互助活动指定（定点）医疗机构</Text>
        <RadioGroup
          value={yesNo(choice.designatedHospital)}
          options={[
            { value: 'yes', label: '是' },
            { value: 'no', label: '否 / 不确定' },
          ]}
          onChange={(v) => setChoice({ designatedHospital: v === 'yes' })}
        />
        {inpatientKind || choice.inpatient ? (
          <>
            <DatePicker label="入院日期" value={text.admission || null} onChange={(v) => setText('admission', v)} end={today} error={errors.shown('admission')} required={inpatientKind} />
            <DatePicker label="出院日期" value={text.discharge || null} onChange={(v) => setText('discharge', v)} start={text.admission || undefined} end={today} error={errors.shown('discharge')} required={inpatientKind} />
          </>
        ) : null}
        {inpatientKind ? (
          <>
            <Input label="医保自负金额" value={text.selfPay} onChange={(v) => setText('selfPay', v)} type="digit" suffix="元" error={errors.shown('selfPayFen')} required />
            <Input label="自理金额" value={text.selfFunded} onChange={(v) => setText('selfFunded', v)} type="digit" suffix="元" error={errors.shown('selfFundedFen')} required />
          </>
        ) : null}
        {changes.length > 0 ? (
          <View className="claims-notice claims-notice--inline" data-testid="resubmit-changes">
            <Text className="claims-notice__title">将更正</Text>
            {changes.map((ch) => (
              <Text key={ch.label} className="claims-notice__line">{`${ch.label}：${ch.before} → ${ch.after}`}</Text>
            ))}
          </View>
        ) : null}
      </View>

      {photoChecklist(c).map((item) => (
        <PhotoUploader
          key={item.key}
          item={item}
          folder={c.id}
          fileIDs={files[item.key] ?? []}
          urls={urls}
          onChange={async (ids) => {
            // Kept in the cloud as it is gathered: closing the app before 重新提交 loses nothing.
            const saved = await onSaveItem(item.key, ids, note, facts)
            if (saved) setFiles((f) => ({ ...f, [item.key]: ids }))
            return saved
          }}
        />
      ))}
      <Textarea label="补充说明" value={note} onChange={setNote} placeholder="例如：已重新拍摄出院小结，确诊日期已更正" maxLength={300} />
      <View className="claims-inline-actions">
        <Button variant="outline" onClick={onCancel}>取消</Button>
        <Button
          theme="primary"
          loading={busy}
          onClick={() => {
            setShowAll(true)
            if (Object.keys(errors.all).length > 0) return toast('还有信息未填写完整，请按红字提示修改', 'warning')
            onSubmit(facts, note)
          }}
        >
          重新提交
        </Button>
      </View>
    </View>
  )
}
