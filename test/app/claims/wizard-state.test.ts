/**
 * The claim wizard's state machine (src/features/claims/claim-wizard/wizard-state.ts) and its form
 * (claim-form.ts): defaults after `prepare`, choices, what a resumed draft restores, and which steps can be reached.
 */
import fc from 'fast-check'
import { getScheme } from '@mutual-aid/shared-rules'
import type { DraftView, ParticipationView, PreparedClaim } from '@mutual-aid/contracts'
import { EMPTY_TEXT, dateFormatError, factsFromForm, textFromFacts, visibleErrors } from '../../../src/features/claims/claim-wizard/claim-form'
import { wizardView } from '../../../src/features/claims/claim-wizard/wizard-derived'
import { WIZARD_STEPS, canBeOn, initialWizard, kindsOffered, wizardReducer, type WizardEvent, type WizardState } from '../../../src/features/claims/claim-wizard/wizard-state'

const whParticipation: ParticipationView = {
  id: 'p-wh',
  schemeId: 'wh-2020',
  rules: getScheme('wh-2020'),
  family: 'WH',
  year: 2021,
  products: ['critical'],
  shares: 2,
  firstTime: false,
  coverageStart: '2021-01-16',
  coverageEnd: '2021-12-31',
  endedProducts: [],
  inpatientDaysUsed: 0,
}
const tzParticipation: ParticipationView = { ...whParticipation, id: 'p-tz', schemeId: 'tz-2021', rules: getScheme('tz-2021'), family: 'TZ', products: ['critical', 'inpatient'], shares: 0 }
const prepared = (participations: ParticipationView[], filedAs: PreparedClaim['filedAs'] = 'worker'): PreparedClaim => ({
  filedAs,
  person: { id: 'w1', name: '张伟', idMasked: '4207**********1234', unitName: '明湖精密机械有限公司' },
  participations,
  consent: false,
  today: '2021-06-15',
})
const run = (events: WizardEvent[], start: WizardState = initialWizard({})) => events.reduce(wizardReducer, start)

describe('opening and choosing whom for', () => {
  it.each([
    [{}, 'self'],
    [{ onBehalf: '1' }, 'on_behalf'],
    [{ beneficiary: '1' }, 'beneficiary'],
  ])('%o opens in mode %s on the first step', (params, mode) => {
    expect(initialWizard(params)).toMatchObject({ mode, step: 'target', draft: null, prepared: null })
  })

  it('a worker for themself: the only product and kind are chosen (never 身故: the family claims it), the payee is the worker', () => {
    const s = run([{ type: 'prepared', target: { mode: 'self' }, prepared: prepared([{ ...whParticipation }]) }])
    expect(s).toMatchObject({ participationId: 'p-wh', product: 'critical', kind: 'illness', consentGiven: false })
    expect(s.text.payeeName).toBe('张伟')
    expect(kindsOffered(s, 'critical')).toEqual(['illness'])
    expect(run([{ type: 'kind', kind: 'death' }], s).kind).toBe('illness')
  })

  it('a clerk filing for a worker chooses between 确诊 and 身故 (WH)', () => {
    const s = run([{ type: 'prepared', target: { mode: 'on_behalf', personId: 'p1' }, prepared: prepared([{ ...whParticipation }], 'clerk') }])
    expect(s).toMatchObject({ product: 'critical', kind: null })
    expect(kindsOffered(s, 'critical')).toEqual(['illness', 'death'])
  })

  it('a beneficiary files 身故 only and names the payee themself', () => {
    const s = run([
      { type: 'mode', mode: 'beneficiary' },
      { type: 'text', field: 'payeeName', value: '旧名字' },
      { type: 'prepared', target: { mode: 'beneficiary', name: '张伟', residentId: 'x' }, prepared: prepared([whParticipation], 'beneficiary') },
    ])
    expect(s).toMatchObject({ product: 'critical', kind: 'death' })
    expect(s.text.payeeName).toBe('')
    expect(run([{ type: 'kind', kind: 'illness' }], s).kind).toBe('death')
  })

  it('TZ: a product with one kind chooses it; choosing another product resets the kind to its own', () => {
    const s = run([{ type: 'prepared', target: { mode: 'self' }, prepared: prepared([tzParticipation]) }])
    expect(s).toMatchObject({ product: null, kind: null })
    expect(run([{ type: 'product', product: 'inpatient' }], s)).toMatchObject({ product: 'inpatient', kind: 'inpatient' })
    expect(run([{ type: 'product', product: 'critical' }], s)).toMatchObject({ product: 'critical', kind: 'illness' })
    expect(run([{ type: 'product', product: 'female' }], s)).toBe(s) // not offered by this participation
  })

  it('another mode or another person starts the choice again', () => {
    const s = run([{ type: 'prepared', target: { mode: 'self' }, prepared: prepared([whParticipation]) }])
    expect(run([{ type: 'mode', mode: 'on_behalf' }], s)).toMatchObject({ mode: 'on_behalf', prepared: null, product: null, kind: null, participationId: null })
    expect(run([{ type: 'pick', target: { mode: 'on_behalf', personId: 'x' } }], s)).toMatchObject({ picked: { mode: 'on_behalf', personId: 'x' }, prepared: null })
  })
})

describe('steps', () => {
  const chosen = run([
    { type: 'prepared', target: { mode: 'self' }, prepared: prepared([whParticipation]) },
    { type: 'kind', kind: 'illness' },
  ])

  it('facts need a participation, product and kind; photos and submit need the saved draft', () => {
    expect(run([{ type: 'go', step: 'facts' }], initialWizard({})).step).toBe('target')
    expect(run([{ type: 'go', step: 'facts' }], chosen).step).toBe('facts')
    expect(run([{ type: 'go', step: 'photos' }], chosen).step).toBe('target')
    const saved = run([{ type: 'saved', draftId: 'd1', version: 1, files: {} }], chosen)
    expect(run([{ type: 'go', step: 'photos' }], saved).step).toBe('photos')
    expect(run([{ type: 'go', step: 'submit' }], saved).step).toBe('submit')
    const onPhotos = run([{ type: 'go', step: 'photos' }], saved)
    expect(run([{ type: 'go', step: 'target' }], onPhotos).step).toBe('photos') // back to 上一步 only as far as the facts
    expect(run([{ type: 'go', step: 'facts' }], onPhotos).step).toBe('facts')
  })

  it('once the draft exists, whom for and what are fixed (a draft belongs to one person and product)', () => {
    const saved = run([{ type: 'saved', draftId: 'd1', version: 1, files: {} }], chosen)
    for (const e of [
      { type: 'mode', mode: 'beneficiary' },
      { type: 'pick', target: { mode: 'self' } },
      { type: 'participation', id: 'p-wh' },
      { type: 'product', product: 'critical' },
      { type: 'kind', kind: 'death' },
      { type: 'go', step: 'target' },
    ] as WizardEvent[]) {
      expect(wizardReducer(saved, e)).toBe(saved)
    }
  })

  it('prepare answering again while on the facts (e.g. 重试) resets the choice and goes back to the first step', () => {
    const onFacts = run([{ type: 'go', step: 'facts' }], chosen)
    expect(onFacts.step).toBe('facts')
    // A clerk's answer (WH offers them 确诊 and 身故, so no kind is chosen for them).
    const again = run([{ type: 'prepared', target: { mode: 'on_behalf', personId: 'p1' }, prepared: prepared([whParticipation], 'clerk') }], onFacts)
    expect(again).toMatchObject({ step: 'target', kind: null })
  })

  it('property: whatever the events, the step is always one the state can be on', () => {
    const events = fc.constantFrom<WizardEvent>(
      { type: 'prepared', target: { mode: 'self' }, prepared: prepared([whParticipation, tzParticipation]) },
      { type: 'participation', id: 'p-tz' },
      { type: 'participation', id: 'p-wh' },
      { type: 'product', product: 'critical' },
      { type: 'product', product: 'inpatient' },
      { type: 'kind', kind: 'illness' },
      { type: 'kind', kind: 'death' },
      { type: 'mode', mode: 'on_behalf' },
      { type: 'saved', draftId: 'd', version: 2, files: { a: ['x'] } },
      ...WIZARD_STEPS.map((step) => ({ type: 'go', step }) as WizardEvent),
    )
    fc.assert(
      fc.property(fc.array(events, { maxLength: 30 }), (list) => {
        const s = run(list)
        expect(s.step === 'target' || canBeOn(s, s.step)).toBe(true)
        if (s.kind && s.product) expect(kindsOffered(s, s.product)).toContain(s.kind)
      }),
    )
  })

  it('a resumed draft opens on the photos with its facts, files, version and consent', () => {
    const view: DraftView = {
      draft: {
        id: 'd9',
        version: 4,
        filedAs: 'worker',
        product: 'critical',
        kind: 'illness',
        facts: { disease: 'WH05', eventDate: '2021-05-01', hospital: '鄂州市中心医院', designatedHospital: true, payee: { name: '张伟', bank: '工行', account: '6222' } },
        files: { participant_id: ['f1'] },
        claimId: null,
        updatedAt: '2021-06-15T01:00:00.000Z',
      },
      person: { id: 'w1', name: '张伟', idMasked: '4207**********1234' },
      participation: whParticipation,
      consent: true,
      today: '2021-06-15',
    }
    const s = run([{ type: 'resumed', view }])
    expect(s).toMatchObject({ step: 'photos', draft: { id: 'd9', version: 4 }, files: { participant_id: ['f1'] }, consentGiven: true, product: 'critical', kind: 'illness' })
    expect(s.text).toMatchObject({ eventDate: '2021-05-01', hospital: '鄂州市中心医院', payeeAccount: '6222' })
    expect(s.choice).toEqual({ disease: 'WH05', designatedHospital: true, inpatient: undefined, causeOfDeath: undefined, medicalInsurance: undefined, inSitu: undefined })
  })
})

describe('the form and its facts', () => {
  it('typed text becomes facts: unfinished dates left out, amounts in fen only on an inpatient claim, spaces out of the account', () => {
    const s = run([
      { type: 'text', field: 'eventDate', value: '2021-05' },
      { type: 'text', field: 'admission', value: '2021-05-01' },
      { type: 'text', field: 'selfPay', value: '1,234.5' },
      { type: 'text', field: 'selfFunded', value: 'abc' },
      { type: 'text', field: 'payeeAccount', value: '6222 0200 0001' },
    ])
    expect(s.text.payeeAccount).toBe('622202000001')
    expect(factsFromForm(s.text, {}, 'inpatient')).toEqual({ admission: '2021-05-01', selfPayFen: 123_450, selfFundedFen: -1, payee: { name: '', bank: '', account: '622202000001' } })
    expect(factsFromForm(s.text, {}, 'illness')).not.toHaveProperty('selfPayFen')
  })

  it('text → facts → text is the identity for complete values', () => {
    const text = { ...EMPTY_TEXT, eventDate: '2021-05-01', admission: '2021-05-02', discharge: '2021-05-20', hospital: '医院', selfPay: '100.50', selfFunded: '0.00', payeeName: '张伟', payeeBank: '工行', payeeAccount: '6222' }
    expect(textFromFacts(factsFromForm(text, {}, 'inpatient'))).toEqual(text)
  })

  it('shows a field’s error once typed in, all of them after trying to go on', () => {
    const text = { ...EMPTY_TEXT, hospital: ' ' }
    const quiet = visibleErrors('illness', { ...EMPTY_TEXT }, {}, false)
    expect(Object.keys(quiet.all).length).toBeGreaterThan(0)
    expect(quiet.shown('hospital')).toBeUndefined()
    expect(visibleErrors('illness', text, {}, false).shown('hospital')).toBe(visibleErrors('illness', text, {}, false).all.hospital)
    expect(visibleErrors('illness', { ...EMPTY_TEXT }, {}, true).shown('payee.bank')).toBeTruthy()
    expect(visibleErrors(null, EMPTY_TEXT, {}, true).all).toEqual({})
  })

  it.each([
    ['2021/05/01', '日期格式应为 YYYY-MM-DD，例如 2021-05-01'],
    ['2021-05-01', undefined],
    ['2021-05', undefined],
    ['', undefined],
  ])('date %p → %p', (value, expected) => {
    expect(dateFormatError(value)).toBe(expected)
  })
})

describe('wizardView: what the step shows beside the form', () => {
  const base = run([
    { type: 'prepared', target: { mode: 'self' }, prepared: prepared([whParticipation]) },
    { type: 'kind', kind: 'illness' },
  ])

  it('the WH deadline counts from the diagnosis (120 days, [I-4]); a late one is named with its last day', () => {
    const onTime = wizardView(run([{ type: 'text', field: 'eventDate', value: '2021-05-01' }], base))
    expect(onTime.deadline?.date).toBe('2021-08-28')
    expect(onTime.late).toBe(false)
    expect(onTime.deadlineTip).toContain('2021-08-28')
    const late = wizardView(run([{ type: 'text', field: 'eventDate', value: '2021-01-20' }], base))
    expect(late.late).toBe(true)
    expect(late.lateText).toBe('已超过申请期限（最后一天 2021-05-19）')
  })

  it('the checklist leaves out the application form; required photos are missing until saved with the draft', () => {
    const v = wizardView(base)
    expect(v.checklist.map((i) => i.key)).not.toContain('application_form')
    expect(v.missing.length).toBe(v.checklist.filter((i) => i.required).length)
    const files = Object.fromEntries(v.checklist.filter((i) => i.required).map((i) => [i.key, ['f']]))
    const saved = wizardView(run([{ type: 'saved', draftId: 'd', version: 1, files }], base))
    expect(saved.missing).toEqual([])
    expect(saved.pages).toBe(Object.keys(files).length)
  })

  it('what the coverage allows today comes from the rules, and a death claim may name an illness outside the list', () => {
    expect(wizardView(base).coverage?.summary).toBeTruthy()
    const byClerk = run([
      { type: 'prepared', target: { mode: 'on_behalf', personId: 'p1' }, prepared: prepared([whParticipation], 'clerk') },
      { type: 'kind', kind: 'death' },
    ])
    const death = wizardView(byClerk)
    expect(death.diseaseOptions.at(-1)).toEqual({ value: 'other', label: '不属于上述疾病的其他疾病' })
  })
})
