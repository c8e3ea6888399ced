/**
 * The snapshot + log format: a checkpoint writes everything in the background while writes go on (they never wait
 * for it), a crash at any point of a checkpoint loses nothing, and data directories of the earlier format still load.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { EJSON } from 'bson'
import { Changes, type CollectionDeclaration } from '../../local-cloud/src/db/database'
import { newExplain } from '../../local-cloud/src/db/explain'
import { find } from '../../local-cloud/src/db/operations'
import { openDatabase } from '../../local-cloud/src/db/persistence'

const declarations: CollectionDeclaration[] = [{ name: 'people', indexes: [{ name: 'by_unit', keys: { unitId: 1, name: 1 } }] }]
const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'emu-checkpoint-'))
const dbFiles = (dir: string) => readdirSync(path.join(dir, 'db')).sort()

async function seed(dir: string, n: number): Promise<void> {
  const { db, wal } = await openDatabase(dir, declarations)
  for (let i = 0; i < n; i += 1000) {
    const changes = new Changes()
    for (let j = i; j < Math.min(n, i + 1000); j++) db.put(changes, 'people', { _id: `p${j}`, unitId: `u${j % 50}`, name: `n${j}`, at: new Date(j * 1000) })
    await wal.append(db.commit(changes))
  }
  await wal.close()
}

test('writes are acknowledged while a checkpoint of everything is still being written', async () => {
  const dir = tempDir()
  await seed(dir, 30_000)
  const { db, wal } = await openDatabase(dir, declarations)
  wal.checkpointSoon()
  await new Promise((r) => setTimeout(r, 5))
  let checkpointDone = false
  const checkpoint = wal.whenCheckpointed().then(() => {
    checkpointDone = true
  })
  const ackedDuring: string[] = []
  for (let i = 0; i < 200 && !checkpointDone; i++) {
    const changes = new Changes()
    db.put(changes, 'people', { _id: `late${i}`, unitId: 'u1', name: `late${i}` })
    if (i % 10 === 0) db.remove(changes, 'people', `p${i}`)
    await wal.append(db.commit(changes))
    if (!checkpointDone) ackedDuring.push(`late${i}`)
  }
  await checkpoint
  expect(ackedDuring.length).toBeGreaterThan(0)
  const expected = db.list('people')
  await wal.close()

  // The snapshot covers the sealed log, which is gone; the writes made meanwhile are in the active log.
  expect(dbFiles(dir)).toEqual(['snapshot.ejsonl', 'wal.ejsonl'])
  expect(readFileSync(path.join(dir, 'db', 'snapshot.ejsonl'), 'utf8').split('\n', 1)[0]).toBe('{"snapshot":2,"gen":1}')
  const reopened = await openDatabase(dir, declarations)
  expect(reopened.db.list('people')).toEqual(expected)
  const explain = newExplain()
  expect(find({ db: reopened.db, changes: new Changes() }, 'people', { unitId: 'u1' }, { order: { name: 1 }, limit: 3 }, explain).map((d) => d.name)).toEqual(['late0', 'late1', 'late10'])
  expect(explain).toMatchObject({ stage: 'IXSCAN', index: 'by_unit', sortInMemory: false, docsExamined: 3 })
  await reopened.wal.close()
})

test('a crash after the log was sealed and before the snapshot was written loses nothing', async () => {
  const dir = tempDir()
  await seed(dir, 2_000)
  const first = await openDatabase(dir, declarations)
  const expected = first.db.list('people')
  await first.wal.close()
  // What the disk holds if the process died right after sealing: the old snapshot, a sealed log, maybe a partial tmp.
  renameSync(path.join(dir, 'db', 'wal.ejsonl'), path.join(dir, 'db', 'wal-00000007.ejsonl'))
  writeFileSync(path.join(dir, 'db', 'snapshot.ejsonl.tmp'), '{"snapshot":2,"gen":7}\n{"collection":"people"}\n{"d":{"_id":"half')

  const second = await openDatabase(dir, declarations)
  expect(second.db.list('people')).toEqual(expected)
  // The left-over sealed log is folded into a new snapshot in the background, then removed.
  await second.wal.whenCheckpointed()
  expect(dbFiles(dir)).toEqual(['snapshot.ejsonl', 'wal.ejsonl'])
  expect(readFileSync(path.join(dir, 'db', 'snapshot.ejsonl'), 'utf8').split('\n', 1)[0]).toBe('{"snapshot":2,"gen":8}')
  await second.wal.close()
  const third = await openDatabase(dir, declarations)
  expect(third.db.list('people')).toEqual(expected)
  await third.wal.close()
})

test('a snapshot cut off before its end line is refused, not half loaded', async () => {
  const dir = tempDir()
  await seed(dir, 10)
  const { wal } = await openDatabase(dir, declarations)
  wal.checkpointSoon()
  await new Promise((r) => setTimeout(r, 5))
  await wal.whenCheckpointed()
  await wal.close()
  const file = path.join(dir, 'db', 'snapshot.ejsonl')
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n')
  writeFileSync(file, `${lines.slice(0, -1).join('\n')}\n`)
  await expect(openDatabase(dir, declarations)).rejects.toThrow(/no end line/)
})

test('a data directory of the earlier format (one canonical EJSON log operation per snapshot line) loads', async () => {
  const dir = tempDir()
  const at = new Date('2024-05-06T07:08:09Z')
  const old = [
    { op: 'create', c: 'people' },
    { op: 'put', c: 'people', d: { _id: 'a', unitId: 'u1', name: '甲', n: 1.5, big: 2 ** 40, at, nested: { list: [1, 'x', null] } } },
    { op: 'put', c: 'people', d: { _id: 'b', unitId: 'u1', name: '乙' } },
  ]
  const log = { ops: [{ op: 'del', c: 'people', id: 'b' }, { op: 'put', c: 'people', d: { _id: 'c', unitId: 'u2', name: '丙', re: /^a/i } }] }
  const { mkdirSync } = await import('node:fs')
  mkdirSync(path.join(dir, 'db'))
  writeFileSync(path.join(dir, 'db', 'snapshot.ejsonl'), old.map((op) => `${EJSON.stringify(op, { relaxed: false })}\n`).join(''))
  writeFileSync(path.join(dir, 'db', 'wal.ejsonl'), `${EJSON.stringify(log, { relaxed: false })}\n`)
  const { db, wal } = await openDatabase(dir, declarations)
  expect(db.list('people')).toEqual([
    { _id: 'a', unitId: 'u1', name: '甲', n: 1.5, big: 2 ** 40, at, nested: { list: [1, 'x', null] } },
    { _id: 'c', unitId: 'u2', name: '丙', re: /^a/i },
  ])
  await wal.close()
  expect(existsSync(path.join(dir, 'db', 'snapshot.ejsonl'))).toBe(true)
})
