/**
 * Integer division rounded half up: `numerator / denominator` to the nearest integer, ties
 * towards +∞ (same convention as dinero.js `halfUp`). Both arguments must be integers and the
 * denominator positive; exact for |numerator| < 2^53.
 *
 * @example roundHalfUp(240000 * 60, 100) // 144000
 * @example roundHalfUp(5, 2) // 3
 * @example roundHalfUp(-5, 2) // -2
 */
export function roundHalfUp(numerator: number, denominator: number): number {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || denominator <= 0) {
    throw new RangeError(`roundHalfUp needs integers and a positive denominator, got ${numerator}/${denominator}`)
  }
  const quotient = Math.floor(numerator / denominator)
  const remainder = numerator - quotient * denominator
  return remainder * 2 >= denominator ? quotient + 1 : quotient
}

/**
 * Ceiling of an integer division (used for "at least p %" head counts: 80 % of 31 staff → 25).
 */
export function ceilDiv(numerator: number, denominator: number): number {
  return Math.floor((numerator + denominator - 1) / denominator)
}

/**
 * Apply a whole-number percentage to a fen amount once, rounded half up to the fen (DOMAIN §4).
 *
 * @example percentOf(400000, 60) // 240000
 */
export function percentOf(amountFen: number, percent: number): number {
  return roundHalfUp(amountFen * percent, 100)
}
