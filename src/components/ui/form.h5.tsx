import { useState } from 'react'
import {
  Cell as TCell,
  Checkbox as TCheckbox,
  DateTimePicker,
  Input as TInput,
  Picker as TPicker,
  Popup,
  Radio as TRadio,
  RadioGroup as TRadioGroup,
  Search as TSearch,
  Stepper as TStepper,
  Textarea as TTextarea,
} from 'tdesign-mobile-react'
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
import { useButtonRole, useCheckboxA11y, useNamedChoices, useNamedControl } from './tdesign-a11y'
import './form.h5.scss'

// Weapp-only keyboard types map onto the closest HTML input type.
const HTML_TYPE: Record<NonNullable<InputProps['type']>, 'text' | 'number' | 'tel' | 'password'> = {
  text: 'text',
  number: 'number',
  digit: 'text',
  idcard: 'text',
  tel: 'tel',
  password: 'password',
}

export function Input({ label, value, onChange, placeholder, error, tips, type = 'text', maxLength, disabled, required, suffix, layout = 'horizontal' }: InputProps) {
  const named = useNamedControl(label, required, error)
  return (
    <TInput
      {...named}
      label={required ? <span className="ui-required">{label}</span> : label}
      value={value}
      onChange={(next) => onChange(String(next ?? ''))}
      placeholder={placeholder}
      status={error ? 'error' : 'default'}
      tips={error || tips}
      type={HTML_TYPE[type]}
      maxlength={maxLength}
      disabled={disabled}
      suffix={suffix}
      layout={layout}
      clearable={!disabled}
      clearTrigger="focus"
    />
  )
}

export function Textarea({ label, value, onChange, placeholder, error, maxLength, autoFocus }: TextareaProps) {
  const named = useNamedControl(label, false, error)
  return (
    <div className="ui-textarea" {...named}>
      <TTextarea
        label={label}
        value={value}
        onChange={(next) => onChange(String(next ?? ''))}
        placeholder={placeholder}
        maxlength={maxLength}
        indicator={maxLength !== undefined}
        autosize={{ minRows: 3 }}
        autofocus={autoFocus}
      />
      {error ? <div className="ui-field-error">{error}</div> : null}
    </div>
  )
}

export function Search({ value, onChange, onSubmit, placeholder = '搜索' }: SearchProps) {
  return (
    <div className="ui-search">
      <TSearch
        value={value}
        onChange={(next) => onChange(next)}
        onSubmit={(context) => onSubmit?.(context.value)}
        placeholder={placeholder}
        shape="round"
        clearable
        clearTrigger="focus"
      />
    </div>
  )
}

export function Checkbox({ checked, onChange, label, description, disabled }: CheckboxProps) {
  const a11y = useCheckboxA11y(label, checked, disabled === true)
  return (
    <TCheckbox
      ref={a11y}
      checked={checked}
      onChange={(next) => onChange(next)}
      label={label}
      content={description}
      disabled={disabled}
    />
  )
}

export function RadioGroup<V extends string>({ value, options, onChange }: RadioGroupProps<V>) {
  const named = useNamedChoices()
  return (
    <div className="ui-radio-group" {...named}>
      <TRadioGroup value={value ?? undefined} onChange={(next) => onChange(String(next) as V)}>
        {options.map((option) => (
          <TRadio key={option.value} value={option.value} label={option.label} disabled={option.disabled} />
        ))}
      </TRadioGroup>
    </div>
  )
}

export function Stepper({ label, value, onChange, min = 0, max = 99, disabled }: StepperProps) {
  const named = useNamedControl(label)
  return (
    <span className="ui-stepper" {...named}>
      <TStepper
        value={value}
        min={min}
        max={max}
        disabled={disabled}
        integer
        theme="filled"
        onChange={(next) => onChange(Number(next))}
      />
    </span>
  )
}

function FieldRow({ label, text, placeholder, error, required, onOpen }: {
  label: string
  text: string | null
  placeholder: string
  error?: string
  required?: boolean
  /** null: disabled, the row does not open. */
  onOpen: (() => void) | null
}) {
  // Named by what it shows (label, value or placeholder, error): a name differing from the visible text confuses voice control.
  const button = useButtonRole('', onOpen)
  return (
    <TCell
      {...button}
      title={label}
      required={required}
      note={text ? <span className="ui-picker-value">{text}</span> : <span className="ui-placeholder">{placeholder}</span>}
      description={error ? <span className="ui-field-error ui-field-error--in-cell">{error}</span> : undefined}
      arrow
      hover
      onClick={onOpen ?? undefined}
    />
  )
}

export function Picker<V extends string>({ label, value, options, onChange, placeholder = '请选择', error, required, disabled }: PickerProps<V>) {
  const [open, setOpen] = useState(false)
  const selected = options.find((option) => option.value === value) ?? null
  const enabled = options.filter((option) => !option.disabled)
  return (
    <>
      <FieldRow
        label={label}
        text={selected?.label ?? null}
        placeholder={placeholder}
        error={error}
        required={required}
        onOpen={disabled ? null : () => setOpen(true)}
      />
      <Popup visible={open} placement="bottom" onVisibleChange={setOpen} destroyOnClose>
        <TPicker
          title={label}
          columns={enabled.map((option) => ({ label: option.label, value: option.value }))}
          value={selected ? [selected.value] : undefined}
          onConfirm={(picked) => {
            setOpen(false)
            const [first] = picked
            if (first !== undefined) onChange(String(first) as V)
          }}
          onCancel={() => setOpen(false)}
        />
      </Popup>
    </>
  )
}

export function DatePicker({ label, value, onChange, start, end, placeholder = '请选择日期', error, required }: DatePickerProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <FieldRow label={label} text={value} placeholder={placeholder} error={error} required={required} onOpen={() => setOpen(true)} />
      <Popup visible={open} placement="bottom" onVisibleChange={setOpen} destroyOnClose>
        <DateTimePicker
          title={label}
          mode="date"
          format="YYYY-MM-DD"
          value={value ?? initialPickerDay(start, end)}
          start={start}
          end={end}
          onConfirm={(picked) => {
            setOpen(false)
            onChange(String(picked))
          }}
          onCancel={() => setOpen(false)}
        />
      </Popup>
    </>
  )
}
