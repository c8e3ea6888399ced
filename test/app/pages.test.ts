/** List answers read as cursor pages (src/services/pages.ts): today's shapes, the cursor shape, skip adapters. */
import fc from 'fast-check'
import type { Envelope } from '../../src/services/cloud.types'
import { appendPage, pagesBySkip, toPage } from '../../src/services/pages'

describe('toPage', () => {
  it.each([
    ['an array (answered all at once)', [1, 2, 3], { items: [1, 2, 3], nextCursor: null, total: 3 }],
    ['pageOf { total, items }', { total: 40, items: [1] }, { items: [1], nextCursor: null, total: 40 }],
    ['a cursor page', { items: [1], nextCursor: 'c2', total: 9 }, { items: [1], nextCursor: 'c2', total: 9 }],
    ['the last cursor page', { items: [1], nextCursor: null, total: 1 }, { items: [1], nextCursor: null, total: 1 }],
    ['an empty cursor string (treated as the end)', { items: [], nextCursor: '', total: 0 }, { items: [], nextCursor: null, total: 0 }],
    ['items without a total', { items: [1, 2] }, { items: [1, 2], nextCursor: null, total: 2 }],
  ])('%s', (_, answer, expected) => {
    expect(toPage(answer as never)).toEqual(expected)
  })

  it('keeps the fields beside the list (a queue’s counts, the unread count)', () => {
    expect(toPage({ items: [], total: 0, counts: { submitted: 2 }, unread: 1 })).toEqual({ items: [], total: 0, nextCursor: null, counts: { submitted: 2 }, unread: 1 })
  })
})

describe('appendPage', () => {
  it('appends items, takes nextCursor and total from the newer page and the other fields from the first', () => {
    const first = toPage({ items: [1, 2], nextCursor: 'a', total: 5, unread: 3 })
    const next = toPage({ items: [3, 4], nextCursor: 'b', total: 6, unread: 0 })
    expect(appendPage(first, next)).toEqual({ items: [1, 2, 3, 4], nextCursor: 'b', total: 6, unread: 3 })
  })
})

describe('pagesBySkip', () => {
  /** An action paging by skip over `rows`, `limit` a page. */
  const bySkip = (rows: number[], limit: number, calls: number[]) => async (skip: number): Promise<Envelope<{ items: number[]; total: number }>> => {
    calls.push(skip)
    return { ok: true, data: { items: rows.slice(skip, skip + limit), total: rows.length } }
  }

  it('property: following nextCursor from the first page visits every row once, in order, and ends', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer(), { maxLength: 60 }), fc.integer({ min: 1, max: 25 }), async (rows, limit) => {
        const calls: number[] = []
        const load = pagesBySkip(bySkip(rows, limit, calls))
        const seen: number[] = []
        let cursor: string | undefined
        for (let guard = 0; guard < 100; guard++) {
          const page = await load(cursor)
          if (!page.ok) throw new Error(page.message)
          seen.push(...page.data.items)
          if (page.data.nextCursor === null) break
          cursor = page.data.nextCursor
        }
        expect(seen).toEqual(rows)
        expect(calls.length).toBe(Math.max(1, Math.ceil(rows.length / limit)))
      }),
    )
  })

  it('an empty page ends the list even when the total claims more (rows removed meanwhile)', async () => {
    const load = pagesBySkip(async () => ({ ok: true, data: { items: [] as number[], total: 10 } }))
    expect(await load('5')).toEqual({ ok: true, data: { items: [], total: 10, nextCursor: null } })
  })

  it('passes a failure through unchanged, and reads a cursor that is not a count as the first page', async () => {
    const calls: number[] = []
    const failing = pagesBySkip(async (skip) => {
      calls.push(skip)
      return { ok: false, code: 'NETWORK', message: '网络不稳定' }
    })
    expect(await failing('abc')).toEqual({ ok: false, code: 'NETWORK', message: '网络不稳定' })
    expect(calls).toEqual([0])
  })
})
