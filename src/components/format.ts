/**
 * Display helpers shared by every page. Money arrives as integer fen and dates as `YYYY-MM-DD` (China
 * Standard Time) from the cloud; these only turn them into text, never compute business values.
 */
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import { formatSignedYuan, formatYuan, formatYuanShort, isValidDate } from '@mutual-aid/shared-rules'

dayjs.extend(utc)

/** China Standard Time: UTC+8, no daylight saving. */
const CST_OFFSET_MINUTES = 8 * 60

export { formatSignedYuan, formatYuan, formatYuanShort }

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
 * A stored instant (an ISO string from the cloud, epoch ms or a Date, e.g. a document's createdAt) as
 * `YYYY-MM-DD HH:mm` in China Standard Time, whatever the device's time zone; '' for nothing or an invalid value.
 */
export function formatDateTimeCn(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return ''
  const instant = dayjs(value)
  return instant.isValid() ? instant.utcOffset(CST_OFFSET_MINUTES).format('YYYY-MM-DD HH:mm') : ''
}
