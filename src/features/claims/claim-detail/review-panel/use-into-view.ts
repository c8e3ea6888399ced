import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { focusFirstField } from './focus-first-field'

/**
 * A review form opens under a long claim page: scroll it into view as it appears (its element carries `id`), so the
 * reviewer sees what they opened instead of nothing happening.
 */
export function useIntoView(id: string, focus = false): void {
  useEffect(() => {
    // After the form has rendered; a page that cannot scroll (or an old base library) just stays where it is.
    const timer = setTimeout(() => {
      void Taro.pageScrollTo({ selector: `#${id}`, duration: 300 })
        .catch(() => undefined)
        .then(() => focus && focusFirstField(id))
    }, 50)
    return () => clearTimeout(timer)
  }, [id, focus])
}
