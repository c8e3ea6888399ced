import { useRef } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'

/**
 * Calls `callback` when the page is shown again after it was hidden (back from a page opened on top of it, or the
 * app back from the background) — never on the page's first show. Taro delivers the first `onShow` after the page
 * has mounted (weapp and h5 alike), so a load started on mount and reloaded on every show would run twice on opening;
 * keying the reload on a preceding hide makes it independent of that order.
 */
export function usePageShownAgain(callback: () => void): void {
  const hidden = useRef(false)
  const latest = useRef(callback)
  latest.current = callback
  useDidHide(() => {
    hidden.current = true
  })
  useDidShow(() => {
    if (!hidden.current) return
    hidden.current = false
    latest.current()
  })
}
