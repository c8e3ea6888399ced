/**
 * The declare page's derived values (src/features/enrolment/declare/declare-rules.ts): who may be declared and why
 * not in the scheme's own words, the first selection and plan, the live ratio, quote and blockers (the 70 % rule of
 * WH 第五条 for a private enterprise), and the replacement checks.
 */
import { TZ_2021, WH_2020 } from '@mutual-aid/shared-rules'
import type { PreparedPerson } from '@mutual-aid/contracts'
import {
  annualSummary,
  chosenCount,
  declarable,
  initialPlan,
  initialSelection,
  isChosen,
  renewalTags,
  replacementProblems,
  returnedDeclaration,
  submitChoice,
  toggled,
  toggledPerson,
  whyNotDeclarable,
  type Selection,
} from '../../../src/features/enrolment/declare/declare-rules'
import { person, whPrepared } from './prepared-fixtures'

/** Only these people ticked (as after 清空 and ticking them). */
const only = (people: PreparedPerson[]): Selection => ({ all: false, named: new Map(people.map((p) => [p._id, p])) })
/** Who of `people` the selection ticks. */
const ticked = (selection: Selection, people: PreparedPerson[], returnedId?: string) => people.filter((p) => isChosen(selection, p, returnedId)).map((p) => p._id)

describe('who may be declared', () => {
  it.each([
    ['in service, nowhere this period', person('1'), undefined, true],
    ['retired', person('2', { status: 'retired' }), undefined, false],
    ['left', person('3', { status: 'left' }), undefined, false],
    ['already in another unit this period (Art. 6)', person('4', { current: { enrolmentId: 'e9', status: 'active', here: false } }), undefined, false],
    ['in this unit’s returned declaration being resubmitted', person('5', { current: { enrolmentId: 'e1', status: 'pending', here: true } }), 'e1', true],
    ['in another declaration of this unit', person('6', { current: { enrolmentId: 'e2', status: 'active', here: true } }), 'e1', false],
  ])('%s → %s', (_, p, returnedId, expected) => {
    expect(declarable(p, returnedId)).toBe(expected)
  })

  it('says why not in the scheme’s words: the retirees’ article is the version’s own (WH 第十四条第三项, TZ 二1)', () => {
    expect(whyNotDeclarable(person('1', { status: 'retired' }), WH_2020)).toBe('退休人员不能参加（第十四条第三项）')
    expect(whyNotDeclarable(person('1', { status: 'retired' }), TZ_2021)).toBe(`退休人员不能参加（${TZ_2021.retired.basis}）`)
    expect(whyNotDeclarable(person('1', { status: 'retired' }), TZ_2021)).not.toContain('第十四条')
    expect(whyNotDeclarable(person('1', { status: 'left' }), WH_2020)).toBe('已离职人员不能参加')
    expect(whyNotDeclarable(person('1', { current: { enrolmentId: 'x', status: 'active', here: false } }), WH_2020)).toBe('此人本期已在其他单位参加（第六条）')
  })

  it.each([
    [person('1', { previous: true, firstTime: false }), ['续保']],
    [person('1', { previous: true, firstTime: true }), ['上期参加·已断保']],
    [person('1'), ['新增']],
    [person('1', { status: 'retired', previous: true }), ['退休（不能参加）', '上期参加']],
    [person('1', { status: 'left' }), ['已离职']],
    [person('1', { current: { enrolmentId: 'x', status: 'active', here: false } }), ['本期已在其他单位参加', '新增']],
  ])('tags of a person on the roster', (p, texts) => {
    expect(renewalTags(p).map((t) => t.text)).toEqual(texts)
  })
})

describe('the form as it opens', () => {
  it('ticks every declarable person; a returned declaration ticks its own people again', () => {
    const people = [
      person('1'),
      person('2', { status: 'retired' }),
      person('3', { current: { enrolmentId: 'e1', status: 'pending', here: true } }),
      person('4'),
    ]
    expect(ticked(initialSelection(whPrepared(people)), people)).toEqual(['1', '4'])
    const returned = { _id: 'e1', kind: 'annual', status: 'returned', version: 2, shares: 3, products: ['critical'], participantCount: 1, totalFen: 0, returnReason: '缺人', coverageStart: null } as never
    const prepared = whPrepared(people, { enrolments: [returned] }, 'e1')
    expect(returnedDeclaration(prepared)).toBe(returned)
    expect(ticked(initialSelection(prepared, returned), people, 'e1')).toEqual(['3'])
    expect(chosenCount(prepared, initialSelection(prepared, returned))).toBe(1)
    expect(initialPlan(prepared, returned)).toEqual({ shares: 3, products: ['critical'] })
  })

  it('starts from last period’s plan, else the scheme’s fewest shares and every product it offers', () => {
    expect(initialPlan(whPrepared([]))).toEqual({ shares: 1, products: ['critical'] })
    expect(initialPlan(whPrepared([], { previousPlan: { shares: 2, products: ['critical', 'female' as never] } }))).toEqual({ shares: 2, products: ['critical'] })
  })
})

describe('annualSummary: ratio, quote and what blocks submitting', () => {
  const ten = Array.from({ length: 10 }, (_, i) => person(String(i + 1)))

  it('all ten of a private enterprise: nothing blocks; the total is the quote', () => {
    const s = annualSummary(whPrepared(ten), { selection: initialSelection(whPrepared(ten)), shares: 2, products: ['critical'] })
    expect(s.blockers).toEqual([])
    expect(s).toMatchObject({ staff: 10, percent: 100 })
    expect(s.priced.ok && s.priced.totalFen).toBeGreaterThan(0)
  })

  it('WH 第四条: a unit of at most 30 staff enrols everyone — six of ten is blocked with the article', () => {
    const s = annualSummary(whPrepared(ten), { selection: only(ten.slice(0, 6)), shares: 1, products: ['critical'] })
    expect(s.percent).toBe(60)
    expect(s.ratio.requiredMin).toBe(10)
    expect(s.blockers.join()).toContain('第四条')
  })

  it('WH 第四条: a larger unit enrols at least 80 % — 30 of 40 (75 %) is blocked, 32 passes', () => {
    const forty = Array.from({ length: 40 }, (_, i) => person(String(i + 1)))
    // Untick from 全选: 40 less those after the first n.
    const pick = (n: number): Selection => ({ all: true, named: new Map(forty.slice(n).map((p) => [p._id, p])) })
    const short = annualSummary(whPrepared(forty), { selection: pick(30), shares: 1, products: ['critical'] })
    expect(short.percent).toBe(75)
    expect(short.ratio.requiredMin).toBe(32)
    expect(short.blockers.join()).toContain('80%')
    expect(annualSummary(whPrepared(forty), { selection: pick(32), shares: 1, products: ['critical'] }).blockers).toEqual([])
  })

  it('a first-time unit without a staff report, a closed window and nobody chosen each block in words', () => {
    const s = annualSummary(whPrepared(ten, { firstTimeUnit: true, window: { ok: false, message: '不在参保时间内', basis: '第十一条', from: null, to: null } }), {
      selection: only([]),
      shares: 1,
      products: ['critical'],
    })
    expect(s.blockers).toEqual(expect.arrayContaining(['不在参保时间内（第十一条）', '请至少选择一名参加人。']))
    expect(s.blockers.some((b) => b.startsWith('首次参加的单位须先填报上月职工月报'))).toBe(true)
  })

  it('WH 第三条: a period with no day left (31 December) has no quote; its reason blocks, once', () => {
    const message = '2021 年度保障期到 2021-12-31 止，保障自缴费次日零时起算，2021-12-31 缴费已没有可保障的日期。请改为申报 2022 年度。'
    const over = whPrepared(ten, { coverageStartEstimate: null, window: { ok: false, code: 'PERIOD_OVER', message, basis: '第三条', from: null, to: null } })
    const s = annualSummary(over, { selection: initialSelection(over), shares: 2, products: ['critical'] })
    expect(s.priced.ok).toBe(false)
    expect(s.blockers).toEqual([`${message}（第三条）`])
  })

  it('a first-time unit counts the larger of roster and staff report as its staff', () => {
    const s = annualSummary(whPrepared(ten, { firstTimeUnit: true, unit: { ...whPrepared([]).unit, staffReport: { month: '2021-05', headcount: 20 } } }), {
      selection: only(ten),
      shares: 1,
      products: ['critical'],
    })
    expect(s.staff).toBe(20)
    expect(s.percent).toBe(50)
  })
})

describe('replacements and toggling', () => {
  it.each([
    [1, 1, 2, []],
    [3, 3, 2, ['最多可替换 2 人（参加人数的 20%），已选 3 人。']],
    [2, 1, 2, ['须一人换一人：换出 2 人，换入 1 人。']],
  ])('%i out, %i in, at most %i', (outs, ins, max, expected) => {
    expect(replacementProblems(outs, ins, max, 20)).toEqual(expected)
  })

  it('全选 less a few: unticking names the person; the submit sends everyone except them at the revision shown', () => {
    const people = [person('1'), person('2', { sex: 'female' }), person('3', { firstTime: false }), person('4', { status: 'retired' })]
    const prepared = whPrepared(people)
    let selection = initialSelection(prepared)
    expect(chosenCount(prepared, selection)).toBe(3)
    selection = toggledPerson(selection, people[1])
    expect(ticked(selection, people)).toEqual(['1', '3'])
    expect(chosenCount(prepared, selection)).toBe(2)
    expect(submitChoice(prepared, selection)).toEqual({ allExcept: { rosterRevision: 4, count: 2, except: ['2'] } })
    // The quote counts the server's groups less the unticked woman: two men, one of them continuing.
    const s = annualSummary(prepared, { selection, shares: 1, products: ['critical'] })
    expect(s.chosen).toBe(2)
    const named = annualSummary(prepared, { selection: only([people[0], people[2]]), shares: 1, products: ['critical'] })
    expect(s.priced.ok && named.priced.ok && s.priced.totalFen === named.priced.totalFen).toBe(true)
    expect(submitChoice(prepared, only([people[0]]))).toEqual({ personIds: ['1'] })
  })

  it('toggled adds a missing id and removes a present one, leaving the original set unchanged', () => {
    const set = new Set(['a'])
    expect([...toggled(set, 'b')]).toEqual(['a', 'b'])
    expect([...toggled(set, 'a')]).toEqual([])
    expect([...set]).toEqual(['a'])
  })
})
