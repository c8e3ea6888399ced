/**
 * The emulator's database state: committed collections in memory, plus `Changes` — a private overlay that a
 * single request or a whole transaction writes into and that is applied atomically on commit.
 *
 * Transactions run side by side with snapshot isolation, as on CloudBase (MongoDB underneath): a transaction reads
 * the committed state as of its start (older versions of changed documents are kept while a snapshot needs them)
 * overlaid with its own writes. Its write to a document that another open transaction has written, or that was
 * committed after its snapshot, fails at once with DATABASE_TRANSACTION_CONFLICT (MongoDB's WriteConflict); a
 * document changed outside after the transaction wrote it fails the commit the same way. The SDK's runTransaction
 * retries a conflict a few times, then throws it.
 *
 * Unique indexes are enforced against what the writer can see (committed state overlaid with its own
 * changes) and re-checked at commit.
 *
 * Every declared index is kept over the committed documents (index/ordered-index.ts), updated at commit and built
 * in one go after a start's replay; reads use them through index/query-plan.ts. Only committed state is indexed, so
 * an abandoned transaction never touches an index, and a transaction's reads (its snapshot) do not use them.
 */
import type { Doc } from '../ejson'
import { WireError } from '../wire-error'
import { OrderedIndex, type IndexDeclaration, type StoredDoc } from './index/ordered-index'
import { indexDeclarationProblems } from './index/declaration-rules'
import { describeKey, uniqueKey, type UniqueIndex } from './unique-key'

/** One durable change, as written to the log. */
export type WalOp = { op: 'put'; c: string; d: Doc } | { op: 'del'; c: string; id: unknown } | { op: 'create'; c: string }

/** A declared collection (the subset of the project's CollectionSpec the emulator needs). */
export interface CollectionDeclaration {
  name: string
  indexes: IndexDeclaration[]
}

/** Map key for a document `_id` (ids may be strings or numbers; 1 and "1" are different documents). */
export function idKey(id: unknown): string {
  return typeof id === 'string' ? id : `\u0000${JSON.stringify(id)}`
}

class CommittedCollection {
  /** Documents in natural (first insertion) order. */
  readonly docs = new Map<string, StoredDoc>()
  /** Commit sequence number of deletions, while a transaction may still need to see them as changes. */
  readonly deletedAt = new Map<string, number>()
  /** Natural position the next new document gets. */
  nextPos = 0

  constructor(readonly indexes: OrderedIndex[]) {}

  /** Commit sequence number of a document's last change (insert, update or delete). */
  changedAt(key: string): number {
    return this.docs.get(key)?.at ?? this.deletedAt.get(key) ?? 0
  }
}

/** Uncommitted writes of one request or one transaction. */
export class Changes {
  /**
   * For a transaction: its id and the commit sequence number it reads at. A plain request has neither and reads
   * (and checks) the latest committed state.
   */
  constructor(
    readonly txId?: string,
    readonly snapshot?: number,
  ) {}

  readonly docs = new Map<string, Map<string, Doc | null>>()
  /** collection → key → the committed change (`changedAt`) the write was based on, re-checked at commit. */
  readonly baseChanges = new Map<string, Map<string, number>>()
  readonly created = new Set<string>()
  /** collection → index name → key → id key, for documents written in these changes */
  readonly keys = new Map<string, Map<string, Map<string, string>>>()

  get isEmpty(): boolean {
    return this.docs.size === 0 && this.created.size === 0
  }

  touched(collection: string, key: string): boolean {
    return this.docs.get(collection)?.has(key) ?? false
  }
}

/** A replaced version of a document, kept for transactions whose snapshot predates the change. */
interface OldVersion {
  /** The commit that replaced it. */
  replacedAt: number
  doc: Doc | undefined
}

export class Database {
  private readonly committed = new Map<string, CommittedCollection>()
  private readonly declared = new Map<string, IndexDeclaration[]>()
  /** The unique ones, for the checks of every write. */
  private readonly unique = new Map<string, UniqueIndex[]>()
  /** Commits applied so far; a snapshot is one of these numbers. */
  private seq = 0
  /** Open transactions → the sequence number they read at. */
  private readonly snapshots = new Map<string, number>()
  /** collection → key → replaced versions, oldest first (only while a snapshot is open). */
  private readonly history = new Map<string, Map<string, OldVersion[]>>()
  /** collection → key → the open transaction that has written the document. */
  private readonly writers = new Map<string, Map<string, string>>()
  /** While a start replays the snapshot and log, indexes are left alone and built once at the end. */
  private loading = false

  constructor(declarations: CollectionDeclaration[]) {
    const problems = declarations.flatMap((decl) => indexDeclarationProblems(decl.name, decl.indexes))
    if (problems.length) throw new Error(`索引声明 CloudBase 不接受：\n${problems.join('\n')}`)
    for (const decl of declarations) {
      this.declared.set(decl.name, decl.indexes)
      this.unique.set(decl.name, decl.indexes.filter((i) => i.unique).map((i) => ({ name: i.name, fields: Object.keys(i.keys) })))
      this.committed.set(decl.name, this.newCollection(decl.name))
    }
  }

  /** Names of the declared collections that must exist at start (logged so a snapshot keeps them). */
  collectionNames(): string[] {
    return [...this.committed.keys()]
  }

  /** Opens a snapshot for transaction `txId` at the current commit; returns its `Changes`. */
  openSnapshot(txId: string): Changes {
    this.snapshots.set(txId, this.seq)
    return new Changes(txId, this.seq)
  }

  /** Ends transaction `txId`'s snapshot and releases its documents; old versions nobody needs are dropped. */
  closeSnapshot(txId: string): void {
    this.snapshots.delete(txId)
    for (const byKey of this.writers.values()) {
      for (const [key, owner] of byKey) if (owner === txId) byKey.delete(key)
    }
    if (this.snapshots.size === 0) {
      this.history.clear()
      // No transaction can be based on a deletion any more: a new one starts after it.
      for (const base of this.committed.values()) base.deletedAt.clear()
      return
    }
    const oldest = Math.min(...this.snapshots.values())
    for (const byKey of this.history.values()) {
      for (const [key, versions] of byKey) {
        const kept = versions.filter((v) => v.replacedAt > oldest)
        if (kept.length === 0) byKey.delete(key)
        else byKey.set(key, kept)
      }
    }
  }

  exists(collection: string, changes?: Changes): boolean {
    return this.committed.has(collection) || (changes?.created.has(collection) ?? false)
  }

  /** Throws CloudBase's error for reads of a collection that was never created. */
  requireCollection(collection: string, changes?: Changes): void {
    if (!this.exists(collection, changes)) {
      throw new WireError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${collection}`)
    }
  }

  ensureCollection(changes: Changes, collection: string): void {
    if (!this.exists(collection, changes)) changes.created.add(collection)
  }

  /** Visible documents in natural (insertion) order. Returned objects must not be mutated. */
  list(collection: string, changes?: Changes): Doc[] {
    const base = this.committed.get(collection)
    const overlay = changes?.docs.get(collection)
    const out: Doc[] = []
    if (base) {
      for (const [key, stored] of base.docs) {
        if (overlay?.has(key)) {
          const changed = overlay.get(key)
          if (changed) out.push(changed)
        } else {
          out.push(stored.doc)
        }
      }
    }
    if (overlay) {
      for (const [key, doc] of overlay) if (doc && !base?.docs.has(key)) out.push(doc)
    }
    return out
  }

  /**
   * How many documents a plain request sees without reading them: the committed count (the map's size) adjusted by
   * the request's own uncommitted writes. Undefined inside a transaction, whose snapshot may predate commits.
   */
  visibleCount(collection: string, changes: Changes): number | undefined {
    if (changes.snapshot !== undefined) return undefined
    const base = this.committed.get(collection)
    let total = base?.docs.size ?? 0
    for (const [key, doc] of changes.docs.get(collection) ?? []) {
      const there = base?.docs.has(key) ?? false
      if (there && !doc) total--
      else if (!there && doc) total++
    }
    return total
  }

  /** Number of committed documents (for the benchmark and the start line). */
  size(collection: string): number {
    return this.committed.get(collection)?.docs.size ?? 0
  }

  /**
   * The declared indexes a read through `changes` may use: those of the committed state, so only for a plain request
   * with no uncommitted writes to the collection (a transaction reads its snapshot and its own writes: full scan).
   */
  indexesFor(collection: string, changes: Changes): { indexes: OrderedIndex[]; reason?: string } {
    const base = this.committed.get(collection)
    if (!base) return { indexes: [], reason: '集合尚未创建' }
    if (changes.snapshot !== undefined) return { indexes: [], reason: '事务内按快照读取，不用索引' }
    if (changes.docs.has(collection)) return { indexes: [], reason: '本请求已有未提交的写入，不用索引' }
    return { indexes: base.indexes }
  }

  /**
   * The committed documents with these ids, in natural order — MongoDB's `_id` index answering `_id: {$in: […]}` — for a
   * plain read (the conditions of `indexesFor`); undefined when the read must scan (a transaction, own writes).
   */
  byIds(collection: string, ids: readonly unknown[], changes: Changes): Doc[] | undefined {
    if (this.indexesFor(collection, changes).reason) return undefined
    const base = this.committed.get(collection)
    if (!base) return undefined
    const found = new Map<string, StoredDoc>()
    for (const id of ids) {
      const stored = base.docs.get(idKey(id))
      if (stored) found.set(stored.key, stored)
    }
    return [...found.values()].sort((a, b) => a.pos - b.pos).map((s) => s.doc)
  }

  get(collection: string, id: unknown, changes?: Changes): Doc | undefined {
    const key = idKey(id)
    const overlay = changes?.docs.get(collection)
    if (overlay?.has(key)) return overlay.get(key) ?? undefined
    return this.committedAt(collection, key, changes?.snapshot)
  }

  /** The committed document as of `snapshot` (the latest when undefined). */
  private committedAt(collection: string, key: string, snapshot: number | undefined): Doc | undefined {
    const base = this.committed.get(collection)
    const current = base?.docs.get(key)?.doc
    if (snapshot === undefined || (base?.changedAt(key) ?? 0) <= snapshot) return current
    for (const version of this.history.get(collection)?.get(key) ?? []) {
      if (version.replacedAt > snapshot) return version.doc
    }
    return current
  }

  /** Writes a document (insert or replace by `_id`) into `changes`, enforcing unique indexes. */
  put(changes: Changes, collection: string, doc: Doc): void {
    const key = idKey(doc._id)
    this.claimForWrite(changes, collection, key)
    this.ensureCollection(changes, collection)
    this.checkUnique(changes, collection, key, doc)
    this.forgetChangedKeys(changes, collection, key)
    this.remember(changes, collection, key, doc)
    const keys = mapAt(changes.keys, collection)
    for (const index of this.uniqueIndexesOf(collection)) mapAt(keys, index.name).set(uniqueKey(doc, index), key)
  }

  remove(changes: Changes, collection: string, id: unknown): void {
    const key = idKey(id)
    this.claimForWrite(changes, collection, key)
    this.forgetChangedKeys(changes, collection, key)
    this.remember(changes, collection, key, null)
  }

  /**
   * Validates and applies `changes` to the committed state. Returns the log operations to persist.
   * Nothing is applied when validation fails.
   */
  commit(changes: Changes): WalOp[] {
    for (const [collection, bases] of changes.baseChanges) {
      const base = this.committed.get(collection)
      for (const [key, at] of bases) {
        if ((base?.changedAt(key) ?? 0) !== at) throw transactionConflict(collection)
      }
    }
    for (const [collection, docs] of changes.docs) {
      for (const [key, doc] of docs) if (doc) this.checkUnique(changes, collection, key, doc)
    }
    const ops: WalOp[] = []
    this.seq++
    for (const collection of changes.created) {
      if (!this.committed.has(collection)) {
        this.committed.set(collection, this.newCollection(collection))
        ops.push({ op: 'create', c: collection })
      }
    }
    for (const [collection, docs] of changes.docs) {
      for (const [key, doc] of docs) {
        if (doc) {
          this.applyPut(collection, key, doc)
          ops.push({ op: 'put', c: collection, d: doc })
        } else if (this.committed.get(collection)?.docs.has(key)) {
          const id = this.committed.get(collection)?.docs.get(key)?.doc._id
          this.applyDelete(collection, key)
          ops.push({ op: 'del', c: collection, id })
        }
      }
    }
    return ops
  }

  /**
   * Starts replaying a start's snapshot and log: indexes are not maintained until `finishLoading`, which builds
   * them in one go (sorting once is far faster than a million tree inserts).
   */
  beginLoading(): void {
    this.loading = true
  }

  /** Builds every index from the loaded documents. */
  finishLoading(): void {
    this.loading = false
    for (const base of this.committed.values()) for (const index of base.indexes) index.rebuild(base.docs.values())
  }

  /** Replays a logged operation (no checks: it was validated before it was logged). */
  replay(op: WalOp): void {
    if (op.op === 'create') {
      if (!this.committed.has(op.c)) this.committed.set(op.c, this.newCollection(op.c))
    } else if (op.op === 'put') {
      if (!this.committed.has(op.c)) this.committed.set(op.c, this.newCollection(op.c))
      this.applyPut(op.c, idKey(op.d._id), op.d)
    } else {
      this.applyDelete(op.c, idKey(op.id))
    }
  }

  /**
   * Unique-index keys held by more than one document — possible only when data written before an index was
   * declared is loaded. (MongoDB would refuse to build such an index.)
   */
  duplicateKeys(): { collection: string; index: string; key: string; ids: unknown[] }[] {
    const found: { collection: string; index: string; key: string; ids: unknown[] }[] = []
    for (const [collection, base] of this.committed) {
      for (const index of base.indexes) {
        if (!index.unique) continue
        for (const group of index.duplicateGroups()) {
          const docs = group.map((g) => base.docs.get(g.key)?.doc ?? {})
          found.push({
            collection,
            index: index.name,
            key: uniqueKey(docs[0], { name: index.name, fields: [...index.fields] }),
            ids: docs.map((d) => d._id),
          })
        }
      }
    }
    return found
  }

  /**
   * The committed documents of a collection in natural order, read live: a checkpoint walks it in slices while writes
   * go on. Each document comes out as it is when reached (a Map iterator sees later changes; a document moved to the
   * end by delete + insert may come out twice) — fine for a snapshot, since the log replayed over it holds every
   * change since the checkpoint began.
   */
  *liveDocuments(collection: string): Generator<Doc> {
    const base = this.committed.get(collection)
    if (!base) return
    for (const stored of base.docs.values()) yield stored.doc
  }

  /**
   * A transaction may write a document only if no other open transaction has written it and nobody committed a
   * change to it after the transaction's snapshot (MongoDB's write conflict, raised at once).
   */
  private claimForWrite(changes: Changes, collection: string, key: string): void {
    if (changes.txId === undefined || changes.snapshot === undefined) return
    const owner = this.writers.get(collection)?.get(key)
    if (owner !== undefined && owner !== changes.txId) throw transactionConflict(collection)
    if ((this.committed.get(collection)?.changedAt(key) ?? 0) > changes.snapshot) throw transactionConflict(collection)
    mapAt(this.writers, collection).set(key, changes.txId)
  }

  /** Keeps the version a commit replaces while an open snapshot may still read it. */
  private keepOldVersion(collection: string, key: string, base: CommittedCollection): void {
    if (this.snapshots.size === 0) return
    const versions = mapAt(this.history, collection)
    const list = versions.get(key) ?? []
    list.push({ replacedAt: this.seq, doc: base.docs.get(key)?.doc })
    versions.set(key, list)
  }

  private newCollection(name: string): CommittedCollection {
    return new CommittedCollection((this.declared.get(name) ?? []).map((d) => new OrderedIndex(d)))
  }

  private uniqueIndexesOf(collection: string): UniqueIndex[] {
    return this.unique.get(collection) ?? []
  }

  private remember(changes: Changes, collection: string, key: string, doc: Doc | null): void {
    const bases = mapAt(changes.baseChanges, collection)
    if (!bases.has(key)) bases.set(key, this.committed.get(collection)?.changedAt(key) ?? 0)
    mapAt(changes.docs, collection).set(key, doc)
  }

  private forgetChangedKeys(changes: Changes, collection: string, key: string): void {
    const previous = changes.docs.get(collection)?.get(key)
    if (!previous) return
    const keys = changes.keys.get(collection)
    for (const index of this.uniqueIndexesOf(collection)) {
      const byKey = keys?.get(index.name)
      const k = uniqueKey(previous, index)
      if (byKey?.get(k) === key) byKey.delete(k)
    }
  }

  private checkUnique(changes: Changes, collection: string, key: string, doc: Doc): void {
    const base = this.committed.get(collection)
    for (const index of this.uniqueIndexesOf(collection)) {
      const committedIndex = base?.indexes.find((i) => i.name === index.name)
      const committedClash = (committedIndex?.holders(doc) ?? []).some((owner) => owner !== key && !changes.touched(collection, owner))
      const changedOwner = changes.keys.get(collection)?.get(index.name)?.get(uniqueKey(doc, index))
      if (committedClash || (changedOwner !== undefined && changedOwner !== key)) {
        throw duplicateKey(collection, index, describeKey(doc, index))
      }
    }
  }

  private applyPut(collection: string, key: string, doc: Doc): void {
    const base = this.committed.get(collection) as CommittedCollection
    this.keepOldVersion(collection, key, base)
    const stored = base.docs.get(key)
    if (stored) {
      const before = stored.doc
      const moved = this.loading ? [] : base.indexes.filter((index) => index.changes(before, doc))
      for (const index of moved) index.remove(stored, before)
      // The entry object is shared with the indexes: updated in place, they point at the new version.
      stored.doc = doc
      stored.at = this.seq
      for (const index of moved) index.add(stored)
      return
    }
    const created: StoredDoc = { key, doc, pos: base.nextPos++, at: this.seq }
    base.docs.set(key, created)
    base.deletedAt.delete(key)
    if (!this.loading) for (const index of base.indexes) index.add(created)
  }

  private applyDelete(collection: string, key: string): void {
    const base = this.committed.get(collection)
    const stored = base?.docs.get(key)
    if (!base || !stored) return
    this.keepOldVersion(collection, key, base)
    if (!this.loading) for (const index of base.indexes) index.remove(stored, stored.doc)
    base.docs.delete(key)
    // The change stays visible to conflict checks while a transaction may be based on the old document.
    if (this.snapshots.size > 0) base.deletedAt.set(key, this.seq)
  }
}

/** A write-write conflict between transactions (node-sdk retries exactly this code in runTransaction). */
export function transactionConflict(collection: string): WireError {
  return new WireError(
    'DATABASE_TRANSACTION_CONFLICT',
    `[WriteConflict] 事务冲突：集合 ${collection} 中的文档正被另一事务修改，或在本事务开始后已被修改，请重试`,
  )
}

/** CloudBase answers a unique-index violation with MongoDB's E11000 text. */
export function duplicateKey(collection: string, index: UniqueIndex | { name: string }, dupKey: string): WireError {
  return new WireError(
    'DATABASE_DUPLICATE_WRITE',
    `[DuplicateWrite] E11000 duplicate key error collection: ${collection} index: ${index.name} dup key: ${dupKey}`,
  )
}

function mapAt<K, K2, V2>(map: Map<K, Map<K2, V2>>, key: K): Map<K2, V2> {
  let inner = map.get(key)
  if (!inner) {
    inner = new Map()
    map.set(key, inner)
  }
  return inner
}
