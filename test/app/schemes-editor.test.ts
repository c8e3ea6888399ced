/**
 * The office's scheme editor, its pure parts (src/features/schemes): what a field's text means in the data (yuan ↔
 * fen, percentages, counts, empty optional values), edits that copy only their path, the rules' own schema as
 * problems by field, and changed values named in words for the preview.
 */
import fc from 'fast-check'
import { getScheme, nextVersionDraft } from '@mutual-aid/shared-rules'
import { fromText, toText } from '../../src/features/schemes/number-text'
import { getAt, setAt } from '../../src/features/schemes/paths'
import { schemeIssues } from '../../src/features/schemes/issues'
import { changeLabel, changeValue } from '../../src/features/schemes/change-labels'
import { SECTIONS } from '../../src/features/schemes/fields'

describe('a field’s text ↔ the stored value', () => {
  it.each([
    ['yuan', '12000', { value: 1_200_000 }],
    ['yuan', '30.5', { value: 3050 }],
    ['yuan', ' 0 ', { value: 0 }],
    ['yuan', '', { error: '请填写' }],
    ['yuan', '一万', { error: '请填写金额，如 30 或 30.50' }],
    ['yuan', '-5', { error: expect.any(String) }],
    ['optionalYuan', '', { value: null }],
    ['percent', '80', { value: 80 }],
    ['percent', '7.5', { value: 7.5 }],
    ['percent', '八十', { error: '请填写 0–100 的数字' }],
    ['count', '120', { value: 120 }],
    ['count', '1.5', { error: '请填写整数' }],
    ['optionalCount', '', { value: null }],
    ['text', ' 台总工 ', { value: '台总工' }],
  ] as const)('%s %j → %j', (kind, text, expected) => {
    expect(fromText(kind, text)).toEqual(expected)
  })

  it('every amount in fen shows as yuan text that reads back to the same fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (fen) => {
        expect(fromText('yuan', toText('yuan', fen))).toEqual({ value: fen })
      }),
    )
  })

  it('an empty optional value shows as an empty field', () => {
    expect(toText('optionalYuan', null)).toBe('')
    expect(toText('optionalCount', null)).toBe('')
  })
})

describe('editing one value of a version', () => {
  it('copies only the objects on the path; the version it came from is unchanged', () => {
    const wh = getScheme('wh-2020')
    if (wh.family !== 'WH') throw new Error('wh-2020 is a WH version')
    const before = JSON.stringify(wh)
    const next = setAt(wh, ['illnessRenewing', 0, 'perShareFen'], 1_200_000)
    expect(getAt(next, ['illnessRenewing', 0, 'perShareFen'])).toBe(1_200_000)
    expect(JSON.stringify(wh)).toBe(before)
    expect(next.diseases).toBe(wh.diseases)
    expect(next.illnessRenewing).not.toBe(wh.illnessRenewing)
  })
})

describe('problems by field, from the rules’ own schema', () => {
  it.each(['wh-2020', 'tz-2021', 'tz-2022'] as const)('the built-in %s has none; neither has its next-year draft', (id) => {
    expect(schemeIssues(getScheme(id))).toEqual({})
    const s = getScheme(id)
    expect(schemeIssues(nextVersionDraft(s, s.family === 'TZ' ? s.year + 1 : 2022))).toEqual({})
  })

  it('a broken value is named by the path of the field that shows it', () => {
    const tz = getScheme('tz-2021')
    const issues = schemeIssues(setAt(tz, ['critical', 'severeFen'], -1))
    expect(Object.keys(issues)).toContain('critical.severeFen')
  })

  it('every field the editor shows exists in its family’s versions', () => {
    for (const [family, id] of [['TZ', 'tz-2021'], ['WH', 'wh-2020']] as const) {
      for (const section of SECTIONS[family]) for (const f of section.fields) expect([f.path.join('.'), getAt(getScheme(id), f.path)]).not.toEqual([f.path.join('.'), undefined])
    }
  })
})

describe('changed values in words (preview)', () => {
  it.each([
    ['TZ', 'critical.severeFen', '重大疾病（重度）互助金（元）'],
    ['WH', 'illnessRenewing[0].perShareFen', '续保 · 确诊后给付（第七条） · 第 1 段 · 每份金额'],
    ['TZ', 'fees[inpatient].byUnitType.private', '缴费标准 · 住院医疗互助 · 民营企业'],
  ] as const)('%s %s → %s', (family, path, label) => {
    expect(changeLabel(family, path)).toBe(label)
  })

  it('amounts in fen read as yuan; other values as they are', () => {
    expect(changeValue('critical.severeFen', '1200000')).toBe('12000.00 元')
    expect(changeValue('claimDeadline.days', '120')).toBe('120')
  })
})
