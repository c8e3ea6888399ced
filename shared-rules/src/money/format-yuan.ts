import { fenToYuan } from './fen-to-yuan'

/**
 * Integer fen for display: thousands separators, two decimals and the unit `元`.
 *
 * @example formatYuan(240000) // '2,400.00 元'
 */
export function formatYuan(fen: number): string {
  const plain = fenToYuan(fen)
  const negative = plain.startsWith('-')
  const [whole, cents] = (negative ? plain.slice(1) : plain).split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return (negative ? '-' : '') + grouped + '.' + cents + ' 元'
}

/**
 * Whole-yuan display used inside sentences: `1,000 元` when there are no fen, else as {@link formatYuan}.
 */
export function formatYuanShort(fen: number): string {
  const full = formatYuan(fen)
  return full.endsWith('.00 元') ? full.slice(0, -5) + ' 元' : full
}
