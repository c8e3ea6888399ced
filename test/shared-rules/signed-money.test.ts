/** One signed money format (issue 13 item 11): every negative amount and every outflow carries U+2212, never '-'. */
import fc from 'fast-check'
import { MINUS_SIGN, formatSignedYuan, formatYuan } from '@mutual-aid/shared-rules'

describe('signed money', () => {
  it.each([
    [240000, '2,400.00 元', '+2,400.00 元'],
    [-1664000, '−16,640.00 元', '−16,640.00 元'],
    [-1, '−0.01 元', '−0.01 元'],
    [0, '0.00 元', '0.00 元'],
  ])('%i fen → %s / %s', (fen, plain, signed) => {
    expect(formatYuan(fen)).toBe(plain)
    expect(formatSignedYuan(fen)).toBe(signed)
  })

  it('never uses the hyphen; the sign follows the amount; magnitude is the same either way', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => {
        const text = formatSignedYuan(fen)
        expect(text).not.toContain('-')
        expect(text.startsWith(MINUS_SIGN)).toBe(fen < 0)
        expect(text.startsWith('+')).toBe(fen > 0)
        expect(formatYuan(fen).replace(MINUS_SIGN, '')).toBe(formatYuan(Math.abs(fen)))
      }),
    )
  })
})
