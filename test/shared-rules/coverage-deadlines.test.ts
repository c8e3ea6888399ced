import {
  checkEnrolmentDate, claimDeadline, coverageEnd, coverageStartAfterPayment, coverageStartForPeriod, coverageStatus, enrolmentWindow,
  isContinuous, materialsChecklist, newHireDeadline, periodCoverage, renewalGraceEnd, reviewDueDate,
} from '@mutual-aid/shared-rules'

describe('coverage period', () => {
  it('starts the day after payment, never before the activity period', () => {
    expect(coverageStartAfterPayment('wh-2020', '2021-03-09')).toBe('2021-03-10')
    expect(coverageStartAfterPayment('wh-2020', '2021-12-31')).toBe('2022-01-01')
    expect(coverageStartAfterPayment('tz-2021', '2021-04-10')).toBe('2021-04-11')
    expect(coverageStartAfterPayment('tz-2022', '2021-11-02')).toBe('2022-01-01')
  })
  it('ends on 31 Dec of the period', () => {
    expect(coverageEnd('wh-2020', '2021-03-10')).toBe('2021-12-31')
    expect(coverageEnd('wh-2020', '2024-02-29')).toBe('2024-12-31')
    expect(coverageEnd('tz-2021', '2021-05-20')).toBe('2021-12-31')
    expect(coverageEnd('tz-2022', '2022-01-01')).toBe('2022-12-31')
  })
  it('continuity (第十二条, [I-3]): renewal by 30 Jan is continuous, 31 Jan is first-time', () => {
    expect(renewalGraceEnd('wh-2020', '2020-12-31')).toBe('2021-01-30')
    expect(isContinuous({ scheme: 'wh-2020', previousPeriodEnd: '2020-12-31', renewedOn: '2021-01-15' })).toEqual({ continuous: true, basis: '第十二条 [I-3]' })
    expect(isContinuous({ scheme: 'wh-2020', previousPeriodEnd: '2020-12-31', renewedOn: '2021-01-30' }).continuous).toBe(true)
    expect(isContinuous({ scheme: 'wh-2020', previousPeriodEnd: '2020-12-31', renewedOn: '2021-01-31' }).continuous).toBe(false)
    expect(isContinuous({ scheme: 'wh-2020', previousPeriodEnd: '2020-12-31', renewedOn: '2020-12-20' }).continuous).toBe(true)
  })
})

describe('the coverage a fee buys in its period (WH 第三条, TZ 台总工〔2021〕8号 一, [I-12])', () => {
  it.each([
    // WH 第三条: from 00:00 the day after payment to 24:00 on 31 December of that year.
    ['wh-2020', 2021, '2021-03-09', { ok: true, start: '2021-03-10', end: '2021-12-31' }],
    ['wh-2020', 2022, '2021-12-20', { ok: true, start: '2022-01-01', end: '2022-12-31' }], // paid ahead: from 1 January
    ['wh-2020', 2021, '2021-12-30', { ok: true, start: '2021-12-31', end: '2021-12-31' }], // one day left
    ['tz-2021', 2021, '2021-03-20', { ok: true, start: '2021-04-01', end: '2021-12-31' }], // never before the activity year
    ['tz-2022', 2022, '2021-11-02', { ok: true, start: '2022-01-01', end: '2022-12-31' }],
  ] as const)('%s %s paid %s', (scheme, year, paidOn, expected) => {
    expect(periodCoverage(scheme, year, paidOn)).toEqual(expected)
  })

  // A fee paid on or after the period's last day buys no day of it; it never becomes the next period's coverage
  // (第三条 每年为一周期; 第六条 每个互助期限内只能参加一次). Before, WH gave 2022-01-01 – 2022-12-31 and TZ a start after its end.
  it.each([
    ['wh-2020', 2021, '2021-12-31', '第三条'],
    ['wh-2020', 2021, '2022-01-20', '第三条'],
    ['tz-2021', 2021, '2021-12-31', '台总工〔2021〕8号 一(一)'],
    ['tz-2021', 2021, '2022-01-05', '台总工〔2021〕8号 一(一)'],
    ['tz-2022', 2022, '2022-12-31', '台总工〔2021〕8号 一(二)'],
  ] as const)('%s %s paid %s: refused (%s)', (scheme, year, paidOn, basis) => {
    expect(periodCoverage(scheme, year, paidOn)).toEqual({
      ok: false,
      reason: { code: 'PERIOD_OVER', basis, message: expect.stringContaining(`${year} 年度保障期到 ${year}-12-31 止`) },
    })
    expect(() => coverageStartForPeriod(scheme, year, paidOn)).toThrow(RangeError)
  })
})

describe('coverageStatus', () => {
  const base = { scheme: 'wh-2020' as const, product: 'critical' as const, firstTime: true, coverageStart: '2021-04-01', shares: 2 }
  it.each([
    ['2021-03-31', 0, 'not_started', null],
    ['2021-04-01', 1, 'waiting', null],
    ['2021-04-30', 30, 'waiting', null],
    ['2021-05-01', 31, 'consolation_1', 200000],
    ['2021-05-30', 60, 'consolation_1', 200000],
    ['2021-05-31', 61, 'consolation_2', 400000],
    ['2021-06-29', 90, 'consolation_2', 400000],
    ['2021-06-30', 91, 'full', 2000000],
    ['2021-12-31', 275, 'full', 2000000],
    ['2022-01-01', 276, 'ended', null],
  ] as const)('%s → day %i, %s', (today, dayNumber, phase, amount) => {
    const s = coverageStatus({ ...base, today })
    expect(s.dayNumber).toBe(dayNumber)
    expect(s.phase).toBe(phase)
    expect(s.claimableNow?.amountFen ?? null).toBe(amount)
    expect(s.fullFrom).toBe('2021-06-30')
  })
  it('explains itself in Chinese', () => {
    expect(coverageStatus({ ...base, shares: 1, today: '2021-05-15' }).summary).toBe('观察期第 45 天：此时确诊可申请慰问金 1,000 元/份；2021-06-30 起享受医疗互助金 10,000 元/份。')
    expect(coverageStatus({ ...base, today: '2021-04-10' }).summary).toContain('30 天内确诊不予给付')
  })
  it('windows cover the period without gaps', () => {
    expect(coverageStatus({ ...base, today: '2021-04-01' }).windows).toEqual([
      { from: '2021-04-01', to: '2021-04-30', benefit: 'none', amountFen: 0, basis: '第十四条第二项' },
      { from: '2021-05-01', to: '2021-05-30', benefit: 'consolation', amountFen: 200000, basis: '第八条' },
      { from: '2021-05-31', to: '2021-06-29', benefit: 'consolation', amountFen: 400000, basis: '第八条' },
      { from: '2021-06-30', to: '2021-12-31', benefit: 'medical', amountFen: 2000000, basis: '第七条' },
    ])
  })
  it('a late first-time start may never reach the full benefit', () => {
    const s = coverageStatus({ ...base, coverageStart: '2021-11-01', today: '2021-12-15' })
    expect(s.fullFrom).toBeNull()
    expect(s.phase).toBe('consolation_1')
  })
  it('renewing: full from day 1; ended flag after a payout', () => {
    expect(coverageStatus({ ...base, firstTime: false, today: '2021-04-01' }).phase).toBe('full')
    const ended = coverageStatus({ ...base, firstTime: false, today: '2021-05-01', ended: true })
    expect(ended.phase).toBe('ended')
    expect(ended.active).toBe(false)
    expect(ended.claimableNow).toBeNull()
  })
  it('TZ: no observation period', () => {
    const s = coverageStatus({ scheme: 'tz-2021', product: 'critical', firstTime: true, coverageStart: '2021-05-20', today: '2021-05-20' })
    expect(s.phase).toBe('full')
    expect(s.claimableNow).toEqual({ benefit: 'critical', amountFen: 500000, basis: '台总工〔2021〕8号 四(二)3' })
    expect(s.summary).toContain('5,000 元')
  })
})

describe('deadlines', () => {
  it('WH claim deadline [I-4]: diagnosis 2021-03-01 → 2021-06-28', () => {
    expect(claimDeadline('wh-2020', '2021-03-01')).toEqual({ date: '2021-06-28', basis: '第十八条 [I-4]' })
    expect(claimDeadline('wh-2020', '2021-12-31')).toEqual({ date: '2022-04-29', basis: '第十八条 [I-4]' })
  })
  it('TZ claims cutoff', () => {
    expect(claimDeadline('tz-2021', '2021-05-03')).toEqual({ date: '2022-03-31', basis: '台总工〔2021〕8号 一(一)' })
    expect(claimDeadline('tz-2022', '2022-05-03')).toEqual({ date: '2023-03-31', basis: '台总工〔2021〕8号 一(二)' })
  })
  it('[I-15] review: received 2021-09-28 → due 2021-11-15 (National Day and adjusted Saturday 2021-10-09)', () => {
    expect(reviewDueDate('2021-09-28')).toEqual({ date: '2021-11-15', basis: '第十九条 [I-15]' })
  })
  it('review across the Spring Festival 2021 (adjusted Sunday 2021-02-07 and Saturday 2021-02-20)', () => {
    expect(reviewDueDate('2021-02-08', 5).date).toBe('2021-02-20')
    expect(reviewDueDate('2021-02-06', 1).date).toBe('2021-02-07')
  })
  it('review received on a holiday or a weekend counts from the next working day', () => {
    expect(reviewDueDate('2021-10-01', 1).date).toBe('2021-10-08')
    expect(reviewDueDate('2021-12-31', 1).date).toBe('2022-01-04') // 2022-01-01..03 New Year holiday
  })
  it('enrolment windows: first and last days included', () => {
    expect(enrolmentWindow('wh-2020')).toBeNull()
    expect(enrolmentWindow('tz-2022')).toEqual({ from: '2021-10-10', to: '2021-12-31', basis: '台总工〔2021〕8号 一(二)' })
    expect(checkEnrolmentDate('tz-2021', '2021-04-01')).toEqual({ ok: true })
    expect(checkEnrolmentDate('tz-2021', '2021-06-30')).toEqual({ ok: true })
    expect(checkEnrolmentDate('tz-2021', '2021-07-01')).toEqual({ ok: false, reason: expect.objectContaining({ code: 'ENROLMENT_CLOSED', basis: '台总工〔2021〕8号 一(一)' }) })
    expect(checkEnrolmentDate('tz-2021', '2021-03-31')).toEqual({ ok: false, reason: expect.objectContaining({ code: 'ENROLMENT_NOT_OPEN' }) })
    expect(checkEnrolmentDate('tz-2022', '2021-10-09').ok).toBe(false)
    expect(checkEnrolmentDate('tz-2022', '2021-10-10').ok).toBe(true)
    expect(checkEnrolmentDate('tz-2022', '2022-01-01').ok).toBe(false)
    expect(checkEnrolmentDate('wh-2020', '2021-07-01')).toEqual({ ok: true })
  })
  it('new hire: 2 calendar months, end of month clamped', () => {
    expect(newHireDeadline('2021-03-15').date).toBe('2021-05-15')
    expect(newHireDeadline('2021-12-31').date).toBe('2022-02-28')
    expect(newHireDeadline('2023-12-30').date).toBe('2024-02-29')
    expect(newHireDeadline('2021-11-30').date).toBe('2022-01-30')
  })
})

describe('materials checklist (第十七条)', () => {
  it('death claims need household cancellation and beneficiary proof', () => {
    const keys = materialsChecklist('wh-2020', 'critical', 'death').map((m) => m.key)
    expect(keys).toEqual(expect.arrayContaining(['application_form', 'participant_id', 'household_cancellation', 'beneficiary_proof', 'beneficiary_id', 'death_certificate', 'medical_record']))
    expect(materialsChecklist('wh-2020', 'critical', 'illness').map((m) => m.key)).not.toContain('household_cancellation')
  })
  it('TZ inpatient needs receipts and the insurance settlement', () => {
    expect(materialsChecklist('tz-2021', 'inpatient', 'inpatient').filter((m) => m.required).map((m) => m.key)).toEqual(
      expect.arrayContaining(['inpatient_receipts', 'settlement_statement']),
    )
  })
})
