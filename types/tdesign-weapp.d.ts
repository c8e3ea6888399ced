// Native tdesign-miniprogram components used by the weapp UI kit (src/components/ui/*.weapp.tsx).
// Their props are the native component's properties; events arrive as `{ detail }`.
import type { ReactNode } from 'react'

type NativeProps = {
  children?: ReactNode
  key?: string | number
  class?: string
  slot?: string
  [prop: string]: unknown
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      't-button': NativeProps
      't-cell': NativeProps
      't-cell-group': NativeProps
      't-input': NativeProps
      't-textarea': NativeProps
      't-tag': NativeProps
      't-empty': NativeProps
      't-loading': NativeProps
      't-steps': NativeProps
      't-step-item': NativeProps
      't-tabs': NativeProps
      't-tab-panel': NativeProps
      't-search': NativeProps
      't-checkbox': NativeProps
      't-radio': NativeProps
      't-stepper': NativeProps
      't-icon': NativeProps
    }
  }
}
