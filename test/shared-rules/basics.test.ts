import fc from 'fast-check'
import {
  addDays, addMonths, daysBetween, fenToYuan, formatYuan, isValidDate, isWorkingDay, maskResidentId, parseResidentId,
  residentIdCheckChar, roundHalfUp, usccCheckChar, validateUscc, yuanToFen,
} from '@mutual-aid/shared-rules'

describe('dates on integer day numbers', () => {
  it('validates real calendar dates only', () => {
    expect(isValidDate('2024-02-29')).toBe(true)
    expect(isValidDate('2021-02-29')).toBe(false)
    expect(isValidDate('1900-02-29')).toBe(false)
    expect(isValidDate('2000-02-29')).toBe(true)
    expect(isValidDate('2021-13-01')).toBe(false)
    expect(isValidDate('2021-4-1')).toBe(false)
    expect(isValidDate('2021-04-01T00:00')).toBe(false)
  })
  it('adds days across month, year and leap boundaries', () => {
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01')
    expect(addDays('2022-01-01', -1)).toBe('2021-12-31')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2021-03-01', 119)).toBe('2021-06-28')
    expect(daysBetween('2021-03-10', '2021-05-01')).toBe(52)
    expect(daysBetween('2021-12-31', '2021-01-01')).toBe(-364)
  })
  it('agrees with an independent UTC calendar for every day 1990–2060 (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 7305, max: 32872 }), fc.integer({ min: -800, max: 800 }), (base, n) => {
      const a = new Date(base * 86400000).toISOString().slice(0, 10)
      const b = new Date((base + n) * 86400000).toISOString().slice(0, 10)
      expect(addDays(a, n)).toBe(b)
      expect(daysBetween(a, b)).toBe(n)
      expect(isValidDate(a)).toBe(true)
    }))
  })
  it('adds months with end-of-month clamping', () => {
    expect(addMonths('2021-01-31', 1)).toBe('2021-02-28')
    expect(addMonths('2021-11-15', 2)).toBe('2022-01-15')
    expect(addMonths('2021-03-31', -1)).toBe('2021-02-28')
  })
  it('knows PRC holidays and adjusted working weekends', () => {
    expect(isWorkingDay('2021-10-01')).toBe(false)
    expect(isWorkingDay('2021-10-09')).toBe(true) // Saturday, adjusted
    expect(isWorkingDay('2021-09-26')).toBe(true) // Sunday, adjusted
    expect(isWorkingDay('2021-10-10')).toBe(false) // ordinary Sunday
    expect(isWorkingDay('2021-09-28')).toBe(true)
  })
})

describe('money in fen', () => {
  it('converts yuan at the edge', () => {
    expect(yuanToFen('2400')).toBe(240000)
    expect(yuanToFen('2,400.00')).toBe(240000)
    expect(yuanToFen('2400.5元')).toBe(240050)
    expect(yuanToFen('0.105')).toBe(11)
    expect(yuanToFen('0.104')).toBe(10)
    expect(yuanToFen(12.3)).toBe(1230)
    expect(yuanToFen(0.1 + 0.2)).toBe(30)
    expect(yuanToFen('-1.5')).toBe(-150)
    expect(() => yuanToFen('abc')).toThrow(TypeError)
    expect(() => yuanToFen(Number.NaN)).toThrow(TypeError)
  })
  it('formats fen', () => {
    expect(fenToYuan(240000)).toBe('2400.00')
    expect(fenToYuan(5)).toBe('0.05')
    expect(fenToYuan(-150)).toBe('-1.50')
    expect(formatYuan(240000)).toBe('2,400.00 元')
    expect(formatYuan(123456789)).toBe('1,234,567.89 元')
    expect(formatYuan(0)).toBe('0.00 元')
  })
  it('rounds half up, named', () => {
    expect(roundHalfUp(5, 2)).toBe(3)
    expect(roundHalfUp(7, 3)).toBe(2)
    expect(roundHalfUp(12345 * 50, 100)).toBe(6173)
    expect(roundHalfUp(-5, 2)).toBe(-2)
    expect(() => roundHalfUp(1, 0)).toThrow(RangeError)
  })
  it('yuan ⇄ fen round-trips (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => {
      expect(yuanToFen(fenToYuan(fen))).toBe(fen)
      expect(yuanToFen(formatYuan(fen).replace(' 元', ''))).toBe(fen)
    }))
  })
  it('roundHalfUp is within half a unit (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1000 }), (n, d) => {
      const r = roundHalfUp(n, d)
      expect(Math.abs(r * d - n) * 2).toBeLessThanOrEqual(d)
    }))
  })
})

describe('resident ID (GB 11643-1999)', () => {
  it.each([
    ['420102199001011236', '1990-01-01', 'male'],
    ['11010519491231002X', '1949-12-31', 'female'],
    ['44030419851231002x', '1985-12-31', 'female'],
    ['420102200002291212', '2000-02-29', 'male'],
  ])('%s is valid, born %s, %s', (id, birthDate, sex) => {
    expect(parseResidentId(id)).toEqual({ ok: true, id: id.toUpperCase(), birthDate, sex })
  })
  it('rejects a wrong check digit, a bad date, a bad length', () => {
    expect(parseResidentId('420102199001011235')).toEqual({ ok: false, code: 'INVALID_ID', message: expect.stringContaining('校验位') })
    expect(parseResidentId('420102199002301234').ok).toBe(false)
    expect(parseResidentId('42010219900101123').ok).toBe(false)
    expect(parseResidentId('').ok).toBe(false)
  })
  it('any single changed digit is detected (property)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 11, max: 65 }), fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 7305, max: 18000 }), fc.integer({ min: 0, max: 999 }),
      fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }),
      (prov, area, dayNo, seq, pos, delta) => {
        const birth = new Date(dayNo * 86400000).toISOString().slice(0, 10).replace(/-/g, '')
        const first17 = `${prov}${String(area).padStart(4, '0')}${birth}${String(seq).padStart(3, '0')}`
        const id = first17 + residentIdCheckChar(first17)
        expect(parseResidentId(id).ok).toBe(true)
        const changed = first17.slice(0, pos) + String((Number(first17[pos]) + delta) % 10) + first17.slice(pos + 1)
        expect(parseResidentId(changed + id[17]).ok).toBe(false)
      },
    ))
  })
  it('masks for display', () => {
    expect(maskResidentId('420102199001011234')).toBe('4201**********1234')
    expect(maskResidentId('1234')).toBe('****')
  })
})

describe('unified social credit code (GB 32100-2015)', () => {
  it.each(['91350100M000100Y43', '91110108551385082Q', '12420000441000000P', '91420100ma4k233315'])('%s is valid', (code) => {
    expect(validateUscc(code)).toEqual({ ok: true })
  })
  it('rejects forbidden letters, a wrong length and a wrong check character', () => {
    expect(validateUscc('91350100M000100Y44')).toEqual({ ok: false, code: 'INVALID_USCC', message: expect.stringContaining('校验位') })
    expect(validateUscc('91350100M000100YI3').ok).toBe(false)
    expect(validateUscc('9135010').ok).toBe(false)
    expect(validateUscc('91AB0100M000100Y43').ok).toBe(false)
  })
  it('any single substitution is detected (property)', () => {
    const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY'
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 9, maxLength: 9 }), fc.integer({ min: 0, max: 999999 }),
      fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 30 }),
      (rest, region, pos, delta) => {
        const first17 = '91' + String(region).padStart(6, '0') + rest.map((i) => charset[i]).join('')
        expect(validateUscc(first17 + usccCheckChar(first17)).ok).toBe(true)
        const idx = charset.indexOf(first17[pos])
        const changed = first17.slice(0, pos) + charset[(idx + delta) % 31] + first17.slice(pos + 1)
        expect(validateUscc(changed + usccCheckChar(first17)).ok).toBe(false)
      },
    ))
  })
})
