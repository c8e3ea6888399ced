/**
 * The database on disk, in `<data>/db/`:
 *
 * - `snapshot.ejsonl` — the last checkpoint: a header line `{"snapshot":2,"gen":G}`, then for each collection a
 *   line `{"collection":"<name>"}` followed by one line `{"d":<document>}` per document in natural order, and a last
 *   line `{"end":<documents>}` (a snapshot without it is refused). It holds every write of sealed logs up to `G`.
 * - `wal-<n>.ejsonl` — sealed logs not yet covered by a snapshot (n > G), replayed in order.
 * - `wal.ejsonl` — the active log, one line `{"ops":[…]}` per acknowledged write.
 *
 * All lines are relaxed Extended JSON (storage-format.ts). On start: load the snapshot, replay the sealed logs and
 * the active log (a torn last line — a write that was never acknowledged — is dropped and cut off), build the
 * indexes, and go: nothing is rewritten at start. A checkpoint (wal.ts) runs in the background: it walks the
 * committed documents live, writes them out in short slices between which requests are served, syncing every 16 MB
 * (so the disk never has a backlog in front of a write's log fsync), renames over the old
 * snapshot, and deletes the sealed logs it covers. Every change made after the log was sealed is in the active log,
 * so a document the snapshot caught in a newer state is brought to its final state by replay; a write that lands
 * both in the snapshot and in the log is replayed twice, which is harmless: log operations are puts and deletes by id. Snapshots written before this format (one log
 * operation per line) are still read.
 */
import { promises as fsp } from 'node:fs'
import path from 'node:path'
import v8 from 'node:v8'
import vm from 'node:vm'
import { Database, type CollectionDeclaration, type WalOp } from './database'
import { decodeStored, encodeStored } from './storage-format'
import { sealedLogName, syncDir, WriteAheadLog } from './wal'

export interface OpenedDatabase {
  db: Database
  wal: WriteAheadLog
  /** What the start read, and how long it took (for the start line and the benchmark). */
  load: LoadReport
}

export interface LoadReport {
  documents: number
  logLines: number
  readMs: number
  /** Building the indexes (and, after a large load, one full garbage collection). */
  indexMs: number
}

/** Documents loaded above which a full garbage collection runs before the emulator answers (see `collectAfterLoad`). */
const COLLECT_AFTER_LOADING = 200_000
/** Active log size that seals it and starts a checkpoint, in bytes. */
const DEFAULT_COMPACT_BYTES = 64 * 1024 * 1024
/** File read size while loading, in bytes. */
const READ_CHUNK = 8 * 1024 * 1024
/** Documents encoded per slice of a checkpoint before requests get their turn (at most; see SLICE_MS). */
const CHECKPOINT_SLICE = 500
/** A slice also ends after this long, ms, however few documents it encoded (large documents, a slow machine). */
const SLICE_MS = 8
/**
 * Snapshot bytes written between two syncs of the new snapshot. Synced only at the end, a city's 1.5 GB of dirty
 * pages went to disk in one go while every acknowledged write's fsync of the log queued behind it (writes waited
 * seconds); synced as it goes, the disk never holds more than this in front of a write.
 */
const SYNC_EVERY_BYTES = 16 * 1024 * 1024
const SNAPSHOT_FORMAT = 2
const SNAPSHOT_FILE = 'snapshot.ejsonl'
const ACTIVE_LOG = 'wal.ejsonl'
const SEALED_LOG = /^wal-(\d+)\.ejsonl$/

export async function openDatabase(
  dataDir: string,
  declarations: CollectionDeclaration[],
  compactBytes = DEFAULT_COMPACT_BYTES,
): Promise<OpenedDatabase> {
  const dir = path.join(dataDir, 'db')
  await fsp.mkdir(dir, { recursive: true })
  const snapshotPath = path.join(dir, SNAPSHOT_FILE)
  const walPath = path.join(dir, ACTIVE_LOG)
  await fsp.rm(`${snapshotPath}.tmp`, { force: true })

  const started = Date.now()
  const db = new Database(declarations)
  db.beginLoading()
  const { gen, documents } = await loadSnapshot(db, snapshotPath)
  const sealed = await sealedLogs(dir)
  for (const stale of sealed.filter((n) => n <= gen)) await fsp.rm(path.join(dir, sealedLogName(stale)), { force: true })
  const pending = sealed.filter((n) => n > gen)
  let logLines = 0
  for (const n of pending) logLines += await replayLog(db, path.join(dir, sealedLogName(n)), false)
  logLines += await replayLog(db, walPath, true)
  const readMs = Date.now() - started
  db.finishLoading()
  const documentsLoaded = db.collectionNames().reduce((n, c) => n + db.size(c), 0)
  if (documentsLoaded >= COLLECT_AFTER_LOADING) collectAfterLoad()
  const indexMs = Date.now() - started - readMs

  for (const dup of db.duplicateKeys()) {
    console.warn(
      `[local-cloud] collection ${dup.collection}: unique index ${dup.index} has duplicate key ${dup.key} ` +
        `(documents ${dup.ids.map((id) => JSON.stringify(id)).join(', ')}); fix the data or the declaration`,
    )
  }
  const nextGen = Math.max(gen, ...pending, 0) + 1
  const wal = await WriteAheadLog.open(walPath, nextGen, {
    thresholdBytes: compactBytes,
    checkpoint: (covered, stopping) => writeCheckpoint(db, dir, covered, stopping),
  })
  // A fresh data directory gets its declared collections on disk at once; left-over sealed logs get folded in.
  if (documents === 0 && gen === 0 && logLines === 0) await wal.append(db.collectionNames().map((c) => ({ op: 'create', c })))
  if (pending.length > 0) wal.checkpointSoon()
  return { db, wal, load: { documents: documentsLoaded, logLines, readMs, indexMs } }
}

/**
 * A full garbage collection right after a large load. Loading millions of documents leaves V8 to mark the whole new
 * heap; left alone it does so during the first requests, which then stall for seconds (measured: over the SDK's 15 s
 * time-out at city scale on a busy machine). Collected here, the cost belongs to the start.
 */
function collectAfterLoad(): void {
  v8.setFlagsFromString('--expose-gc')
  const gc = vm.runInNewContext('gc') as (() => void) | undefined
  gc?.()
}

async function sealedLogs(dir: string): Promise<number[]> {
  const names = await fsp.readdir(dir)
  return names
    .map((n) => SEALED_LOG.exec(n))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b)
}

/** Loads the snapshot; answers the sealed log it covers (0: none) and how many documents it held. */
async function loadSnapshot(db: Database, file: string): Promise<{ gen: number; documents: number }> {
  let gen = 0
  let documents = 0
  let collection: string | undefined
  let format: 'new' | 'old' | undefined
  let ended = false
  const result = await readLines(file, (line, lineNo) => {
    const value = decodeStored(line) as Record<string, unknown>
    if (format === undefined) {
      format = typeof value.snapshot === 'number' ? 'new' : 'old'
      if (format === 'new') {
        if (value.snapshot !== SNAPSHOT_FORMAT) throw new Error(`[local-cloud] ${file}: unknown snapshot format ${String(value.snapshot)}`)
        gen = Number(value.gen)
        return
      }
    }
    if (format === 'old') {
      db.replay(value as unknown as WalOp)
      if ((value as { op?: string }).op === 'put') documents++
      return
    }
    if (ended) throw new Error(`[local-cloud] ${file} line ${lineNo}: data after the end of the snapshot`)
    if ('d' in value) {
      if (collection === undefined) throw new Error(`[local-cloud] ${file} line ${lineNo}: a document before any collection`)
      db.replay({ op: 'put', c: collection, d: value.d as WalOp extends { d: infer D } ? D : never })
      documents++
    } else if (typeof value.collection === 'string') {
      collection = value.collection
      db.replay({ op: 'create', c: collection })
    } else if (typeof value.end === 'number') {
      if (value.end !== documents) throw new Error(`[local-cloud] ${file}: ${documents} documents read, the snapshot says ${value.end}`)
      ended = true
    }
  })
  if (result.torn) throw new Error(`[local-cloud] ${file} ends in an incomplete line: the snapshot is damaged`)
  if (format === 'new' && !ended) throw new Error(`[local-cloud] ${file} has no end line: the snapshot is incomplete`)
  return { gen, documents }
}

/**
 * Replays a log; answers how many lines it held. In the active log (`last`) a final line cut off mid-way — a write
 * that was never acknowledged — is dropped and cut from the file, so new lines start clean.
 */
async function replayLog(db: Database, file: string, last: boolean): Promise<number> {
  let lines = 0
  const result = await readLines(file, (line) => {
    for (const op of (decodeStored(line) as { ops: WalOp[] }).ops) db.replay(op)
    lines++
  })
  if (!result.torn) return lines
  if (!last) throw new Error(`[local-cloud] ${file} ends in an incomplete line, but later logs follow: the data is damaged`)
  console.warn(`[local-cloud] ignoring an incomplete last log line in ${file} (write was never acknowledged)`)
  const handle = await fsp.open(file, 'r+')
  try {
    await handle.truncate(result.goodBytes)
    await handle.sync()
  } finally {
    await handle.close()
  }
  return lines
}

/**
 * Calls `onLine` for every complete line of `file`, reading it in chunks (a city's snapshot is larger than the
 * longest string JavaScript can hold). A last line that is cut off (no newline) or does not parse is reported as
 * `torn`, with the size of the good part; a bad line elsewhere is an error.
 */
async function readLines(file: string, onLine: (line: string, lineNo: number) => void): Promise<{ torn: boolean; goodBytes: number }> {
  let handle: fsp.FileHandle
  try {
    handle = await fsp.open(file, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { torn: false, goodBytes: 0 }
    throw error
  }
  let lineNo = 0
  let goodBytes = 0
  try {
    let rest = Buffer.alloc(0)
    for (;;) {
      const chunk = Buffer.allocUnsafe(READ_CHUNK)
      const { bytesRead } = await handle.read(chunk, 0, READ_CHUNK, null)
      if (bytesRead === 0) break
      const buf = rest.length > 0 ? Buffer.concat([rest, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead)
      let start = 0
      for (let nl = buf.indexOf(10, start); nl !== -1; nl = buf.indexOf(10, start)) {
        lineNo++
        if (nl > start) {
          const line = buf.toString('utf8', start, nl)
          try {
            onLine(line, lineNo)
          } catch (error) {
            if (error instanceof SyntaxError) throw new Error(`[local-cloud] ${file} line ${lineNo} is corrupt: ${error.message}`)
            throw error
          }
        }
        goodBytes += nl + 1 - start
        start = nl + 1
      }
      rest = Buffer.from(buf.subarray(start))
    }
    if (rest.length > 0) {
      // No newline after it: the write was cut off, whether or not what is there parses.
      return { torn: true, goodBytes }
    }
    return { torn: false, goodBytes }
  } finally {
    await handle.close()
  }
}

/**
 * Writes a snapshot covering sealed log `gen`, in slices between which requests are served, then deletes the sealed
 * logs up to it. Documents are read live (Database.liveDocuments): whatever changes meanwhile is also in the active
 * log, which is replayed over this snapshot.
 */
async function writeCheckpoint(db: Database, dir: string, gen: number, stopping: () => boolean): Promise<void> {
  const target = path.join(dir, SNAPSHOT_FILE)
  const tmp = `${target}.tmp`
  const handle = await fsp.open(tmp, 'w')
  let documents = 0
  let unsynced = 0
  try {
    await handle.write(`${encodeStored({ snapshot: SNAPSHOT_FORMAT, gen })}\n`)
    for (const collection of db.collectionNames()) {
      await handle.write(`${encodeStored({ collection })}\n`)
      const docs = db.liveDocuments(collection)
      for (;;) {
        if (stopping()) {
          await handle.close()
          await fsp.rm(tmp, { force: true })
          return
        }
        const lines: string[] = []
        const sliceStarted = performance.now()
        for (let next = docs.next(); !next.done; next = docs.next()) {
          lines.push(encodeStored({ d: next.value }))
          if (lines.length >= CHECKPOINT_SLICE || performance.now() - sliceStarted > SLICE_MS) break
        }
        if (lines.length === 0) break
        const { bytesWritten } = await handle.write(`${lines.join('\n')}\n`)
        documents += lines.length
        unsynced += bytesWritten
        if (unsynced >= SYNC_EVERY_BYTES) {
          await handle.datasync()
          unsynced = 0
        }
        // Let waiting requests run between slices.
        await new Promise((r) => setImmediate(r))
      }
    }
    await handle.write(`${encodeStored({ end: documents })}\n`)
    await handle.sync()
  } catch (error) {
    await handle.close().catch(() => undefined)
    await fsp.rm(tmp, { force: true })
    throw error
  }
  await handle.close()
  await fsp.rename(tmp, target)
  await syncDir(dir)
  for (const n of await sealedLogs(dir)) if (n <= gen) await fsp.rm(path.join(dir, sealedLogName(n)), { force: true })
}
