const YUAN_PATTERN = /^([+-]?)(\d+)(?:\.(\d*))?$/

/**
 * Convert yuan (as typed by a person or printed in a document) to integer fen. Use only at the
 * edge (forms, imports); everything inside works in fen. Digits beyond the fen are rounded half
 * up on the decimal text itself, never through binary floating point. Accepts thousands
 * separators (`2,400.00`), a trailing `元`, and the minus sign U+2212 that `formatYuan` prints (`−16,640.00 元`).
 *
 * @example yuanToFen('2400') // 240000
 * @example yuanToFen('0.105') // 11
 * @example yuanToFen(12.3) // 1230
 * @throws TypeError when the value is not a decimal number of yuan.
 */
export function yuanToFen(yuan: string | number): number {
  let text: string
  if (typeof yuan === 'number') {
    if (!Number.isFinite(yuan)) throw new TypeError(`金额无效：${yuan}`)
    text = Math.abs(yuan) < 1e-6 ? '0' : yuan.toFixed(6)
  } else {
    text = String(yuan).trim().replace(/元$/, '').trim().replace(/,/g, '').replace(/^\u2212/, '-')
  }
  const match = YUAN_PATTERN.exec(text)
  if (!match) throw new TypeError(`金额格式不正确：${JSON.stringify(yuan)}`)
  const [, sign, whole, fraction = ''] = match
  const fen2 = (fraction + '00').slice(0, 2)
  const roundUp = fraction.length > 2 && fraction.charCodeAt(2) >= 53 // third decimal ≥ 5 → half up
  let fen = Number(whole) * 100 + Number(fen2) + (roundUp ? 1 : 0)
  if (!Number.isSafeInteger(fen)) throw new TypeError(`金额过大：${JSON.stringify(yuan)}`)
  if (sign === '-' && fen !== 0) fen = -fen
  return fen
}
