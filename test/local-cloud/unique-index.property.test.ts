/**
 * Property: whatever mix of writes, deletes and multi-write changes (committed or abandoned) happens, the
 * database accepts exactly the writes a brute-force unique check accepts, and ends in the model's state.
 */
import fc from 'fast-check'
import { scaledRuns } from '../helpers/fast-check-runs'
import { Changes, Database } from '../../local-cloud/src/db/database'

type Step =
  | { kind: 'put'; id: string; key: string | null }
  | { kind: 'remove'; id: string }

const ids = fc.constantFrom('a', 'b', 'c', 'd')
const keys = fc.constantFrom('k1', 'k2', 'k3', null)
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), id: ids, key: keys }),
  fc.record({ kind: fc.constant('remove' as const), id: ids }),
)
/** A group of steps applied in one Changes: committed together, or abandoned (a rolled-back transaction). */
const group = fc.record({ steps: fc.array(step, { minLength: 1, maxLength: 4 }), commit: fc.boolean() })

/** A document without `key` indexes as null, like MongoDB. */
const docFor = (id: string, key: string | null) => (key === null ? { _id: id } : { _id: id, key })

test('unique index matches a brute-force model', () => {
  fc.assert(
    fc.property(fc.array(group, { maxLength: 12 }), (groups) => {
      const db = new Database([{ name: 'c', indexes: [{ name: 'key_unique', keys: { key: 1 }, unique: true }] }])
      let committed = new Map<string, string | null>()
      for (const g of groups) {
        const changes = new Changes()
        const model = new Map(committed)
        let failed = false
        for (const s of g.steps) {
          const clashes = s.kind === 'put' && [...model].some(([otherId, otherKey]) => otherId !== s.id && otherKey === s.key)
          let threw = false
          try {
            if (s.kind === 'put') db.put(changes, 'c', docFor(s.id, s.key))
            else db.remove(changes, 'c', s.id)
          } catch {
            threw = true
          }
          expect(threw).toBe(clashes)
          if (threw) {
            failed = true
            break
          }
          if (s.kind === 'put') model.set(s.id, s.key)
          else model.delete(s.id)
        }
        if (g.commit && !failed) {
          db.commit(changes)
          committed = model
        }
        const state = new Map(db.list('c').map((d) => [d._id as string, (d.key as string | undefined) ?? null]))
        expect(state).toEqual(committed)
      }
    }),
    scaledRuns({ numRuns: 300 }),
  )
})
