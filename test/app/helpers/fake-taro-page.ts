/**
 * Stands in for `@tarojs/taro` in tests of hooks: `useDidShow` / `useDidHide` register the way Taro's do (in a layout
 * effect, always calling the latest callback), and `taroPage` plays a page's lifecycle in Taro's order — mount, then
 * the first onShow once mounted (runtime dsl/common.ts: `hasLoaded.then(… ON_SHOW …)`), onHide when another page
 * opens on top or the app goes to the background, onShow again on return.
 *
 * Use: `jest.mock('@tarojs/taro', () => require('./helpers/fake-taro-page'))`.
 */
import { createElement, useLayoutEffect, useRef, type ReactElement } from 'react'
import TestRenderer, { act, type ReactTestRenderer } from 'react-test-renderer'

const listeners = { show: new Set<() => void>(), hide: new Set<() => void>() }

function lifecycleHook(kind: 'show' | 'hide') {
  return (fn: () => void): void => {
    const latest = useRef(fn)
    latest.current = fn
    useLayoutEffect(() => {
      const callback = () => latest.current()
      listeners[kind].add(callback)
      return () => void listeners[kind].delete(callback)
    }, [])
  }
}

export const useDidShow = lifecycleHook('show')
export const useDidHide = lifecycleHook('hide')

/**
 * Navigation and storage a hook may use, recorded for assertions. `refuse` makes the next navigation fail as Taro's
 * does (e.g. a page not in app.json, or 10 pages already open).
 */
export const navigation: { redirects: string[]; relaunches: string[]; opened: string[]; backs: number; refuse: boolean } = {
  redirects: [],
  relaunches: [],
  opened: [],
  backs: 0,
  refuse: false,
}
function navigate(record: () => void): Promise<void> {
  if (navigation.refuse) {
    navigation.refuse = false
    return Promise.reject(new Error('navigation refused'))
  }
  record()
  return Promise.resolve()
}
const storage = new Map<string, unknown>()
const Taro = {
  redirectTo: ({ url }: { url: string }) => navigate(() => void navigation.redirects.push(url)),
  reLaunch: ({ url }: { url: string }) => navigate(() => void navigation.relaunches.push(url)),
  navigateTo: ({ url }: { url: string }) => navigate(() => void navigation.opened.push(url)),
  navigateBack: () => navigate(() => void (navigation.backs += 1)),
  getStorageSync: (key: string) => storage.get(key) ?? '',
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
}
export default Taro

/** Lets every settled promise's callbacks run (answers arriving, state updates). */
export async function flush(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve()
  })
}

export interface TaroPage {
  renderer: ReactTestRenderer
  /** Another page opens on top (navigateTo), or the app goes to the background. */
  hide(): Promise<void>
  /** Back on this page. */
  show(): Promise<void>
  /** The page is closed (navigateBack past it, redirectTo). */
  close(): Promise<void>
  /** Re-renders the page component with new props. */
  update(element: ReactElement): Promise<void>
}

/** Opens a page: mounts `element`, then delivers the first onShow as Taro does. */
export async function openPage(element: ReactElement): Promise<TaroPage> {
  let renderer!: ReactTestRenderer
  await act(async () => {
    renderer = TestRenderer.create(element)
  })
  const fire = async (kind: 'show' | 'hide') => {
    await act(async () => {
      for (const callback of [...listeners[kind]]) callback()
    })
    await flush()
  }
  await fire('show')
  return {
    renderer,
    hide: () => fire('hide'),
    show: () => fire('show'),
    close: async () => {
      await act(async () => renderer.unmount())
      await flush()
    },
    update: async (next) => {
      await act(async () => renderer.update(next))
      await flush()
    },
  }
}

/** A component that runs `useHook(props)` and exposes what it returned on the last render, for assertions. */
export function probe<P extends object, T>(useHook: (props: P) => T): { element: (props: P) => ReactElement; current: () => T } {
  const seen: { value?: T } = {}
  function Probe(props: P) {
    seen.value = useHook(props)
    return null
  }
  return { element: (props) => createElement(Probe, props), current: () => seen.value as T }
}
