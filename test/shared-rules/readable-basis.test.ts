/**
 * Reading markers (`[I-n]`, DOMAIN.md's interpretations) stay in the scheme data for whoever maintains the rules and
 * never reach a person: every basis any scheme states reads without them.
 */
import { getScheme, listSchemes, readableBasis } from '@mutual-aid/shared-rules'

describe('readableBasis', () => {
  it.each([
    ['第十八条 [I-4]', '第十八条'],
    ['第六条 [I-16][I-5]', '第六条'],
    ['台总工〔2021〕8号 四(二)1 [I-7]', '台总工〔2021〕8号 四(二)1'],
    ['第十九条', '第十九条'],
    ['依据第十八条 [I-4]，请按期申请', '依据第十八条，请按期申请'],
  ])('%s → %s', (basis, readable) => {
    expect(readableBasis(basis)).toBe(readable)
  })

  it('no basis stated in any scheme keeps a marker once readable', () => {
    const all: string[] = []
    const walk = (v: unknown): void => {
      if (typeof v === 'string') all.push(v)
      else if (v && typeof v === 'object') Object.values(v).forEach(walk)
    }
    for (const s of listSchemes()) walk(getScheme(s.id))
    expect(all.some((b) => b.includes('[I-'))).toBe(true)
    for (const b of all) expect(readableBasis(b)).not.toMatch(/\[I-\d+\]/)
  })
})
