import { Dialog, Toast } from 'tdesign-mobile-react'
import type { ConfirmOptions, ToastTheme } from './feedback.types'
import './feedback.h5.scss'

/** Asks the user to confirm; resolves true on 确定, false on 取消 or closing the dialog. */
export function confirm({ title, content, confirmText = '确定', cancelText = '取消', danger = false }: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    let settled = false
    const settle = (answer: boolean) => {
      if (settled) return
      settled = true
      resolve(answer)
    }
    const open = Dialog.confirm
    if (!open) {
      settle(window.confirm(`${title}\n${content}`))
      return
    }
    open({
      title,
      content,
      confirmBtn: { content: confirmText, theme: danger ? 'danger' : 'primary', variant: 'text' },
      cancelBtn: { content: cancelText, variant: 'text' },
      onConfirm: () => settle(true),
      onCancel: () => settle(false),
      onClose: () => settle(false),
    })
  })
}

/** Short message at the middle of the screen. */
export function toast(message: string, theme: ToastTheme = 'info'): void {
  Toast({ message, theme: theme === 'info' ? undefined : theme, duration: theme === 'error' ? 3000 : 2000 })
}
