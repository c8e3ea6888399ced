import { assessInputSchema, deadlineInputSchema, formatIssues, participationInputSchema, quoteInputSchema } from '@mutual-aid/shared-rules'

describe('boundary schemas (zod)', () => {
  it('assess: absent booleans false, lists empty, kind/product defaults, null means absent', () => {
    const r = assessInputSchema.safeParse({ scheme: 'wh-2020', participant: { coverageStart: '2021-01-16', sex: null }, claim: { eventDate: '2021-02-01', disease: 'WH05' } })
    expect(r.success).toBe(true)
    if (!r.success) return
    expect(r.data).toEqual({
      scheme: 'wh-2020',
      product: 'critical',
      participant: { firstTime: false, coverageStart: '2021-01-16', retiredAtEnrolment: false, priorDiseases: [], paidThisPeriod: false },
      claim: { kind: 'illness', disease: 'WH05', eventDate: '2021-02-01', inSitu: false, designatedHospital: false, exclusions: [] },
    })
  })
  it('assess: WH / TZ resolve from the coverage start year; inpatient claims need an admission date', () => {
    const tz = assessInputSchema.safeParse({ scheme: 'tz', participant: { coverageStart: '2022-01-01' }, claim: { kind: 'inpatient', eventDate: '2022-02-01' } })
    expect(tz.success && tz.data.scheme).toBe('tz-2022')
    expect(tz.success && tz.data.product).toBe('inpatient')
    expect(tz.success && tz.data.claim.admission).toBe('2022-02-01')
    const bad = assessInputSchema.safeParse({ scheme: 'TZ', participant: { coverageStart: '2021-05-01' }, claim: { kind: 'inpatient', admission: '2021-05-03', discharge: '2021-05-01' } })
    expect(bad.success).toBe(false)
    if (!bad.success) expect(formatIssues(bad.error)).toBe('claim.discharge：出院日期不能早于入院日期')
  })
  it('participation: positive staff, known unit types; TZ without a year uses the latest TZ data', () => {
    expect(participationInputSchema.safeParse({ scheme: 'wh-2020', unitType: 'agency', staff: 0, participants: 0 }).success).toBe(false)
    const r = participationInputSchema.safeParse({ scheme: 'TZ', unitType: 'private', staff: 40, participants: 30 })
    expect(r.success && r.data.scheme).toBe('tz-2022')
    const y = participationInputSchema.safeParse({ scheme: 'TZ', year: 2021, unitType: 'private', staff: 40, participants: 30 })
    expect(y.success && y.data.scheme).toBe('tz-2021')
  })
  it('quote: the women-only product needs every participant\'s sex', () => {
    const r = quoteInputSchema.safeParse({ scheme: 'tz-2021', unitType: 'soe', coverageStart: '2021-04-01', products: ['female'], participants: [{ firstTime: true }] })
    expect(r.success).toBe(false)
    if (!r.success) expect(formatIssues(r.error)).toContain('participants.0.sex')
  })
  it('deadline: claim needs a scheme and an event date; review defaults to WH', () => {
    expect(deadlineInputSchema.safeParse({ kind: 'claim', eventDate: '2021-01-01' }).success).toBe(false)
    const r = deadlineInputSchema.safeParse({ kind: 'review', received: '2021-09-28' })
    expect(r.success && r.data).toEqual({ scheme: 'wh-2020', kind: 'review', received: '2021-09-28', workingDays: undefined })
  })
})
