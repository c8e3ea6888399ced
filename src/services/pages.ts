/**
 * Pages of a list as the app reads them: the cursor-paged contract shape (`cursorPageOf`: items, nextCursor, total),
 * and the shapes list actions answer until every one of them is cursor-paged (a bare array, or `pageOf`'s
 * { total, items }), each read as one complete page. Pure: no React, no Taro, no calls.
 */
import type { Envelope } from './cloud.types'

/** What a list action may answer: an array, `{ items, total }`, or a cursor page, with other fields beside. */
export type PageAnswer<I> = readonly I[] | { items: readonly I[]; total?: number; nextCursor?: string | null }

/** The item type of a list answer. */
export type ItemOf<A> = A extends readonly (infer I)[] ? I : A extends { items: readonly (infer I)[] } ? I : never

/** A list answer read as a cursor page; fields beside the list (a queue's counts, the unread count) are kept. */
export type Page<A> = (A extends readonly unknown[] ? unknown : Omit<A, 'items' | 'nextCursor' | 'total'>) & {
  items: ItemOf<A>[]
  nextCursor: string | null
  total: number
}

/**
 * Reads one list answer as a cursor page. An answer without `nextCursor` is the whole list (today's list actions
 * answer everything at once); without `total`, the total is what arrived.
 */
export function toPage<A extends PageAnswer<unknown>>(answer: A): Page<A> {
  if (Array.isArray(answer)) {
    const items = [...answer] as ItemOf<A>[]
    return { items, nextCursor: null, total: items.length } as Page<A>
  }
  const { items, nextCursor, total, ...rest } = answer as Exclude<A, readonly unknown[]>
  return {
    ...rest,
    items: [...items] as ItemOf<A>[],
    nextCursor: typeof nextCursor === 'string' && nextCursor !== '' ? nextCursor : null,
    total: typeof total === 'number' ? total : items.length,
  } as Page<A>
}

/**
 * The list after one more page: its items appended, `nextCursor` and `total` from the newer page (the list may have
 * grown meanwhile), every other field from the first page (what the page was opened with).
 */
export function appendPage<A extends PageAnswer<unknown>>(list: Page<A>, next: Page<A>): Page<A> {
  return { ...list, items: [...list.items, ...next.items], nextCursor: next.nextCursor, total: next.total }
}

/**
 * Cursor pages over an action that still pages by `skip` (`pageOf`: { total, items }): the cursor is the number of
 * rows already shown, kept on the device only. When the action takes cursors itself, pass its cursor through instead.
 */
export function pagesBySkip<A extends { items: readonly unknown[]; total: number }>(
  fetch: (skip: number) => Promise<Envelope<A>>,
): (cursor?: string) => Promise<Envelope<A & { nextCursor: string | null }>> {
  return async (cursor) => {
    const skip = cursor && /^\d+$/.test(cursor) ? Number(cursor) : 0
    const answer = await fetch(skip)
    if (!answer.ok) return answer
    const shown = skip + answer.data.items.length
    // An empty page ends the list even if the total says otherwise (rows removed meanwhile): never loop on nothing.
    const more = answer.data.items.length > 0 && shown < answer.data.total
    return { ok: true, data: { ...answer.data, nextCursor: more ? String(shown) : null } }
  }
}
