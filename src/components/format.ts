/**
 * Display helpers shared by every page. Money arrives as integer fen and dates as `YYYY-MM-DD` (China
 * Standard Time) from the cloud; these only turn them into text, never compute business values.
 */
import { formatYuan, formatYuanShort, isValidDate } from '@mutual-aid/shared-rules'

export { formatYuan, formatYuanShort }

/** `2021-01-16` → `2021年1月16日`; anything that is not a valid calendar day is shown as given. */
export function formatDateCn(date: string): string {
  if (!isValidDate(date)) return date
  const [y, m, d] = date.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** `2021-01-16` – `2021-12-31` → `2021年1月16日至2021年12月31日`. */
export function formatPeriodCn(start: string, end: string): string {
  return `${formatDateCn(start)}至${formatDateCn(end)}`
}

/**
 * A timestamp (ISO string or epoch ms, e.g. a document's createdAt) as `YYYY-MM-DD HH:mm` in China Standard
 * Time, whatever the device's time zone.
 */
export function formatDateTimeCn(value: string | number | Date): string {
  const instant = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(instant.getTime())) return ''
  // UTC+8 has no daylight saving: shift and read the UTC fields.
  const shifted = new Date(instant.getTime() + 8 * 60 * 60 * 1000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())} ${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`
}
