/**
 * Weapp side of the form kit: native tdesign-miniprogram inputs; the pickers use the platform's own
 * bottom-sheet `picker` under a TDesign cell. Props are spelled out one by one because Taro builds the
 * native template from the literal props in this JSX.
 */
import { Picker as NativePicker, View } from '@tarojs/components'
import type {
  CheckboxProps,
  DatePickerProps,
  InputProps,
  PickerProps,
  RadioGroupProps,
  SearchProps,
  StepperProps,
  TextareaProps,
} from './form.types'
import { initialPickerDay } from './date-range'

interface Detail<T> {
  detail: T
}

// WeChat's input has no 'tel' keyboard; the number pad is the closest.
const WEAPP_TYPE: Record<NonNullable<InputProps['type']>, string> = {
  text: 'text',
  number: 'number',
  digit: 'digit',
  idcard: 'idcard',
  tel: 'number',
  password: 'password',
}

export function Input({ label, value, onChange, placeholder = '', error = '', tips = '', type = 'text', maxLength = -1, disabled = false, required = false, suffix = '', layout = 'horizontal' }: InputProps) {
  return (
    <t-input
      label={required ? `${label} *` : label}
      value={value}
      placeholder={placeholder}
      status={error ? 'error' : 'default'}
      tips={error || tips}
      type={WEAPP_TYPE[type]}
      maxlength={maxLength}
      disabled={disabled}
      suffix={suffix}
      layout={layout}
      clearable={!disabled}
      onChange={(e: Detail<{ value: string }>) => onChange(e.detail.value)}
    />
  )
}

export function Textarea({ label, value, onChange, placeholder = '', error = '', maxLength = -1, autoFocus = false }: TextareaProps) {
  return (
    <View className="ui-textarea">
      <t-textarea
        label={label}
        value={value}
        placeholder={placeholder}
        maxlength={maxLength}
        indicator={maxLength > 0}
        autosize
        autofocus={autoFocus}
        onChange={(e: Detail<{ value: string }>) => onChange(e.detail.value)}
      />
      {error ? <View className="ui-field-error">{error}</View> : null}
    </View>
  )
}

export function Search({ value, onChange, onSubmit, placeholder = '搜索' }: SearchProps) {
  return (
    <View className="ui-search">
      <t-search
        value={value}
        placeholder={placeholder}
        shape="round"
        clearable
        onChange={(e: Detail<{ value: string }>) => onChange(e.detail.value)}
        onSubmit={(e: Detail<{ value: string }>) => onSubmit?.(e.detail.value)}
      />
    </View>
  )
}

export function Checkbox({ checked, onChange, label, description = '', disabled = false }: CheckboxProps) {
  return (
    <t-checkbox
      checked={checked}
      label={label}
      content={description}
      disabled={disabled}
      onChange={(e: Detail<{ checked: boolean }>) => onChange(e.detail.checked)}
    />
  )
}

export function RadioGroup<V extends string>({ value, options, onChange }: RadioGroupProps<V>) {
  return (
    <View className="ui-radio-group">
      {options.map((option) => (
        <t-radio
          key={option.value}
          value={option.value}
          label={option.label}
          checked={option.value === value}
          disabled={option.disabled ?? false}
          onChange={(e: Detail<{ checked: boolean }>) => {
            if (e.detail.checked) onChange(option.value)
          }}
        />
      ))}
    </View>
  )
}

// t-stepper names its −/+ buttons itself (减少 / 增加); its number field takes no aria-label, so `label` is H5-only.
export function Stepper({ value, onChange, min = 0, max = 99, disabled = false }: StepperProps) {
  return (
    <t-stepper
      value={value}
      min={min}
      max={max}
      disabled={disabled}
      integer
      theme="filled"
      onChange={(e: Detail<{ value: number | string }>) => onChange(Number(e.detail.value))}
    />
  )
}

const ERROR_DESCRIPTION_STYLE = '--td-cell-description-color: var(--ma-color-danger);'

function FieldRow({ label, text, placeholder, error, required }: {
  label: string
  text: string | null
  placeholder: string
  error: string
  required: boolean
}) {
  // The error is the cell's description, which TDesign greys; its colour variable is inherited into the component, so the
  // host's style makes it the red every other field error is (the toast tells the user to look for red text).
  return (
    <t-cell
      title={label}
      note={text ?? placeholder}
      description={error}
      style={error ? ERROR_DESCRIPTION_STYLE : ''}
      arrow
      required={required}
      hover
    />
  )
}

export function Picker<V extends string>({ label, value, options, onChange, placeholder = '请选择', error = '', required = false, disabled = false }: PickerProps<V>) {
  const enabled = options.filter((option) => !option.disabled)
  const index = enabled.findIndex((option) => option.value === value)
  const selected = index >= 0 ? enabled[index] : null
  return (
    <NativePicker
      mode="selector"
      range={enabled.map((option) => option.label)}
      value={Math.max(index, 0)}
      disabled={disabled}
      onChange={(e) => {
        const picked = enabled[Number(e.detail.value)]
        if (picked) onChange(picked.value)
      }}
    >
      <FieldRow label={label} text={selected?.label ?? null} placeholder={placeholder} error={error} required={required} />
    </NativePicker>
  )
}

export function DatePicker({ label, value, onChange, start, end, placeholder = '请选择日期', error = '', required = false }: DatePickerProps) {
  return (
    <NativePicker
      mode="date"
      value={value ?? initialPickerDay(start, end)}
      start={start}
      end={end}
      onChange={(e) => onChange(String(e.detail.value))}
    >
      <FieldRow label={label} text={value} placeholder={placeholder} error={error} required={required} />
    </NativePicker>
  )
}
