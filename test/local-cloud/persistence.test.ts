/** The log and snapshot directly: compaction while running keeps every write, and reopening restores it. */
import { mkdtempSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Changes } from '../../local-cloud/src/db/database'
import { openDatabase } from '../../local-cloud/src/db/persistence'

const declarations = [{ name: 'people', indexes: [{ name: 'id_unique', keys: { idHash: 1 as const }, unique: true }] }]

test('compaction while running keeps every write; reopening restores the same state', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'emu-persist-'))
  const { db, wal } = await openDatabase(dir, declarations, 4096)
  const writes: Promise<void>[] = []
  for (let i = 0; i < 300; i++) {
    const changes = new Changes()
    db.put(changes, 'people', { _id: `p${i % 50}`, idHash: `h${i % 50}`, round: Math.floor(i / 50), at: new Date(i * 1000) })
    if (i % 7 === 0) db.remove(changes, 'people', `p${(i + 3) % 50}`)
    writes.push(wal.append(db.commit(changes)))
  }
  await Promise.all(writes)
  const expected = db.list('people')
  await wal.close()
  // The log was emptied along the way, so it stays near the threshold instead of holding 300 writes.
  expect(statSync(path.join(dir, 'db', 'wal.ejsonl')).size).toBeLessThan(4096 * 2)

  const reopened = await openDatabase(dir, declarations, 4096)
  expect(reopened.db.list('people')).toEqual(expected)
  // Unique keys are rebuilt from the restored documents.
  const clash = new Changes()
  expect(() => reopened.db.put(clash, 'people', { _id: 'other', idHash: (expected[0] as { idHash: string }).idHash })).toThrow(/E11000/)
  await reopened.wal.close()
})

test('data that breaks a newly declared unique index is loaded and reported', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'emu-persist-'))
  const before = await openDatabase(dir, [{ name: 'people', indexes: [] }])
  const changes = new Changes()
  before.db.put(changes, 'people', { _id: 'x', idHash: 'same' })
  before.db.put(changes, 'people', { _id: 'y', idHash: 'same' })
  await before.wal.append(before.db.commit(changes))
  await before.wal.close()

  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  const after = await openDatabase(dir, declarations)
  expect(after.db.list('people')).toHaveLength(2)
  expect(warn).toHaveBeenCalledWith(expect.stringContaining('unique index id_unique has duplicate key'))
  warn.mockRestore()
  await after.wal.close()
})
