/**
 * A checklist item's pages as the form changes them: a batch picked at once is appended in one change, a page picked
 * twice (same content, same hash-named fileID) is kept once, a retaken page stays where it was.
 */
import fc from 'fast-check'
import { withAdded, withReplaced, without } from '../../../src/features/claims/page-list'

describe('page list', () => {
  it.each([
    [[], ['a', 'b', 'c'], ['a', 'b', 'c']],
    [['a'], ['b', 'c'], ['a', 'b', 'c']],
    [['a', 'b'], ['b', 'c', 'c'], ['a', 'b', 'c']],
    [['a'], [], ['a']],
  ])('%j + batch %j → %j', (saved, added, out) => {
    expect(withAdded(saved, added)).toEqual(out)
  })

  it.each([
    [['a', 'b', 'c'], 1, 'x', ['a', 'x', 'c']],
    [['a', 'b', 'c'], 0, 'c', ['c', 'b']],
    [['a'], 5, 'x', ['a', 'x']],
  ])('%j, page %i retaken as %s → %j', (saved, index, retaken, out) => {
    expect(withReplaced(saved, index, retaken)).toEqual(out)
  })

  it('removing keeps the others in order', () => {
    expect(without(['a', 'b', 'c'], 'b')).toEqual(['a', 'c'])
  })

  it('property: a batch keeps every saved page, adds every new one, and never holds a page twice', () => {
    const ids = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 8 })
    fc.assert(
      fc.property(ids, ids, (savedRaw, added) => {
        const saved = [...new Set(savedRaw)]
        const out = withAdded(saved, added)
        expect(new Set(out).size).toBe(out.length)
        expect(out.slice(0, saved.length)).toEqual(saved)
        for (const id of added) expect(out).toContain(id)
      }),
    )
  })
})
