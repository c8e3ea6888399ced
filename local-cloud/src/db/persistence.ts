/**
 * Loading and compaction. On start: read the last snapshot, replay the log over it (a torn final line —
 * a write that was never acknowledged — is dropped), write a fresh snapshot atomically and empty the log.
 */
import { promises as fsp } from 'node:fs'
import path from 'node:path'
import { decodeEjson, encodeEjson } from '../ejson'
import { Database, type CollectionDeclaration, type WalOp } from './database'
import { WriteAheadLog } from './wal'

export interface OpenedDatabase {
  db: Database
  wal: WriteAheadLog
}

/** Log size that triggers a compaction while running, in bytes. */
const DEFAULT_COMPACT_BYTES = 64 * 1024 * 1024

export async function openDatabase(
  dataDir: string,
  declarations: CollectionDeclaration[],
  compactBytes = DEFAULT_COMPACT_BYTES,
): Promise<OpenedDatabase> {
  const dir = path.join(dataDir, 'db')
  await fsp.mkdir(dir, { recursive: true })
  const snapshotPath = path.join(dir, 'snapshot.ejsonl')
  const walPath = path.join(dir, 'wal.ejsonl')

  const db = new Database(declarations)
  for (const op of await readLines(snapshotPath, 'snapshot')) db.replay(op as WalOp)
  for (const entry of await readLines(walPath, 'log')) {
    for (const op of (entry as { ops: WalOp[] }).ops) db.replay(op)
  }

  for (const dup of db.duplicateKeys()) {
    console.warn(
      `[local-cloud] collection ${dup.collection}: unique index ${dup.index} has duplicate key ${dup.key} ` +
        `(documents ${dup.ids.map((id) => JSON.stringify(id)).join(', ')}); fix the data or the declaration`,
    )
  }
  await writeSnapshot(db, snapshotPath)
  const truncated = await fsp.open(walPath, 'w')
  await truncated.sync()
  await truncated.close()
  const wal = await WriteAheadLog.open(walPath, { thresholdBytes: compactBytes, writeSnapshot: () => writeSnapshot(db, snapshotPath) })
  return { db, wal }
}

async function readLines(file: string, what: string): Promise<unknown[]> {
  let text: string
  try {
    text = await fsp.readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const lines = text.split('\n')
  const out: unknown[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (line === '') continue
    try {
      out.push(decodeEjson(line, 0))
    } catch (error) {
      const isTornTail = i === lines.length - 1
      if (isTornTail) {
        console.warn(`[local-cloud] ignoring an incomplete last ${what} line in ${file} (write was never acknowledged)`)
        continue
      }
      throw new Error(`[local-cloud] ${file} line ${i + 1} is corrupt: ${(error as Error).message}`)
    }
  }
  return out
}

async function writeSnapshot(db: Database, target: string): Promise<void> {
  const tmp = `${target}.tmp`
  // Serialized in one go, so the snapshot is the state at one instant even while writes continue.
  const lines: string[] = []
  for (const op of db.snapshot()) lines.push(`${encodeEjson(op)}\n`)
  const handle = await fsp.open(tmp, 'w')
  for (let i = 0; i < lines.length; i += 1000) await handle.write(lines.slice(i, i + 1000).join(''))
  await handle.sync()
  await handle.close()
  await fsp.rename(tmp, target)
  const dirHandle = await fsp.open(path.dirname(target), 'r')
  await dirHandle.sync()
  await dirHandle.close()
}
