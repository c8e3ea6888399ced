/**
 * The app's one way to load what a page shows from the cloud. Each action is called once when the page opens (and
 * again when its key changes), once more each time the page is shown again after another page, and on 重试 —
 * never twice for one open. Answers that arrive after a newer load started, or after the page closed, are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Envelope } from './cloud.types'
import { appendPage, toPage, type Page, type PageAnswer } from './pages'
import { usePageShownAgain } from './page-shown-again'

export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'error'; code: string; message: string }
  /** `refreshing`: the data shown is being loaded again (page shown again, or `reload()`). */
  | { status: 'ready'; data: T; refreshing: boolean }

export type Loaded<T> = LoadState<T> & {
  /** Loads again, keeping what is shown until the answer arrives (重试, or after a change the page made). */
  reload: () => void
}

export interface LoadOptions<T> {
  /** Load only while true (e.g. once the session is known); default true. */
  enabled?: boolean
  /** Load again when the page is shown again after another page; default true. */
  refreshOnShow?: boolean
  /** Called with each successful answer as it arrives (to seed a form's state from it), never with a dropped one. */
  onReady?: (data: T) => void
}

const LOADING = { status: 'loading' } as const

/** A failure that is not an envelope (a bug in a loader): the person still gets a sentence and 重试. */
const UNEXPECTED = { ok: false, code: 'UNEXPECTED', message: '加载失败，请稍后重试' } as const

/**
 * Loads `load()` for the current `key` (the values the call depends on: ids, filters; compared by value).
 *
 * @example const claim = useLoad(() => claimsApi.get(id), [id])
 */
export function useLoad<T>(load: () => Promise<Envelope<T>>, key: readonly unknown[], options: LoadOptions<T> = {}): Loaded<T> {
  const { enabled = true, refreshOnShow = true } = options
  const [state, setState] = useState<LoadState<T>>(LOADING)
  const latest = useRef({ load, onReady: options.onReady, enabled, refreshOnShow })
  latest.current = { load, onReady: options.onReady, enabled, refreshOnShow }
  // Each load takes a number; only the newest may change the state (a slow answer never overwrites a newer one).
  const sequence = useRef(0)

  const run = useCallback((keep: boolean) => {
    const mine = ++sequence.current
    setState((s) => (keep && s.status === 'ready' ? { ...s, refreshing: true } : LOADING))
    const settle = (answer: Envelope<T>) => {
      if (mine !== sequence.current) return
      if (!answer.ok) {
        setState({ status: 'error', code: answer.code, message: answer.message })
        return
      }
      setState({ status: 'ready', data: answer.data, refreshing: false })
      latest.current.onReady?.(answer.data)
    }
    latest.current.load().then(settle, (err: unknown) => {
      console.error('[useLoad] the loader threw', err)
      settle(UNEXPECTED)
    })
  }, [])

  const keyText = JSON.stringify(key)
  useEffect(() => {
    if (enabled) run(false)
  }, [keyText, enabled, run])

  // Closing the page drops whatever is still on its way.
  useEffect(() => () => void ++sequence.current, [])

  usePageShownAgain(() => {
    if (latest.current.enabled && latest.current.refreshOnShow) run(true)
  })

  const reload = useCallback(() => {
    if (latest.current.enabled) run(true)
  }, [run])
  return { ...state, reload }
}

export type PagedLoaded<A extends PageAnswer<unknown>> = Loaded<Page<A>> & {
  /** Appends the next page; does nothing on the last page or while one is on its way. */
  loadMore: () => void
  /** The next page is on its way. */
  loadingMore: boolean
  /** Why the last `loadMore` failed (shown under the list with a way to try again), or null. */
  moreError: string | null
}

/**
 * A list that grows by pages: `loadPage()` loads the first page when the page opens; `loadMore()` appends the page
 * after the last one shown (`loadPage(nextCursor)`). Reloading (shown again, 重试, a new key) starts again from the
 * first page (`onReady` sees each first page). Lists answered all at once (an array, or { items, total } without
 * `nextCursor`) are one page.
 *
 * @example const claims = usePagedLoad((cursor) => claimsApi.mine(cursor), [])
 */
export function usePagedLoad<A extends PageAnswer<unknown>>(
  loadPage: (cursor?: string) => Promise<Envelope<A>>,
  key: readonly unknown[],
  options: LoadOptions<Page<A>> = {},
): PagedLoaded<A> {
  const first = useLoad(
    async (): Promise<Envelope<Page<A>>> => {
      const answer = await loadPage(undefined)
      return answer.ok ? { ok: true, data: toPage(answer.data) } : answer
    },
    key,
    options,
  )
  const firstData = first.status === 'ready' ? first.data : null
  // Pages appended to `base` (the first page they follow); a new first page makes them stale.
  const [grown, setGrown] = useState<{ base: Page<A>; list: Page<A> } | null>(null)
  const [more, setMore] = useState<{ base: Page<A> | null; loading: boolean; error: string | null }>({ base: null, loading: false, error: null })
  const list = grown && grown.base === firstData ? grown.list : firstData
  const latest = useRef({ list, firstData, loadPage, busy: false })
  latest.current = { ...latest.current, list, firstData, loadPage }

  const loadMore = useCallback(() => {
    const { list: shown, firstData: base, busy } = latest.current
    if (busy || !shown?.nextCursor || !base) return
    latest.current.busy = true
    setMore({ base, loading: true, error: null })
    const settle = (answer: Envelope<A>) => {
      latest.current.busy = false
      if (latest.current.firstData !== base) return setMore({ base: null, loading: false, error: null })
      if (!answer.ok) return setMore({ base, loading: false, error: answer.message })
      setGrown({ base, list: appendPage(shown, toPage(answer.data)) })
      setMore({ base, loading: false, error: null })
    }
    latest.current.loadPage(shown.nextCursor).then(settle, (err: unknown) => {
      console.error('[usePagedLoad] the loader threw', err)
      settle(UNEXPECTED)
    })
  }, [])

  const state: LoadState<Page<A>> = first.status === 'ready' && list ? { ...first, data: list } : first
  const current = more.base !== null && more.base === firstData
  return { ...state, reload: first.reload, loadMore, loadingMore: current && more.loading, moreError: current ? more.error : null }
}
