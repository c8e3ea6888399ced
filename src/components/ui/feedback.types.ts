export interface ConfirmOptions {
  title: string
  content: string
  confirmText?: string
  cancelText?: string
  /** Red confirm button for irreversible actions (退回, 拒付 …). */
  danger?: boolean
}

export type ToastTheme = 'success' | 'error' | 'warning' | 'info' | 'loading'
