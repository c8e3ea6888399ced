/**
 * Issue 14: the office derives next year's version from the previous one, edits it and previews it against the
 * documents' own examples before publishing. The seed cases reproduce DOMAIN §5 on the versions they were written
 * for; a draft copied without changes previews with no difference; each kind of edit shows up on the cases it touches.
 */
import {
  SEED_CASES, firstPeriodStart, getScheme, isSchemeIdShape, nextVersionDraft, parseScheme, previewVersion, type Scheme, type TzScheme, type WhScheme,
} from '@mutual-aid/shared-rules'

const byId = (rows: ReturnType<typeof previewVersion>) => Object.fromEntries(rows.map((r) => [r.id, r]))

describe('scheme id shape (published versions exist only at run time)', () => {
  it.each(['wh-2020', 'tz-2023', 'wh-2024-rev1'])('%s has the shape', (id) => expect(isSchemeIdShape(id)).toBe(true))
  it.each(['TZ-2023', 'tz_2023', 'tz-', 'xx-2023', 'tz-2023 ', '', 42, null, `tz-${'9'.repeat(40)}`])('%p does not', (id) => expect(isSchemeIdShape(id)).toBe(false))
})

describe('the seed cases on the versions they were written for (DOMAIN §5)', () => {
  const wh = byId(previewVersion(getScheme('wh-2020'), getScheme('wh-2020')))
  const tz = byId(previewVersion(getScheme('tz-2021'), getScheme('tz-2021')))
  it.each([
    ['wh-example-1', 200000, true],
    ['wh-example-2', 0, false],
    ['wh-example-3', 3000000, true],
    ['wh-example-4', 300000, true],
    ['wh-day-91', 1000000, true],
    ['wh-death-91', 300000, true],
    ['wh-late', 0, false],
    ['wh-fee', 100000, true],
  ] as const)('WH %s → %i fen', (id, amountFen, ok) => {
    expect(wh[id].base).toMatchObject({ amountFen, ok })
    expect(wh[id].differs).toBe(false)
  })
  it.each([
    ['tz-example-5', 270000, true],
    ['tz-resident', 6173, true],
    ['tz-allowance-cap', 90000, true],
    ['tz-critical', 500000, true],
    ['tz-critical-mild', 200000, true],
    ['tz-female', 500000, true],
    ['tz-late', 0, false],
    ['tz-example-6', 126000, true],
  ] as const)('TZ 2021 %s → %i fen', (id, amountFen, ok) => {
    expect(tz[id].base).toMatchObject({ amountFen, ok })
  })
  it('refusals say why, in Chinese', () => {
    expect(wh['wh-example-2'].base.summary).toBe('不予给付：观察期内确诊或身故')
    expect(wh['wh-late'].base.codes).toEqual(['LATE_CLAIM'])
    expect(tz['tz-example-5'].base.summary).toBe('给付 2,700.00 元（住院津贴、住院医疗费补助）')
  })
  it('every case belongs to a family and has a source', () => {
    for (const c of SEED_CASES) expect(c.source.length).toBeGreaterThan(0)
    expect(new Set(SEED_CASES.map((c) => c.id)).size).toBe(SEED_CASES.length)
  })
})

describe('nextVersionDraft', () => {
  it('TZ 2022 → 2023: every date a year later, the rest copied, valid by the same schema', () => {
    const base = getScheme('tz-2022') as TzScheme
    const d = nextVersionDraft(base, 2023) as TzScheme
    expect(d).toMatchObject({
      id: 'tz-2023',
      name: '台州市在职职工医疗互助保障（2023年度）',
      year: 2023,
      effectiveFrom: '2023-01-01',
      activity: { from: '2023-01-01', to: '2023-12-31', basis: base.activity.basis },
      enrolment: { from: '2022-10-10', to: '2022-12-31' },
      claims: { from: '2023-01-01', to: '2024-03-31' },
      critical: base.critical,
      fees: null,
    })
    expect(parseScheme(JSON.parse(JSON.stringify(d)))).toMatchObject({ ok: true })
    expect(firstPeriodStart(d)).toBe('2023-01-01')
  })
  it('the copy shares nothing with the original', () => {
    const base = getScheme('tz-2021') as TzScheme
    const d = nextVersionDraft(base, 2022) as TzScheme
    ;(d.diseases.critical as unknown as { name: string }[])[0].name = 'changed'
    expect(base.diseases.critical?.[0].name).toBe('恶性肿瘤——重度')
  })
  it('WH: takes effect on 1 January of the given year', () => {
    const d = nextVersionDraft(getScheme('wh-2020'), 2022) as WhScheme
    expect(d).toMatchObject({ id: 'wh-2022', effectiveFrom: '2022-01-01', name: '武汉城市圈职工重大疾病医疗互助（2022年版办法）' })
    expect(parseScheme(d)).toMatchObject({ ok: true })
  })
  it('refuses a year that is not a four-digit year', () => {
    expect(() => nextVersionDraft(getScheme('wh-2020'), 22)).toThrow(RangeError)
  })
})

describe('previewVersion: what an edit changes', () => {
  it('an unchanged copy of next year differs in nothing (each case in its own period)', () => {
    for (const [id, year] of [['tz-2021', 2022], ['tz-2022', 2023], ['wh-2020', 2022]] as const) {
      const base = getScheme(id)
      expect(previewVersion(base, nextVersionDraft(base, year)).filter((r) => r.differs)).toEqual([])
    }
  })
  it('a higher critical amount changes the severe case only', () => {
    const base = getScheme('tz-2021') as TzScheme
    const draft: Scheme = { ...nextVersionDraft(base, 2022), critical: { ...base.critical, severeFen: 600000 } } as TzScheme
    const rows = previewVersion(base, draft)
    expect(rows.filter((r) => r.differs).map((r) => r.id)).toEqual(['tz-critical'])
    expect(byId(rows)['tz-critical'].draft.summary).toBe('给付 6,000.00 元（重大疾病互助保障金）')
  })
  it('a WH consolation window paying more and a disease removed from the list show on their cases', () => {
    const base = getScheme('wh-2020') as WhScheme
    const next = nextVersionDraft(base, 2022) as WhScheme
    const draft: WhScheme = {
      ...next,
      illnessFirstTime: next.illnessFirstTime.map((w) => (w.benefit === 'consolation' && w.fromDay === 31 ? { ...w, perShareFen: 150000 } : w)),
      diseases: { critical: (next.diseases.critical ?? []).filter((d) => d.name !== '冠状动脉搭桥及支架植入术') },
    }
    const rows = byId(previewVersion(base, draft))
    expect(rows['wh-example-1'].draft.amountFen).toBe(300000)
    expect(rows['wh-example-3'].draft).toMatchObject({ ok: false })
    expect(rows['wh-example-3'].differs).toBe(true)
    expect(rows['wh-day-91'].differs).toBe(false)
  })
  it('fees still to be announced show as such on the fee case', () => {
    const base = getScheme('tz-2021')
    const rows = byId(previewVersion(base, getScheme('tz-2022')))
    expect(rows['tz-example-6'].draft).toMatchObject({ ok: false, codes: ['FEES_NOT_ANNOUNCED'] })
    expect(rows['tz-example-6'].differs).toBe(true)
  })
  it('refuses to compare versions of different families', () => {
    expect(() => previewVersion(getScheme('wh-2020'), getScheme('tz-2021'))).toThrow(RangeError)
  })
})
