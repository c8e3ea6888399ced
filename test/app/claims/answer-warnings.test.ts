/**
 * The claim form's warning when an answer makes the claim ineligible: from the rules' own assessment, only for
 * questions already answered, with the reason's Chinese title and the article without reading markers.
 */
import type { ParticipationView } from '@mutual-aid/contracts'
import { getScheme } from '@mutual-aid/shared-rules'
import { answerWarnings } from '../../../src/features/claims/claim-wizard/wizard-derived'

const wh: ParticipationView = {
  id: 'p-wh', schemeId: 'wh-2020', rules: getScheme('wh-2020'), family: 'WH', year: 2021, products: ['critical'], shares: 2, firstTime: false,
  coverageStart: '2021-01-16', coverageEnd: '2021-12-31', endedProducts: [], inpatientDaysUsed: 0,
}
const facts = { disease: 'WH05', eventDate: '2021-05-01', hospital: '鄂州市中心医院', inpatient: true }

describe('answerWarnings', () => {
  it('否 / 不确定 for the designated hospital: 非指定医院, what it means, the article, ineligible', () => {
    const [w, ...rest] = answerWarnings(wh, 'critical', 'illness', { ...facts, designatedHospital: false })
    expect(rest).toEqual([])
    expect(w).toMatchObject({ code: 'NOT_DESIGNATED_HOSPITAL', title: '非指定医院', blocking: true })
    expect(w.basis).toMatch(/^第.+条/)
    expect(w.basis).not.toContain('[I-')
  })

  it('是: no warning; an unanswered question is not warned about', () => {
    expect(answerWarnings(wh, 'critical', 'illness', { ...facts, designatedHospital: true })).toEqual([])
    expect(answerWarnings(wh, 'critical', 'illness', { disease: 'WH05', eventDate: '2021-05-01' })).toEqual([])
  })

  it('a death not from illness is warned about once answered', () => {
    const ws = answerWarnings(wh, 'critical', 'death', { ...facts, designatedHospital: true, causeOfDeath: 'accident' })
    expect(ws.map((w) => w.code)).toContain('NOT_ILLNESS_DEATH')
  })

  it('nothing to say before the date is known or without a participation', () => {
    expect(answerWarnings(wh, 'critical', 'illness', { designatedHospital: false })).toEqual([])
    expect(answerWarnings(null, 'critical', 'illness', { ...facts, designatedHospital: false })).toEqual([])
  })
})
