import { useCallback, useEffect, useState } from 'react'
import type { Envelope } from '@/services/cloud'

export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string; code: string }
  | { status: 'ready'; data: T }

/** Loads one envelope-returning call; `reload()` runs it again (after a change, or 重试). */
export function useLoad<T>(load: () => Promise<Envelope<T>>, deps: unknown[]): Loaded<T> & { reload: () => void } {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' })
  const [tick, setTick] = useState(0)
  useEffect(() => {
    let alive = true
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }))
    void load().then((answer) => {
      if (!alive) return
      setState(answer.ok ? { status: 'ready', data: answer.data } : { status: 'error', message: answer.message, code: answer.code })
    })
    return () => {
      alive = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick])
  const reload = useCallback(() => setTick((t) => t + 1), [])
  return { ...state, reload }
}
