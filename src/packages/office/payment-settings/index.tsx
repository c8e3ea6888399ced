import { useState } from 'react'
import { View } from '@tarojs/components'
import { FAMILY_LABEL, FAMILY_SHORT_LABEL, paymentSettingsSchema, type PayeeAccount, type PaymentSettings } from '@mutual-aid/contracts'
import { PageState } from '@/components/page-state'
import { Button, CellGroup, Input, confirm, toast } from '@/components/ui'
import { RoleGate } from '@/features/session'
import { useLoad } from '@/services/use-load'
import { enrolmentApi } from '@/features/enrolment/api'
import '@/features/enrolment/enrol.scss'
import { withPageFrame } from '@/features/large-font'
import { ReferenceRuleEditor, exampleReference, type RuleErrors } from './reference-rule'

const FAMILIES = ['WH', 'TZ'] as const
type Family = (typeof FAMILIES)[number]
type Field = keyof PayeeAccount

/** Each field; the placeholder names the scheme too (both schemes' fields share their labels). */
const FIELDS: { key: Field; label: string; placeholder: (scheme: string) => string; type: 'text' | 'tel' }[] = [
  { key: 'accountName', label: '户名', placeholder: (scheme) => `${scheme}收款账户的户名`, type: 'text' },
  { key: 'bank', label: '开户行', placeholder: (scheme) => `${scheme}收款账户的开户行`, type: 'text' },
  { key: 'accountNumber', label: '账号', placeholder: (scheme) => `${scheme}银行账号，可用空格分组`, type: 'text' },
  { key: 'phone', label: '咨询电话', placeholder: (scheme) => `${scheme}缴费咨询电话，如 0576-12345678`, type: 'tel' },
]

type Errors = Partial<Record<`${Family}.${Field}` | `referenceRule.${keyof RuleErrors}`, string>>

/** Each field's first problem, from the same schema the function parses with. */
function errorsOf(form: PaymentSettings): Errors {
  const parsed = paymentSettingsSchema.safeParse(form)
  const errors: Errors = {}
  if (parsed.success) return errors
  for (const issue of parsed.error.issues) {
    const key = issue.path.slice(0, 2).join('.') as keyof Errors
    errors[key] ??= issue.message
  }
  return errors
}

/**
 * What changed, one short line per scheme, for the confirmation (a dialog holds a few lines, not a form): the fields
 * changed, with the new account number in full — the one value a typo there sends money astray.
 */
function changesOf(before: PaymentSettings, after: PaymentSettings): string[] {
  const accounts = FAMILIES.flatMap((f) => {
    const changed = FIELDS.filter(({ key }) => before[f][key].trim() !== after[f][key].trim())
    if (!changed.length) return []
    const what = changed.map(({ key, label }) => (key === 'accountNumber' ? `${label}（${after[f][key].trim()}）` : label))
    return [`${FAMILY_SHORT_LABEL[f]}：${what.join('、')}`]
  })
  // The remark rule by its example: what a unit will be told to write, not the settings behind it.
  const ruleChanged = exampleReference(before.referenceRule) !== exampleReference({ ...after.referenceRule, word: after.referenceRule.word.trim() })
  return ruleChanged ? [...accounts, `转账附言：改为如“${exampleReference({ ...after.referenceRule, word: after.referenceRule.word.trim() })}”`] : accounts
}

/**
 * 缴费账户: the office keeps the accounts units pay their contributions into — per scheme, the account name, bank,
 * number and the phone for questions. Clerks see them in 缴费方式 on every declaration not yet paid, from the moment
 * they are saved. Saving asks for confirmation (a wrong account sends a unit's money astray) and is audited.
 */
function PaymentSettingsPage() {
  return <RoleGate roles={['office']}>{() => <PaymentSettingsForm />}</RoleGate>
}

function PaymentSettingsForm() {
  const [form, setForm] = useState<PaymentSettings | null>(null)
  const [shown, setShown] = useState<Errors>({})
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  // The form starts from the accounts as loaded (again after each save); coming back from the background keeps what was typed.
  const state = useLoad(() => enrolmentApi.paymentSettings(), [], { refreshOnShow: false, onReady: (d) => setForm(d.settings) })

  if (state.status === 'loading' || (state.status === 'ready' && !form)) return <PageState status="loading" />
  if (state.status === 'error') return <PageState status="error" message={state.message} onRetry={state.reload} />
  if (!form) return <PageState status="loading" />
  const { settings: stored, demo, version } = state.data

  const edit = (family: Family, key: Field, value: string) => {
    setForm({ ...form, [family]: { ...form[family], [key]: value } })
    // The problem shown for this field was about what is being corrected now.
    setShown({ ...shown, [`${family}.${key}`]: undefined })
    setError('')
  }

  const save = async () => {
    setError('')
    const errors = errorsOf(form)
    setShown(errors)
    if (Object.keys(errors).length) return setError('有几项需要修改，请看各栏下方的红字提示。')
    const stillDemo = FAMILIES.flatMap((f) => FIELDS.filter(({ key }) => form[f][key].includes('演示')).map(({ label }) => `${FAMILY_LABEL[f]}的${label}`))
    if (stillDemo.length) return setError(`${stillDemo.join('、')}还是演示内容，请改为实际收款账户。`)
    const changes = changesOf(stored, form)
    if (!changes.length) return setError('没有修改任何内容。')
    const ok = await confirm({
      title: '保存缴费账户',
      content: `将修改 ${changes.join('；')}。保存后单位经办人立即按新设置缴费（已申报的仍用原附言），请核对无误。`,
      confirmText: '确认保存',
    })
    if (!ok) return
    setBusy(true)
    const answer = await enrolmentApi.setPaymentSettings({ settings: form, version })
    setBusy(false)
    if (!answer.ok) return setError(answer.message)
    toast('缴费账户已保存，经办人现在看到的是新账户', 'success')
    state.reload()
  }

  return (
    <View className="enrol-page payment-settings-page" data-page="payment-settings">
      <View className={`enrol-notice${demo ? ' enrol-notice--warn' : ''}`}>
        {demo
          ? '现在显示的是演示账户：单位经办人看到“演示账户，请勿向此账户转账”。请填写两个方案实际的收款账户并保存。'
          : `单位经办人申报后，在“缴费方式”中看到这里的账户（第 ${version} 版）。修改保存后立即生效。`}
      </View>
      {FAMILIES.map((f) => (
        <CellGroup key={f} title={FAMILY_LABEL[f]}>
          {FIELDS.map(({ key, label, placeholder, type }) => (
            <Input
              key={key}
              label={label}
              value={form[f][key]}
              onChange={(v) => edit(f, key, v)}
              placeholder={placeholder(FAMILY_SHORT_LABEL[f])}
              type={type}
              error={shown[`${f}.${key}`]}
              required
            />
          ))}
        </CellGroup>
      ))}
      <ReferenceRuleEditor
        rule={form.referenceRule}
        errors={{ unitNameChars: shown['referenceRule.unitNameChars'], word: shown['referenceRule.word'] }}
        onChange={(referenceRule) => {
          setForm({ ...form, referenceRule })
          setShown({ ...shown, 'referenceRule.unitNameChars': undefined, 'referenceRule.word': undefined })
          setError('')
        }}
      />
      {error ? <View className="enrol-notice enrol-notice--error">{error}</View> : null}
      <View className="enrol-actions">
        <Button theme="primary" loading={busy} disabled={busy} onClick={() => void save()}>
          保存缴费账户
        </Button>
      </View>
    </View>
  )
}

export default withPageFrame(PaymentSettingsPage)
