import type { ProductDef, Scheme } from '../schemes/types'
import type { Line, Product, Reason } from '../types'
import type { Assessment, ClaimAssessment, PayoutEffect } from './types'

const NOTHING: readonly Product[] = Object.freeze([])
/** The effect of a payout that ends nothing and uses no allowance days (also: of anything not payable). */
export const NO_EFFECT: PayoutEffect = Object.freeze({ endsProducts: NOTHING, allowanceDays: 0, basis: null })

// One effect object per product definition: the hot path allocates only for allowance days.
const effects = new WeakMap<ProductDef, PayoutEffect>()

function productEffect(s: Scheme, product: ProductDef): PayoutEffect {
  let effect = effects.get(product)
  if (!effect) {
    const ends = product.payout.ends
    effect = ends === 'nothing'
      ? NO_EFFECT
      : Object.freeze({
          endsProducts: Object.freeze(ends === 'coverage' ? s.products.map((p) => p.id) : [product.id]),
          allowanceDays: 0,
          basis: product.payout.basis,
        })
    effects.set(product, effect)
  }
  return effect
}

/**
 * Build an assessment from lines and reasons; refused if any blocking reason exists. `product` is the claimed product's
 * definition (its `payout` rule says whether a payout ends coverage); `endsAnyway` = coverage ends whatever the outcome
 * (fraud, 第十五条). With `withEffects`, the result also says what paying it ends ({@link ClaimAssessment}).
 */
export function outcome(
  s: Scheme,
  product: ProductDef | undefined,
  lines: Line[],
  blocking: Reason[],
  partial: Reason[],
  endsAnyway: boolean,
  withEffects: boolean,
  allowanceDays = 0,
): Assessment | ClaimAssessment {
  if (blocking.length > 0) {
    const refused = { payable: false, amountFen: 0, lines: [], reasons: partial.length ? blocking.concat(partial) : blocking, endsCoverage: endsAnyway }
    return withEffects ? { ...refused, onPayout: NO_EFFECT } : refused
  }
  let amountFen = 0
  let zeroLines = false
  for (const line of lines) {
    amountFen += line.amountFen
    if (line.amountFen <= 0) zeroLines = true
  }
  const payable = amountFen > 0
  const kept = !payable ? [] : zeroLines ? lines.filter((l) => l.amountFen > 0) : lines
  const endsOnPayout = product !== undefined && product.payout.ends !== 'nothing'
  const result = { payable, amountFen, lines: kept, reasons: partial, endsCoverage: endsAnyway || (payable && endsOnPayout) }
  if (!withEffects) return result
  let onPayout = NO_EFFECT
  if (payable && product) {
    onPayout = productEffect(s, product)
    if (allowanceDays > 0) onPayout = { ...onPayout, allowanceDays }
  }
  return { ...result, onPayout }
}
