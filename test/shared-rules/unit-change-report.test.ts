import { checkUnitChangeReport } from '@mutual-aid/shared-rules'

describe('checkUnitChangeReport (WH 第二十三条: report within 15 days)', () => {
  it.each([
    ['2021-03-01', '2021-03-01', false, 0],
    ['2021-03-01', '2021-03-16', false, 15],
    ['2021-03-01', '2021-03-17', true, 16],
    ['2021-12-20', '2022-01-05', true, 16],
  ])('changed %s, reported %s → late %s (%i days)', (changedOn, reportedOn, late, daysAfter) => {
    expect(checkUnitChangeReport('wh-2020', changedOn, reportedOn)).toEqual({ late, daysAfter, limitDays: 15, basis: '第二十三条' })
  })

  it('TZ sets no limit', () => {
    expect(checkUnitChangeReport('tz-2021', '2021-03-01', '2021-09-01')).toBeNull()
    expect(checkUnitChangeReport('tz-2022', '2021-03-01', '2021-09-01')).toBeNull()
  })
})
