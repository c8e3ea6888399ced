import type { ReactNode } from 'react'

export type ButtonTheme = 'default' | 'primary' | 'danger' | 'light'
export type ButtonVariant = 'base' | 'outline' | 'dashed' | 'text'

export interface ButtonProps {
  children: ReactNode
  theme?: ButtonTheme
  variant?: ButtonVariant
  size?: 'small' | 'medium' | 'large'
  block?: boolean
  disabled?: boolean
  loading?: boolean
  onClick?: () => void
  className?: string
}

export interface CellProps {
  title: ReactNode
  /** Smaller grey line under the title. */
  description?: ReactNode
  /** Right-hand value. */
  note?: ReactNode
  /** Shows the chevron (›): the row navigates somewhere. */
  arrow?: boolean
  required?: boolean
  onClick?: () => void
}

export interface CellGroupProps {
  title?: string
  /** 'card' = rounded white card with side margins (TDesign's card theme). */
  theme?: 'default' | 'card'
  children: ReactNode
}

export type TagTheme = 'default' | 'primary' | 'warning' | 'danger' | 'success'

export interface TagProps {
  children: ReactNode
  theme?: TagTheme
  variant?: 'dark' | 'light' | 'outline' | 'light-outline'
  size?: 'small' | 'medium' | 'large'
}

export interface EmptyProps {
  description: string
  /** Optional call to action under the text, e.g. a Button. */
  action?: ReactNode
}

export interface LoadingProps {
  text?: string
  /** Centres the indicator in a tall block (page-level loading). */
  block?: boolean
}

export interface StepsProps {
  /** Index of the current step, from 0. */
  current: number
  items: ReadonlyArray<{ title: string; content?: string }>
  layout?: 'horizontal' | 'vertical'
  /** Marks the current step as failed (e.g. a rejected claim). */
  currentStatus?: 'default' | 'process' | 'finish' | 'error'
}

export interface TabsProps<V extends string = string> {
  value: V
  items: ReadonlyArray<{ value: V; label: string }>
  onChange: (value: V) => void
}

/** TDesign icon names used across the app (the same names exist in tdesign-miniprogram's t-icon). */
export type IconName =
  | 'secured'
  | 'add-circle'
  | 'file-paste'
  | 'notification'
  | 'usergroup'
  | 'edit-1'
  | 'view-list'
  | 'certificate'
  | 'city'
  | 'task-checked'
  | 'user-add'
  | 'wallet'
  | 'chart-bar'
  | 'chevron-right'
  | 'user'
  | 'swap'
  | 'error-circle'
  | 'check-circle'
  | 'info-circle'
  | 'help-circle'
  | 'setting'
  | 'alarm'

export interface IconProps {
  name: IconName
  /** Size in design units of a 750-wide screen (rpx on weapp; half as many CSS px on h5). */
  size?: number
  color?: string
}

/** A photo shown cropped to fill its box (a thumbnail of a claim page). */
export interface PhotoProps {
  src: string
  /** What the photo is, read by screen readers: '住院费用票据 第 1 页'. '' only for a purely decorative picture. */
  alt: string
  className?: string
  onClick?: () => void
}
