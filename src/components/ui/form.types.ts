export interface InputProps {
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  /** Shown in red under the field; also marks the field as invalid. */
  error?: string
  /** Grey hint under the field when there is no error. */
  tips?: string
  type?: 'text' | 'number' | 'digit' | 'idcard' | 'tel' | 'password'
  maxLength?: number
  disabled?: boolean
  required?: boolean
  /** Text after the field, e.g. a unit like '元'. */
  suffix?: string
  /** `vertical`: the label above the field, for labels too long to sit beside it on a phone. Default `horizontal`. */
  layout?: 'horizontal' | 'vertical'
}

export interface TextareaProps {
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  error?: string
  maxLength?: number
  /** Focus it as it appears (a review form opened at the bottom of a long page). */
  autoFocus?: boolean
}

export interface SearchProps {
  value: string
  onChange: (value: string) => void
  /** Keyboard "search" / enter. */
  onSubmit?: (value: string) => void
  placeholder?: string
}

export interface CheckboxProps {
  checked: boolean
  onChange: (checked: boolean) => void
  label: string
  description?: string
  disabled?: boolean
}

export interface Option<V extends string = string> {
  value: V
  label: string
  disabled?: boolean
}

export interface RadioGroupProps<V extends string = string> {
  value: V | null
  options: ReadonlyArray<Option<V>>
  onChange: (value: V) => void
}

export interface StepperProps {
  /** What the number counts ('每人参加份额'): the name screen readers give the number field (H5). */
  label: string
  value: number
  onChange: (value: number) => void
  min?: number
  max?: number
  disabled?: boolean
}

export interface PickerProps<V extends string = string> {
  label: string
  value: V | null
  options: ReadonlyArray<Option<V>>
  onChange: (value: V) => void
  placeholder?: string
  error?: string
  required?: boolean
  disabled?: boolean
}

/** Picks a calendar day; value and answer are `YYYY-MM-DD` strings (no Date objects cross this boundary). */
export interface DatePickerProps {
  label: string
  value: string | null
  onChange: (value: string) => void
  /** Earliest / latest selectable day, `YYYY-MM-DD`. */
  start?: string
  end?: string
  placeholder?: string
  error?: string
  required?: boolean
}
