/**
 * Integer fen as a plain yuan string with two decimals, no separators (for inputs and exports).
 *
 * @example fenToYuan(240000) // '2400.00'
 * @example fenToYuan(-150) // '-1.50'
 */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be a safe integer, got ${fen}`)
  const abs = Math.abs(fen)
  const whole = Math.floor(abs / 100)
  const cents = abs % 100
  return (fen < 0 ? '-' : '') + whole + '.' + (cents < 10 ? '0' : '') + cents
}
