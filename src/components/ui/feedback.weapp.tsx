// The platform's own modal and toast: no per-page <t-dialog>/<t-toast> host element needed.
import Taro from '@tarojs/taro'
import type { ConfirmOptions, ToastTheme } from './feedback.types'

const TDESIGN_BRAND = '#0052d9'
const TDESIGN_DANGER = '#d54941'

/** Asks the user to confirm; resolves true on 确定, false on 取消. */
export async function confirm({ title, content, confirmText = '确定', cancelText = '取消', danger = false }: ConfirmOptions): Promise<boolean> {
  try {
    const answer = await Taro.showModal({
      title,
      content,
      confirmText,
      cancelText,
      confirmColor: danger ? TDESIGN_DANGER : TDESIGN_BRAND,
    })
    return answer.confirm
  } catch {
    return false
  }
}

/** Short message; long texts fall back to the icon-less toast, which shows two lines. */
export function toast(message: string, theme: ToastTheme = 'info'): void {
  const icon = theme === 'success' ? 'success' : theme === 'loading' ? 'loading' : theme === 'error' ? 'error' : 'none'
  void Taro.showToast({ title: message, icon: message.length > 7 && icon !== 'loading' ? 'none' : icon, duration: theme === 'error' ? 3000 : 2000 })
}
