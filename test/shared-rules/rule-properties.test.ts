/**
 * Invariants of the rules outside assessment (fast-check): coverage never spills into the next period, a masked ID
 * never shows birth digits, a quote's people add up to its total, working days land on working days, a closed claim
 * takes no event, and several stays in a period never pay more than the allowance days (TZ [I-7]).
 */
import fc from 'fast-check'
import {
  BUILT_IN_REGISTRY, CLAIM_EVENTS, CLAIM_STATUSES, UNIT_TYPES, addDays, addWorkingDays, assessWithEffects, coverageEnd,
  coverageStartForPeriod, daysBetween, getScheme, isWorkingDay, maskResidentId, periodCoverage, quote, transition,
  type Actor, type ClaimStatus, type Family, type Product, type ReviewLevel, type SchemeId,
} from '@mutual-aid/shared-rules'
import { scaledRuns } from '../helpers/fast-check-runs'

const date = (from: string, span: number) => fc.integer({ min: 0, max: span }).map((n) => addDays(from, n))

describe('coverage windows (WH 第三条, TZ 台总工〔2021〕8号 一, [I-12])', () => {
  // Every period the built-in versions govern, with the version governing it.
  const periods: { family: Family; year: number }[] = [
    ...Array.from({ length: 11 }, (_, k) => ({ family: 'WH' as const, year: 2020 + k })),
    { family: 'TZ', year: 2021 },
    { family: 'TZ', year: 2022 },
  ]
  // Payment dates from the autumn before the period to the spring after it: day k after 1 October of the year before.
  it('a start never falls after its end, inside its own period, as the callers compute it', () => {
    fc.assert(fc.property(fc.constantFrom(...periods), fc.integer({ min: 0, max: 520 }), ({ family, year }, k) => {
      const scheme = BUILT_IN_REGISTRY.forYear(family, year)!
      const paidOn = addDays(`${year - 1}-10-01`, k)
      const c = periodCoverage(scheme, year, paidOn)
      const periodEnd = family === 'WH' ? `${year}-12-31` : (scheme.family === 'TZ' ? scheme.activity.to : '')
      // Refused exactly when paid on or after the period's last day: coverage runs from the day after payment.
      expect(c.ok).toBe(paidOn < periodEnd)
      if (!c.ok) return
      expect(c.start <= c.end).toBe(true)
      expect(c.start > paidOn).toBe(true)
      expect(c.end).toBe(periodEnd)
      expect(Number(c.start.slice(0, 4))).toBe(year)
      expect(coverageStartForPeriod(scheme, year, paidOn)).toBe(c.start)
      expect(coverageEnd(scheme, c.start)).toBe(c.end)
    }), scaledRuns({ numRuns: 600 }))
  })

  it('consecutive periods never overlap, whenever each is paid', () => {
    const consecutive = fc.constantFrom(...periods.filter((p) => periods.some((q) => q.family === p.family && q.year === p.year + 1)))
    fc.assert(fc.property(consecutive, fc.integer({ min: 0, max: 520 }), fc.integer({ min: 0, max: 520 }), ({ family, year }, a, b) => {
      const first = periodCoverage(BUILT_IN_REGISTRY.forYear(family, year)!, year, addDays(`${year - 1}-10-01`, a))
      const next = periodCoverage(BUILT_IN_REGISTRY.forYear(family, year + 1)!, year + 1, addDays(`${year}-10-01`, b))
      if (first.ok && next.ok) expect(first.end < next.start).toBe(true)
    }), scaledRuns({ numRuns: 600 }))
  })
})

describe('maskResidentId (DOMAIN §4: `4201**********1234`)', () => {
  const anyText = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.stringMatching(/^[0-9]{1,20}[0-9Xx]?$/),
  )

  it('shows nothing of any string but an 18-character ID, and never its birth date', () => {
    fc.assert(fc.property(anyText, (text) => {
      const chars = Array.from(text.replace(/\s+/g, ''))
      const masked = Array.from(maskResidentId(text))
      expect(masked).toHaveLength(chars.length)
      const shown = masked.map((c, i) => (c === '*' ? -1 : i)).filter((i) => i >= 0)
      if (chars.length !== 18) expect(shown).toEqual([])
      // Everything between the kept ends is masked — an ID's birth date (characters 7–14) included — whatever the input.
      for (let i = 4; i < chars.length - 4; i++) expect(masked[i]).toBe('*')
      for (const i of shown) expect(masked[i]).toBe(chars[i])
      expect(shown.length).toBeLessThanOrEqual(8)
    }), scaledRuns({ numRuns: 1000 }))
  })

  it.each([
    ['420102199001011234', '4201**********1234'],
    ['42010219900101123X', '4201**********123X'],
    ['42010219900101123', '*****************'], // 17: the kept ends would show birth digits
    ['4201021990010112345', '*******************'],
    ['4201 0219 9001 0112 34', '4201**********1234'],
    ['', ''],
  ])('%j → %j', (id, expected) => {
    expect(maskResidentId(id)).toBe(expected)
  })
})

describe('quote: per-person amounts add up (WH 第六条, TZ 四(一))', () => {
  it('the people add up to the total, and so do the lines', () => {
    const input = fc.record({
      scheme: fc.constantFrom<SchemeId>('wh-2020', 'tz-2021'),
      unitType: fc.constantFrom(...UNIT_TYPES),
      finance: fc.boolean(),
      coverageStart: date('2020-12-01', 420),
      shares: fc.integer({ min: 0, max: 4 }),
      products: fc.subarray<Product>(['critical', 'inpatient', 'female']),
      participants: fc.array(fc.record({ firstTime: fc.boolean(), sex: fc.constantFrom('male' as const, 'female' as const) }), { maxLength: 40 }),
    })
    fc.assert(fc.property(input, (i) => {
      const q = quote(i)
      if (!q.ok) return
      expect(q.perPerson.map((p) => p.index)).toEqual(i.participants.map((_, k) => k))
      expect(q.perPerson.reduce((sum, p) => sum + p.amountFen, 0)).toBe(q.totalFen)
      expect(q.lines.reduce((sum, l) => sum + l.amountFen, 0)).toBe(q.totalFen)
      for (const l of q.lines) expect(l.amountFen).toBe(l.persons * l.perPersonFen)
      for (const p of q.perPerson) expect(Number.isSafeInteger(p.amountFen) && p.amountFen >= 0).toBe(true)
    }), scaledRuns({ numRuns: 600 }))
  })
})

describe('addWorkingDays (WH 第十九条, [I-15])', () => {
  it('lands on a working day, after the date, with exactly n working days counted', () => {
    fc.assert(fc.property(date('2019-01-01', 3650), fc.integer({ min: 1, max: 60 }), (from, n) => {
      const due = addWorkingDays(from, n)
      expect(isWorkingDay(due)).toBe(true)
      expect(due > from).toBe(true)
      let counted = 0
      for (let d = addDays(from, 1); d <= due; d = addDays(d, 1)) if (isWorkingDay(d)) counted += 1
      expect(counted).toBe(n)
      expect(addWorkingDays(from, n + 1) > due).toBe(true)
    }), scaledRuns({ numRuns: 300 }))
  })
})

describe('claim lifecycle', () => {
  // Closed for good: paid, refused, declined, lapsed, withdrawn (lifecycle.ts). `approved` still takes `pay`, `held` `release`.
  const TERMINAL: readonly ClaimStatus[] = ['paid', 'rejected', 'declined', 'lapsed', 'withdrawn']
  const actors: readonly Actor[] = ['clerk', 'agent', 'office', 'filer']
  const returnedBy = fc.constantFrom<ReviewLevel | null | undefined>('clerk', 'agent', 'office', null, undefined)

  it('a terminal status accepts no event, from anyone', () => {
    fc.assert(fc.property(fc.constantFrom(...TERMINAL), fc.constantFrom(...CLAIM_EVENTS), fc.constantFrom(...actors), returnedBy, (status, event, actor, level) => {
      const t = transition(status, event, actor, level)
      expect(t.ok).toBe(false)
      if (!t.ok) expect(t.message).toMatch(/[\u4e00-\u9fa5]/)
    }), scaledRuns({ numRuns: 500 }))
  })

  it('every other status accepts some event (so the terminal list is exactly the closed ones)', () => {
    for (const status of CLAIM_STATUSES.filter((s) => !TERMINAL.includes(s))) {
      expect(CLAIM_EVENTS.some((e) => actors.some((a) => transition(status, e, a, 'clerk').ok))).toBe(true)
    }
  })
})

describe('inpatient allowance across several stays (TZ 四(二)1, [I-7])', () => {
  const stays = fc.array(fc.record({ after: fc.integer({ min: 0, max: 40 }), length: fc.integer({ min: 0, max: 40 }) }), { minLength: 1, maxLength: 6 })

  it('never pays more than the allowance days in a period, nor more days than a stay lasted', () => {
    fc.assert(fc.property(fc.constantFrom<SchemeId>('tz-2021', 'tz-2022'), fc.integer({ min: 0, max: 30 }), stays, fc.boolean(), (scheme, usedBefore, list, employee) => {
      const s = getScheme(scheme)
      if (s.family !== 'TZ') throw new Error('a TZ version')
      const max = s.inpatient.allowanceMaxDays
      const perDay = s.inpatient.allowancePerDayFen
      let used = usedBefore
      let admission = s.activity.from
      for (const stay of list) {
        admission = addDays(admission, stay.after)
        const discharge = addDays(admission, stay.length)
        const a = assessWithEffects({
          scheme,
          product: 'inpatient',
          participant: { firstTime: false, coverageStart: s.activity.from, medicalInsurance: employee ? 'employee' : 'resident', allowanceDaysUsed: used },
          claim: { kind: 'inpatient', eventDate: admission, admission, discharge, inpatient: true, designatedHospital: true, selfPayFen: 10_000 },
        })
        const paidDays = a.lines.filter((l) => l.benefit === 'inpatient_allowance').reduce((n, l) => n + l.amountFen / perDay, 0)
        expect(paidDays).toBe(a.onPayout.allowanceDays)
        expect(paidDays).toBeLessThanOrEqual(daysBetween(admission, discharge))
        used += a.onPayout.allowanceDays
        expect(used).toBeLessThanOrEqual(max)
      }
    }), scaledRuns({ numRuns: 500 }))
  })
})
