import { daysInMonth } from '../dates/day-number'
import type { Sex } from '../types'

/** GB 11643-1999 weights for the first 17 digits (2^(17−i) mod 11). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
/** Check character for `sum mod 11` = 0 … 10. */
const CHECK = '10X98765432'

/** Result of {@link parseResidentId}. */
export type ResidentIdResult =
  | { ok: true; id: string; birthDate: string; sex: Sex }
  | { ok: false; code: 'INVALID_ID'; message: string }

function fail(message: string): ResidentIdResult {
  return { ok: false, code: 'INVALID_ID', message }
}

/** The GB 11643 check character for the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]
  return CHECK[sum % 11]
}

/**
 * Validate an 18-character resident ID number (居民身份证号码, GB 11643-1999) and read the birth
 * date (positions 7–14) and sex (17th digit: odd = male). Spaces are ignored and a lowercase `x`
 * is accepted; the returned `id` is normalised (uppercase `X`).
 *
 * @example parseResidentId('11010519491231002X') // { ok: true, birthDate: '1949-12-31', sex: 'female', … }
 */
export function parseResidentId(input: string): ResidentIdResult {
  const id = String(input ?? '').replace(/\s+/g, '').toUpperCase()
  if (!/^\d{17}[\dX]$/.test(id)) return fail('身份证号码应为18位，前17位是数字，最后一位是数字或X')
  const province = Number(id.slice(0, 2))
  if (province < 11 || province > 91) return fail('身份证号码的地区代码不正确，请核对前两位')
  const year = Number(id.slice(6, 10))
  const month = Number(id.slice(10, 12))
  const day = Number(id.slice(12, 14))
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return fail('身份证号码中的出生日期不正确，请核对第7到14位')
  }
  if (residentIdCheckChar(id) !== id[17]) return fail('身份证号码校验位不正确，请逐位核对后重新输入')
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`
  const sex: Sex = (id.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female'
  return { ok: true, id, birthDate, sex }
}
