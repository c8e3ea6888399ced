import dayjs from 'dayjs'

/**
 * The day a date picker opens on when nothing is chosen yet: today on the phone, moved into the allowed range. The
 * pages bound the range by the business date (e.g. a payment cannot be after today), so the picker never opens on a
 * day it would refuse — the local demo stands in 2021 while the phone's calendar does not.
 */
export function initialPickerDay(start?: string, end?: string, today = dayjs().format('YYYY-MM-DD')): string {
  if (end && dayjs(end).isBefore(today, 'day')) return end
  if (start && dayjs(start).isAfter(today, 'day')) return start
  return today
}
