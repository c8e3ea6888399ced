/** Photos are resized on the device to at most 1600 px on the long side, keeping the aspect ratio. */
import { MAX_SIDE_PX, fitWithin } from '../../../src/features/claims/compress.types'

describe('fitWithin', () => {
  it.each([
    [4032, 3024, 1600, 1200],
    [3024, 4032, 1200, 1600],
    [1600, 900, 1600, 900],
    [800, 600, 800, 600],
    [3000, 1000, 1600, 533],
  ])('%i×%i → %i×%i', (w, h, ew, eh) => {
    expect(fitWithin(w, h)).toEqual({ width: ew, height: eh })
  })

  it('never exceeds the limit and never enlarges', () => {
    for (let w = 1; w < 5000; w += 97) {
      for (let h = 1; h < 5000; h += 89) {
        const r = fitWithin(w, h)
        expect(Math.max(r.width, r.height)).toBeLessThanOrEqual(Math.max(MAX_SIDE_PX, 0))
        expect(r.width).toBeLessThanOrEqual(w)
        expect(r.height).toBeLessThanOrEqual(h)
        expect(Math.min(r.width, r.height)).toBeGreaterThanOrEqual(1)
      }
    }
  })
})
