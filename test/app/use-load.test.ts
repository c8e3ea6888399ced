/**
 * The one data-loading hook: each action once per page open (counted), once more per show after another page, never
 * on the first show; loading / error (the envelope's message, 重试) / ready; stale answers dropped; cursor pages.
 * The page lifecycle is played in Taro's order by test/app/helpers/fake-taro-page.ts.
 */
import { act } from 'react-test-renderer'
import type { Envelope } from '../../src/services/cloud.types'
import { usePagedLoad, useLoad, type LoadOptions } from '../../src/services/use-load'
import { flush, openPage, probe } from './helpers/fake-taro-page'

jest.mock('@tarojs/taro', () => require('./helpers/fake-taro-page'))

/** A fake action: counts calls, remembers inputs, answers when told (or at once with `auto`). */
function fakeAction<I, T>(answer: (input: I, n: number) => Envelope<T>, auto = true) {
  const calls: I[] = []
  const waiting: Array<() => void> = []
  const fn = (input: I): Promise<Envelope<T>> => {
    calls.push(input)
    const n = calls.length
    return new Promise((resolve) => {
      const settle = () => resolve(answer(input, n))
      if (auto) settle()
      else waiting.push(settle)
    })
  }
  return {
    fn,
    calls,
    /** Answers the oldest waiting call. */
    answerNext: async () => {
      waiting.shift()?.()
      await flush()
    },
    /** Answers the call made `index`-th (0-based) among those still waiting. */
    answerAt: async (index: number) => {
      waiting.splice(index, 1)[0]?.()
      await flush()
    },
  }
}

const ok = <T>(data: T): Envelope<T> => ({ ok: true, data })

describe('useLoad: once per page open', () => {
  it('calls the action exactly once when a page opens (mount, then the first show) and shows the answer', async () => {
    const action = fakeAction((id: string) => ok({ id }))
    const p = probe((props: { id: string }) => useLoad(() => action.fn(props.id), [props.id]))
    await openPage(p.element({ id: 'c1' }))
    expect(action.calls).toEqual(['c1'])
    expect(p.current()).toMatchObject({ status: 'ready', data: { id: 'c1' }, refreshing: false })
  })

  it('calls once more each time the page is shown again after another page, keeping the data shown meanwhile', async () => {
    const action = fakeAction((_: null, n: number) => ok({ n }), false)
    const p = probe(() => useLoad(() => action.fn(null), []))
    const page = await openPage(p.element({}))
    expect(p.current().status).toBe('loading')
    await action.answerNext()
    expect(p.current()).toMatchObject({ status: 'ready', data: { n: 1 } })

    await page.hide()
    expect(action.calls).toHaveLength(1) // hiding loads nothing
    await page.show()
    expect(action.calls).toHaveLength(2)
    expect(p.current()).toMatchObject({ status: 'ready', data: { n: 1 }, refreshing: true })
    await action.answerNext()
    expect(p.current()).toMatchObject({ status: 'ready', data: { n: 2 }, refreshing: false })

    await page.hide()
    await page.show()
    await action.answerNext()
    expect(action.calls).toHaveLength(3)
  })

  it('does not load on a show that follows no hide (a second onShow of the same open)', async () => {
    const action = fakeAction(() => ok(1))
    const p = probe(() => useLoad(() => action.fn(null), []))
    const page = await openPage(p.element({}))
    await page.show()
    expect(action.calls).toHaveLength(1)
  })

  it('shows the envelope’s message and code on failure; reload (重试) calls once more and recovers', async () => {
    const action = fakeAction((_: null, n: number): Envelope<string> => (n === 1 ? { ok: false, code: 'NETWORK', message: '网络不稳定，请稍后重试' } : ok('好了')))
    const p = probe(() => useLoad(() => action.fn(null), []))
    await openPage(p.element({}))
    expect(p.current()).toMatchObject({ status: 'error', code: 'NETWORK', message: '网络不稳定，请稍后重试' })
    await act(async () => p.current().reload())
    await flush()
    expect(action.calls).toHaveLength(2)
    expect(p.current()).toMatchObject({ status: 'ready', data: '好了' })
  })

  it('a loader that throws becomes an error with a sentence, not a crash', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined)
    const p = probe(() => useLoad((): Promise<Envelope<number>> => Promise.reject(new Error('bug')), []))
    await openPage(p.element({}))
    expect(p.current()).toMatchObject({ status: 'error', code: 'UNEXPECTED', message: '加载失败，请稍后重试' })
  })

  it('a new key loads once for it; an older answer arriving later never replaces the newer one', async () => {
    const action = fakeAction((tab: string) => ok(`list of ${tab}`), false)
    const p = probe((props: { tab: string }) => useLoad(() => action.fn(props.tab), [props.tab]))
    const page = await openPage(p.element({ tab: 'all' }))
    await page.update(p.element({ tab: 'paid' }))
    expect(action.calls).toEqual(['all', 'paid'])
    await action.answerAt(1) // 'paid' answers first …
    expect(p.current()).toMatchObject({ status: 'ready', data: 'list of paid' })
    await action.answerNext() // … then the stale 'all'
    expect(p.current()).toMatchObject({ status: 'ready', data: 'list of paid' })
    await page.update(p.element({ tab: 'paid' })) // same key, new render: no call
    expect(action.calls).toHaveLength(2)
  })

  it('keys are compared by value, so a new array or object with the same values does not load again', async () => {
    const action = fakeAction(() => ok(1))
    const p = probe((props: { filter: { status: string } }) => useLoad(() => action.fn(null), [props.filter]))
    const page = await openPage(p.element({ filter: { status: 'a' } }))
    await page.update(p.element({ filter: { status: 'a' } }))
    expect(action.calls).toHaveLength(1)
  })

  it('waits while disabled (e.g. for the session), then loads once', async () => {
    const action = fakeAction(() => ok('x'))
    const p = probe((props: { ready: boolean }) => useLoad(() => action.fn(null), [], { enabled: props.ready }))
    const page = await openPage(p.element({ ready: false }))
    await page.hide()
    await page.show()
    expect(action.calls).toHaveLength(0)
    expect(p.current().status).toBe('loading')
    await page.update(p.element({ ready: true }))
    expect(action.calls).toHaveLength(1)
    expect(p.current().status).toBe('ready')
  })

  it('refreshOnShow: false keeps a form’s data when the page comes back (e.g. from the photo picker)', async () => {
    const action = fakeAction(() => ok('draft'))
    const options: LoadOptions<string> = { refreshOnShow: false }
    const p = probe(() => useLoad(() => action.fn(null), [], options))
    const page = await openPage(p.element({}))
    await page.hide()
    await page.show()
    expect(action.calls).toHaveLength(1)
  })

  it('onReady sees each applied answer once, and never an answer that arrives after the page closed', async () => {
    const action = fakeAction((_: null, n: number) => ok(n), false)
    const seen: number[] = []
    const p = probe(() => useLoad(() => action.fn(null), [], { onReady: (n) => seen.push(n) }))
    const page = await openPage(p.element({}))
    await action.answerNext()
    await page.hide()
    await page.show()
    await page.close()
    await action.answerNext()
    expect(seen).toEqual([1])
  })
})

describe('usePagedLoad: lists that grow by pages', () => {
  type Row = { id: number }
  /** A server list of `size` rows answered as cursor pages of `limit`. */
  function cursorList(size: number, limit: number, auto = true) {
    return fakeAction((cursor: string | undefined, n: number): Envelope<{ items: Row[]; nextCursor: string | null; total: number; unread: number }> => {
      const from = cursor ? Number(cursor) : 0
      const items = Array.from({ length: Math.max(0, Math.min(limit, size - from)) }, (_, i) => ({ id: from + i }))
      const next = from + items.length
      return ok({ items, nextCursor: next < size ? String(next) : null, total: size, unread: n })
    }, auto)
  }

  it('opens with the first page (one call), loadMore appends the next by its cursor, the last page ends it', async () => {
    const list = cursorList(5, 2)
    const p = probe(() => usePagedLoad((cursor) => list.fn(cursor), []))
    await openPage(p.element({}))
    expect(list.calls).toEqual([undefined])
    let s = p.current()
    if (s.status !== 'ready') throw new Error('not ready')
    expect(s.data.items.map((r) => r.id)).toEqual([0, 1])
    expect(s.data).toMatchObject({ total: 5, nextCursor: '2', unread: 1 })

    await act(async () => p.current().loadMore())
    await flush()
    await act(async () => p.current().loadMore())
    await flush()
    s = p.current()
    if (s.status !== 'ready') throw new Error('not ready')
    expect(list.calls).toEqual([undefined, '2', '4'])
    expect(s.data.items.map((r) => r.id)).toEqual([0, 1, 2, 3, 4])
    expect(s.data.nextCursor).toBeNull()
    expect(s.data.unread).toBe(1) // fields beside the list stay those of the first page

    await act(async () => p.current().loadMore())
    await flush()
    expect(list.calls).toHaveLength(3) // nothing after the last page
  })

  it('a second loadMore while one is on its way calls nothing', async () => {
    const list = cursorList(10, 3, false)
    const p = probe(() => usePagedLoad((cursor) => list.fn(cursor), []))
    await openPage(p.element({}))
    await list.answerNext()
    await act(async () => {
      p.current().loadMore()
      p.current().loadMore()
    })
    expect(p.current().loadingMore).toBe(true)
    expect(list.calls).toEqual([undefined, '3'])
    await list.answerNext()
    expect(p.current().loadingMore).toBe(false)
  })

  it('a failed page keeps the list and says why; the next loadMore tries the same cursor again', async () => {
    let fail = true
    const list = cursorList(4, 2)
    const p = probe(() =>
      usePagedLoad((cursor) => (cursor && fail ? Promise.resolve<Envelope<never>>({ ok: false, code: 'NETWORK', message: '网络不稳定' }) : list.fn(cursor)), []),
    )
    await openPage(p.element({}))
    await act(async () => p.current().loadMore())
    await flush()
    expect(p.current().moreError).toBe('网络不稳定')
    expect(p.current().status).toBe('ready')
    fail = false
    await act(async () => p.current().loadMore())
    await flush()
    const s = p.current()
    expect(s.moreError).toBeNull()
    if (s.status !== 'ready') throw new Error('not ready')
    expect(s.data.items).toHaveLength(4)
    expect(list.calls).toEqual([undefined, '2'])
  })

  it('shown again after another page: one call, back to the first page', async () => {
    const list = cursorList(6, 2)
    const p = probe(() => usePagedLoad((cursor) => list.fn(cursor), []))
    const page = await openPage(p.element({}))
    await act(async () => p.current().loadMore())
    await flush()
    await page.hide()
    await page.show()
    expect(list.calls).toEqual([undefined, '2', undefined])
    const s = p.current()
    if (s.status !== 'ready') throw new Error('not ready')
    expect(s.data.items.map((r) => r.id)).toEqual([0, 1])
    expect(s.data.unread).toBe(3)
  })

  it('a page that arrives after the list was reloaded is dropped', async () => {
    const list = cursorList(6, 2, false)
    const p = probe(() => usePagedLoad((cursor) => list.fn(cursor), []))
    await openPage(p.element({}))
    await list.answerNext()
    await act(async () => p.current().loadMore()) // asks for cursor '2'
    await act(async () => p.current().reload()) // asks for the first page again
    await list.answerAt(1) // the first page answers first
    await list.answerNext() // then the stale page 2
    const s = p.current()
    if (s.status !== 'ready') throw new Error('not ready')
    expect(s.data.items.map((r) => r.id)).toEqual([0, 1])
    expect(s.loadingMore).toBe(false)
  })

  it.each([
    ['an array', [{ id: 1 }, { id: 2 }]],
    ['{ total, items } without nextCursor', { total: 2, items: [{ id: 1 }, { id: 2 }] }],
  ])('%s is one complete page: total from the answer, loadMore calls nothing', async (_, answer) => {
    const action = fakeAction(() => ok(answer as Row[] | { total: number; items: Row[] }))
    const p = probe(() => usePagedLoad(() => action.fn(null), []))
    await openPage(p.element({}))
    await act(async () => p.current().loadMore())
    await flush()
    expect(action.calls).toHaveLength(1)
    const s = p.current()
    if (s.status !== 'ready') throw new Error('not ready')
    expect(s.data).toMatchObject({ items: [{ id: 1 }, { id: 2 }], nextCursor: null, total: 2 })
  })
})
