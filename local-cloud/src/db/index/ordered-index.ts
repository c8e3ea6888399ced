/**
 * A declared index over the committed documents of one collection: a B+ tree (sorted-btree) of key tuples
 * `[value per field…, natural position]` → the stored document. Maintained on every commit and replay; built in
 * bulk (sort + bulk load) after a start's replay. Unique checks look equal keys up here too.
 */
import BTree from 'sorted-btree'
import { bulkLoad } from 'sorted-btree/extended/bulkLoad'
import type { Doc } from '../../ejson'
import { uniqueKey } from '../unique-key'
import { HIGHEST, LOWEST, orderedValueAt, sameValues, tupleComparator, type KeyTuple } from './index-key'
import { ordinalOf, sortKey } from './sort-key'

/** A committed document as the database keeps it. `doc` is replaced (never mutated) by a change. */
export interface StoredDoc {
  /** `idKey(_id)` */
  key: string
  doc: Doc
  /** Natural order: when the document was first inserted (kept across updates). */
  pos: number
  /** Commit sequence number of its last change (0 for what was loaded at start). */
  at: number
}

export interface IndexDeclaration {
  name: string
  keys: Record<string, 1 | -1>
  unique?: boolean
}

/** Branching factor of the trees (sorted-btree's default). */
const NODE_SIZE = 64

export class OrderedIndex {
  readonly name: string
  readonly fields: readonly string[]
  readonly directions: readonly (1 | -1)[]
  readonly unique: boolean
  readonly compare: (a: KeyTuple, b: KeyTuple) => number
  private tree: BTree<KeyTuple, StoredDoc>
  /**
   * Committed documents whose key cannot be ordered (see index-key.ts), by their unique-key string: kept out of the
   * tree; while there are any, the index is not used for queries (unique checks still see them here).
   */
  private readonly unordered = new Map<string, Set<string>>()
  private unorderedCount = 0

  constructor(declaration: IndexDeclaration) {
    this.name = declaration.name
    this.fields = Object.keys(declaration.keys)
    this.directions = this.fields.map((f) => declaration.keys[f])
    this.unique = declaration.unique === true
    this.compare = tupleComparator(this.directions)
    this.tree = new BTree<KeyTuple, StoredDoc>(undefined, this.compare, NODE_SIZE)
  }

  /** Entries in the tree. */
  get size(): number {
    return this.tree.size
  }

  /** Why the index cannot serve queries now, if it cannot. */
  get unusableReason(): string | undefined {
    if (this.unorderedCount === 0) return undefined
    return `索引 ${this.name} 有 ${this.unorderedCount} 个文档在索引字段上是数组、对象或 NaN（多键索引），本地模拟器不用它查询`
  }

  /** The key tuple of `doc` at natural position `pos`, or undefined when a value cannot be ordered. */
  keyOf(doc: Doc, pos: number): KeyTuple | undefined {
    const key: unknown[] = new Array(this.fields.length + 1)
    for (let i = 0; i < this.fields.length; i++) {
      const found = orderedValueAt(doc, this.fields[i])
      if (!found) return undefined
      key[i] = found.value
    }
    key[this.fields.length] = pos
    return key
  }

  add(stored: StoredDoc): void {
    const key = this.keyOf(stored.doc, stored.pos)
    if (key) {
      this.tree.set(key, stored)
      return
    }
    const name = this.uniqueString(stored.doc)
    const set = this.unordered.get(name) ?? new Set<string>()
    set.add(stored.key)
    this.unordered.set(name, set)
    this.unorderedCount++
  }

  /** Removes the entry `stored` had while it held `doc`. */
  remove(stored: StoredDoc, doc: Doc): void {
    const key = this.keyOf(doc, stored.pos)
    if (key) {
      this.tree.delete(key)
      return
    }
    const name = this.uniqueString(doc)
    const set = this.unordered.get(name)
    if (set?.delete(stored.key)) {
      this.unorderedCount--
      if (set.size === 0) this.unordered.delete(name)
    }
  }

  /** Whether replacing `before` by `after` changes this index's key (an update of other fields costs nothing here). */
  changes(before: Doc, after: Doc): boolean {
    const a = this.keyOf(before, 0)
    const b = this.keyOf(after, 0)
    if (!a || !b) return true
    return !sameValues(a, b, this.fields.length)
  }

  /**
   * Rebuilds the tree from all stored documents at once: each key is encoded once into a string that sorts like its
   * tuple (sort-key.ts), the strings are sorted inside V8 without a JS comparator, and the tree is bulk loaded in that
   * order. bulkLoad checks every neighbouring pair with the tuple comparator, so an encoding that ever disagreed with
   * it would fail the start loudly rather than answer queries in a wrong order.
   */
  rebuild(all: Iterable<StoredDoc>): void {
    this.unordered.clear()
    this.unorderedCount = 0
    const keys: KeyTuple[] = []
    const docs: StoredDoc[] = []
    const order: string[] = []
    for (const stored of all) {
      const key = this.keyOf(stored.doc, stored.pos)
      if (key) {
        order.push(sortKey(key, this.directions, stored.pos, keys.length))
        keys.push(key)
        docs.push(stored)
      } else {
        this.add(stored)
      }
    }
    order.sort()
    const sortedKeys = new Array<KeyTuple>(order.length)
    const sortedDocs = new Array<StoredDoc>(order.length)
    for (let i = 0; i < order.length; i++) {
      const ordinal = ordinalOf(order[i])
      sortedKeys[i] = keys[ordinal]
      sortedDocs[i] = docs[ordinal]
    }
    this.tree = bulkLoad(sortedKeys, sortedDocs, NODE_SIZE, this.compare)
  }

  /**
   * Id keys of the committed documents holding the same unique key as `doc` (a missing field counts as null, as in
   * MongoDB). More than one only when data written before the index was declared is loaded.
   */
  holders(doc: Doc): string[] {
    const key = this.keyOf(doc, 0)
    if (!key) return [...(this.unordered.get(this.uniqueString(doc)) ?? [])]
    const n = this.fields.length
    const out: string[] = []
    const low = [...key.slice(0, n), -Infinity]
    for (const [k, stored] of this.tree.entries(low)) {
      if (!sameValues(k, key, n)) break
      out.push(stored.key)
    }
    return out
  }

  /** Groups of documents sharing one unique key (for the warning about data that breaks a new declaration). */
  *duplicateGroups(): Generator<StoredDoc[]> {
    let group: StoredDoc[] = []
    let groupKey: KeyTuple | undefined
    for (const [k, stored] of this.tree.entries()) {
      if (groupKey && sameValues(k, groupKey, this.fields.length)) {
        group.push(stored)
        continue
      }
      if (group.length > 1) yield group
      group = [stored]
      groupKey = k
    }
    if (group.length > 1) yield group
    for (const ids of this.unordered.values()) if (ids.size > 1) yield [...ids].map((key) => ({ key, doc: {}, pos: 0, at: 0 }))
  }

  /** Number of entries between two bound tuples (inclusive), counted in the tree without reading them one by one. */
  countBetween(start: KeyTuple, end: KeyTuple): number {
    return this.compare(start, end) > 0 ? 0 : this.tree.forRange(start, end, true)
  }

  /** Entries from `start` upwards (ascending index order); `start` is a bound tuple (see index-bounds.ts). */
  ascending(start: KeyTuple): IterableIterator<[KeyTuple, StoredDoc]> {
    return this.tree.entries(start)
  }

  /** Entries from `end` downwards. */
  descending(end: KeyTuple): IterableIterator<[KeyTuple, StoredDoc]> {
    return this.tree.entriesReversed(end)
  }

  /** The bound below every entry of this index. */
  get lowest(): KeyTuple {
    return [...this.fields.map(() => LOWEST), -Infinity]
  }

  /** The bound above every entry of this index. */
  get highest(): KeyTuple {
    return [...this.fields.map(() => HIGHEST), Infinity]
  }

  private uniqueString(doc: Doc): string {
    return uniqueKey(doc, { name: this.name, fields: [...this.fields] })
  }
}
