/**
 * A unit's prepared declaration as `enrolment.prepare` answers it, for tests of the declare page's rules and hooks.
 */
import { WH_2020 } from '@mutual-aid/shared-rules'
import type { PreparedDeclaration, PreparedPerson } from '@mutual-aid/contracts'
import { declarable } from '../../../src/features/enrolment/declare/declare-rules'

export const person = (id: string, change: Partial<PreparedPerson> = {}): PreparedPerson => ({
  _id: id,
  name: `职工${id}`,
  idMasked: `4201**********${id.padStart(4, '0')}`,
  sex: 'male',
  status: 'in_service',
  hireDate: '2015-03-01',
  previous: false,
  current: null,
  firstTime: true,
  ...change,
})

/** The roster's figures as `enrolment.prepare` counts them on the server from `people`. */
function rosterOf(people: PreparedPerson[], returnedId?: string): PreparedDeclaration['roster'] {
  const inService = people.filter((p) => p.status === 'in_service')
  const ok = inService.filter((p) => declarable(p, returnedId))
  const groups = new Map<string, { firstTime: boolean; sex: 'male' | 'female'; count: number }>()
  for (const p of ok) {
    const g = groups.get(`${p.firstTime}:${p.sex}`) ?? { firstTime: p.firstTime, sex: p.sex, count: 0 }
    g.count++
    groups.set(`${p.firstTime}:${p.sex}`, g)
  }
  return {
    revision: 4,
    inService: inService.length,
    declarable: ok.length,
    groups: [...groups.values()],
    previous: people.filter((p) => p.previous).length,
    activeHere: people.filter((p) => p.current?.here && p.current.status === 'active').length,
    notInReturned: returnedId ? ok.filter((p) => p.current?.enrolmentId !== returnedId) : null,
  }
}

/** A WH private enterprise on 2021-06-15 with `people`, in the window, not first-time (no staff report needed). */
export function whPrepared(people: PreparedPerson[], change: Partial<PreparedDeclaration> = {}, returnedId?: string): PreparedDeclaration {
  return {
    today: '2021-06-15',
    year: 2021,
    unit: { _id: 'u1', name: '明湖精密机械有限公司', unitType: 'private', finance: false, family: 'WH', staffReport: null },
    scheme: { id: 'wh-2020', name: WH_2020.name, family: 'WH', products: [{ id: 'critical', name: '重大疾病互助' }], shares: { min: 1, max: 3 } },
    rules: WH_2020,
    window: { ok: true, from: '2021-01-01', to: '2021-12-31' },
    renewal: null,
    coverageStartEstimate: '2021-06-16',
    previousPlan: null,
    firstTimeUnit: false,
    enrolments: [],
    roster: rosterOf(people, returnedId),
    initial: { participants: 0, staff: 0, ratioOk: true, requiredMin: null, totalFen: null },
    ...change,
  }
}
