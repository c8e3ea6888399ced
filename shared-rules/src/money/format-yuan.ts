import { fenToYuan } from './fen-to-yuan'

/** The minus sign of every amount shown: U+2212, the same width as `+` (never the hyphen `-`). */
export const MINUS_SIGN = '\u2212'

/**
 * Integer fen for display: thousands separators, two decimals and the unit `元`; a negative amount (a fund balance
 * below zero) starts with {@link MINUS_SIGN}.
 *
 * @example formatYuan(240000) // '2,400.00 元'
 * @example formatYuan(-1664000) // '−16,640.00 元'
 */
export function formatYuan(fen: number): string {
  const plain = fenToYuan(fen)
  const negative = plain.startsWith('-')
  const [whole, cents] = (negative ? plain.slice(1) : plain).split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return (negative ? MINUS_SIGN : '') + grouped + '.' + cents + ' 元'
}

/**
 * An amount with its sign always shown, for money in and out of a fund: `+` for income, {@link MINUS_SIGN} for
 * spending, no sign for zero.
 *
 * @example formatSignedYuan(240000) // '+2,400.00 元'
 * @example formatSignedYuan(-1664000) // '−16,640.00 元'
 */
export function formatSignedYuan(fen: number): string {
  return (fen > 0 ? '+' : '') + formatYuan(fen)
}

/**
 * Whole-yuan display used inside sentences: `1,000 元` when there are no fen, else as {@link formatYuan}.
 */
export function formatYuanShort(fen: number): string {
  const full = formatYuan(fen)
  return full.endsWith('.00 元') ? full.slice(0, -5) + ' 元' : full
}
