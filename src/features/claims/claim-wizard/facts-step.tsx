import { Text, View } from '@tarojs/components'
import { INSURANCE_LABEL, KIND_LABEL, PRODUCT_LABEL, RELATIONSHIPS, RELATIONSHIP_LABEL } from '@mutual-aid/contracts'
import { Button, Checkbox, DatePicker, Input, Picker, RadioGroup } from '@/components/ui'
import type { ClaimWizard } from './use-claim-wizard'
import type { AnswerWarning } from './wizard-derived'

/**
 * What an answer means for the claim, from the rules' assessment, with the article: a warning the person reads before
 * going on, never a silent refusal later.
 */
export function AnswerWarnings({ warnings }: { warnings: readonly AnswerWarning[] }) {
  if (warnings.length === 0) return null
  const blocking = warnings.some((w) => w.blocking)
  return (
    <View className={`claims-notice ${blocking ? 'claims-notice--danger' : 'claims-notice--warning'}`} data-testid="answer-warning">
      <Text className="claims-notice__title">{blocking ? '请注意：按您的回答，本次申请不符合给付条件' : '请注意：按您的回答，给付可能受到影响'}</Text>
      {warnings.map((w) => (
        <Text key={w.code} className="claims-notice__line">
          {`• ${w.title}：${w.message}（依据${w.basis}）`}
        </Text>
      ))}
      <Text className="claims-notice__line">如回答有误，请修改；如情况属实仍可提交，由互助办按规定审核。</Text>
    </View>
  )
}

/** A family's death claim: who is applying — their relationship to the deceased and a phone the office can call. */
function ApplicantFields({ wizard }: { wizard: ClaimWizard }) {
  const { state, view } = wizard
  const { errors } = view
  return (
    <View className="claims-section">
      <Text className="claims-section__title">申请人（家属）信息</Text>
      <Text className="claims-field-title">您与参加人的关系</Text>
      <RadioGroup
        value={state.text.relationship || null}
        options={RELATIONSHIPS.map((r) => ({ value: r, label: RELATIONSHIP_LABEL[r] }))}
        onChange={(v) => wizard.setText('relationship', v)}
      />
      {errors.shown('applicant.relationship') ? <Text className="claims-error">{errors.shown('applicant.relationship')}</Text> : null}
      <Input
        label="联系电话"
        value={state.text.applicantPhone}
        onChange={(v) => wizard.setText('applicantPhone', v)}
        type="text"
        maxLength={13}
        placeholder="手机号或带区号的固定电话"
        error={errors.shown('applicant.phone')}
        tips="互助办审核时如需核实情况，会拨打此电话"
        required
      />
    </View>
  )
}

/** A yes/no question as two choices ('yes' / 'no'), unanswered as null. */
const yesNo = (v: boolean | undefined) => (v === undefined ? null : v ? 'yes' : 'no')

/** The disease, the date it was diagnosed (or of death), the cause of death, and 原位癌 for TZ. */
function IllnessFields({ wizard }: { wizard: ClaimWizard }) {
  const { state, view } = wizard
  const { errors } = view
  const kind = state.kind
  return (
    <>
      <Picker
        label={kind === 'death' ? '导致身故的疾病' : '所患疾病'}
        value={state.choice.disease ?? null}
        options={view.diseaseOptions}
        onChange={(v) => wizard.setChoice({ disease: v })}
        error={errors.shown('disease') ?? (state.showAllErrors ? errors.all.disease : undefined)}
        required
      />
      {view.selectedDisease?.definition ? (
        <View className="claims-notice claims-notice--inline">
          <Text className="claims-notice__title">疾病定义（第二十二条）</Text>
          <Text>{view.selectedDisease.definition}</Text>
        </View>
      ) : null}
      <DatePicker
        label={kind === 'death' ? '身故日期' : '确诊日期'}
        value={state.text.eventDate || null}
        onChange={(v) => wizard.setText('eventDate', v)}
        start={view.dateBounds.start}
        end={view.dateBounds.end}
        placeholder={kind === 'death' ? '请选择身故日期' : '请选择首次确诊的日期'}
        error={errors.shown('eventDate') ?? view.lateText}
        required
      />
      {view.deadlineTip ? <Text className="claims-field-tip">{view.deadlineTip}</Text> : null}
      {kind === 'death' ? (
        <>
          <Text className="claims-field-title">身故原因</Text>
          <RadioGroup
            value={state.choice.causeOfDeath ?? null}
            options={[
              { value: 'illness', label: '因病身故' },
              { value: 'accident', label: '意外等非疾病原因' },
            ]}
            onChange={(v) => wizard.setChoice({ causeOfDeath: v })}
          />
          {state.showAllErrors && errors.all.causeOfDeath ? <Text className="claims-error">{errors.all.causeOfDeath}</Text> : null}
        </>
      ) : null}
      {view.participation?.family === 'TZ' ? (
        <Checkbox checked={state.choice.inSitu === true} onChange={(v) => wizard.setChoice({ inSitu: v })} label="诊断为原位癌" />
      ) : null}
    </>
  )
}

/** Admission and discharge, and for an inpatient claim the amounts from the insurance statement. */
function HospitalStayFields({ wizard }: { wizard: ClaimWizard }) {
  const { state, view } = wizard
  const { errors } = view
  const inpatientClaim = state.kind === 'inpatient'
  return (
    <>
      <DatePicker
        label="入院日期"
        value={state.text.admission || null}
        onChange={(v) => wizard.setText('admission', v)}
        start={inpatientClaim ? view.dateBounds.start : undefined}
        end={view.dateBounds.end}
        placeholder="请选择入院日期"
        error={errors.shown('admission') ?? (inpatientClaim ? view.lateText : undefined)}
        required={inpatientClaim}
      />
      {inpatientClaim && view.deadlineTip ? <Text className="claims-field-tip">{view.deadlineTip}</Text> : null}
      <DatePicker
        label="出院日期"
        value={state.text.discharge || null}
        onChange={(v) => wizard.setText('discharge', v)}
        start={state.text.admission || undefined}
        end={view.today || undefined}
        placeholder="请选择出院日期"
        error={errors.shown('discharge')}
        required={inpatientClaim}
      />
      {inpatientClaim ? (
        <>
          <Input label="医保自负金额" value={state.text.selfPay} onChange={(v) => wizard.setText('selfPay', v)} type="digit" suffix="元" error={errors.shown('selfPayFen')} tips="医保结算单上的“自负”部分（不含自理）" required />
          <Input label="自理金额" value={state.text.selfFunded} onChange={(v) => wizard.setText('selfFunded', v)} type="digit" suffix="元" error={errors.shown('selfFundedFen')} tips="医保结算单上的“自理”部分，没有请填 0" required />
          <Picker
            label="医保类型"
            value={state.choice.medicalInsurance ?? null}
            options={(['employee', 'resident', 'none'] as const).map((v) => ({ value: v, label: INSURANCE_LABEL[v] }))}
            onChange={(v) => wizard.setChoice({ medicalInsurance: v })}
            error={state.showAllErrors ? errors.all.medicalInsurance : undefined}
            required
          />
        </>
      ) : null}
    </>
  )
}

/** Step 2 — the facts of the claim and the payee, checked as typed against the schema the function applies. */
export function FactsStep({ wizard }: { wizard: ClaimWizard }) {
  const { state, view } = wizard
  const { errors, deadline, late } = view
  if (!view.participation || !state.product || !state.kind) return null
  const kind = state.kind
  return (
    <>
      <View className="claims-section">
        <Text className="claims-section__title">
          {PRODUCT_LABEL[state.product]} · {KIND_LABEL[kind]}
        </Text>
        <Text className="claims-section__hint">
          {state.prepared?.filedAs === 'beneficiary' ? `已故参加人：${state.prepared.person.name}` : state.prepared?.person.name} · {view.participation.year} 年度
        </Text>
      </View>
      <View className="claims-section">
        {kind !== 'inpatient' ? <IllnessFields wizard={wizard} /> : null}
        <Input
          label={kind === 'death' ? '身故前就医的医院' : '医院名称'}
          value={state.text.hospital}
          onChange={(v) => wizard.setText('hospital', v)}
          placeholder="例如：鄂州市中心医院"
          error={errors.shown('hospital')}
          required
        />
        <Text className="claims-field-title">{kind === 'death' ? '该医院是否为互助活动指定（定点）医疗机构' : '是否为互助活动指定（定点）医疗机构'}</Text>
        <RadioGroup
          value={yesNo(state.choice.designatedHospital)}
          options={[
            { value: 'yes', label: '是' },
            { value: 'no', label: '否 / 不确定' },
          ]}
          onChange={(v) => wizard.setChoice({ designatedHospital: v === 'yes' })}
        />
        {state.showAllErrors && errors.all.designatedHospital ? <Text className="claims-error">{errors.all.designatedHospital}</Text> : null}
        {/* Right under the answer that caused it, where the person is looking. */}
        <AnswerWarnings warnings={view.warnings} />
        {kind !== 'inpatient' ? (
          <>
            <Text className="claims-field-title">{kind === 'death' ? '身故前是否住院治疗' : '是否住院治疗'}</Text>
            <RadioGroup
              value={yesNo(state.choice.inpatient)}
              options={[
                { value: 'yes', label: '住院治疗' },
                { value: 'no', label: '未住院' },
              ]}
              onChange={(v) => wizard.setChoice({ inpatient: v === 'yes' })}
            />
            {state.showAllErrors && errors.all.inpatient ? <Text className="claims-error">{errors.all.inpatient}</Text> : null}
          </>
        ) : null}
        {kind === 'inpatient' || state.choice.inpatient ? <HospitalStayFields wizard={wizard} /> : null}
      </View>
      {state.prepared?.filedAs === 'beneficiary' ? <ApplicantFields wizard={wizard} /> : null}
      <View className="claims-section">
        <Text className="claims-section__title">收款信息</Text>
        <Input label="收款人" value={state.text.payeeName} onChange={(v) => wizard.setText('payeeName', v)} error={errors.shown('payee.name')} required />
        <Input label="开户银行" value={state.text.payeeBank} onChange={(v) => wizard.setText('payeeBank', v)} placeholder="例如：中国工商银行鄂州分行" error={errors.shown('payee.bank')} required />
        <Input label="银行账号" value={state.text.payeeAccount} onChange={(v) => wizard.setText('payeeAccount', v)} type="number" error={errors.shown('payee.account')} required />
      </View>
      {deadline ? (
        <View className={`claims-notice ${late ? 'claims-notice--danger' : ''}`}>
          <Text className="claims-notice__title">申请期限</Text>
          <Text>
            {late ? `已超过申请期限：最后一天是 ${deadline.date}（依据${deadline.basis}），逾期申请不予受理。` : `请在 ${deadline.date} 前提交（依据${deadline.basis}）。`}
          </Text>
        </View>
      ) : null}
      <View className="claims-actions">
        <Button variant="outline" onClick={() => wizard.go('target')} disabled={!!state.draft}>
          上一步
        </Button>
        <Button theme="primary" loading={wizard.busy} onClick={() => void wizard.toPhotos()}>
          保存，下一步
        </Button>
      </View>
    </>
  )
}
