/** Date helpers at the app's edge: CST formatting of stored instants, and where an empty date picker opens. */
import { formatDateTimeCn } from '../../src/components/format'
import { initialPickerDay } from '../../src/components/ui/date-range'

describe('formatDateTimeCn', () => {
  it.each([
    ['2021-06-15T16:05:00.000Z', '2021-06-16 00:05'],
    ['2021-12-31T15:59:59.999Z', '2021-12-31 23:59'],
    [Date.UTC(2021, 0, 1, 0, 0), '2021-01-01 08:00'],
    [new Date('2021-03-01T04:30:00+08:00'), '2021-03-01 04:30'],
  ] as const)('%s → %s China Standard Time', (value, expected) => {
    expect(formatDateTimeCn(value)).toBe(expected)
  })

  it.each([null, undefined, '', 'not a date'])('%p → empty text', (value) => {
    expect(formatDateTimeCn(value)).toBe('')
  })
})

describe('initialPickerDay', () => {
  it.each([
    [undefined, undefined, '2026-11-27', '2026-11-27'],
    [undefined, '2021-06-15', '2026-11-27', '2021-06-15'],
    ['2030-01-01', undefined, '2026-11-27', '2030-01-01'],
    ['2020-01-01', '2030-12-31', '2026-11-27', '2026-11-27'],
  ])('range %s – %s, phone on %s → opens on %s', (start, end, today, expected) => {
    expect(initialPickerDay(start, end, today)).toBe(expected)
  })
})
