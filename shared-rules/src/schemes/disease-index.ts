import type { Product } from '../types'
import type { DiseaseDef, Scheme } from './types'

type Index = Map<string, DiseaseDef | null>
const cache = new WeakMap<object, Index>()
/** Remembered misses per list are capped so arbitrary input text cannot grow memory without bound. */
const MAX_REMEMBERED_MISSES = 10_000
const misses = new WeakMap<object, number>()

function normalise(text: string): string {
  return text.replace(/\s+/g, '').replace(/[—–－]+/g, '-').toUpperCase()
}

function buildIndex(list: readonly DiseaseDef[]): Index {
  const index: Index = new Map()
  for (const d of list) {
    index.set(d.code.toUpperCase(), d)
    index.set(d.code, d)
    index.set(d.name, d)
    index.set(normalise(d.name), d)
    for (const alias of d.aliases ?? []) {
      if (!index.has(alias)) index.set(alias, d)
      if (!index.has(normalise(alias))) index.set(normalise(alias), d)
    }
  }
  return index
}

/**
 * Find a covered disease by code (`WH05`) or printed name (`白血病`); `undefined` = not on the list.
 * Indexes are built once per disease list and cached (hot path of `assess`).
 */
export function findDisease(scheme: Scheme, product: Product, disease: string | undefined): DiseaseDef | undefined {
  if (!disease) return undefined
  const list = scheme.diseases[product]
  if (!list) return undefined
  let index = cache.get(list)
  if (!index) {
    index = buildIndex(list)
    cache.set(list, index)
  }
  const hit = index.get(disease)
  if (hit !== undefined) return hit ?? undefined
  const found = index.get(normalise(disease)) ?? null
  const missCount = misses.get(list) ?? 0
  if (found !== null || missCount < MAX_REMEMBERED_MISSES) {
    index.set(disease, found)
    if (found === null) misses.set(list, missCount + 1)
  }
  return found ?? undefined
}

/** Find a disease of the product by its code only. */
export function diseaseByCode(scheme: Scheme, product: Product, code: string): DiseaseDef | undefined {
  return scheme.diseases[product]?.find((d) => d.code === code)
}
