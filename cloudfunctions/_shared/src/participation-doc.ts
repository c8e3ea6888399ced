import type { Product, SchemeId } from '@mutual-aid/shared-rules'
import type { Family, ParticipationDoc, PersonDoc, UnitDoc } from './documents'
import { nameKeyOf } from './name-key'

/** What decides a participation: the declaration it comes from, the person, the scheme period and the plan. */
export interface ParticipationFacts {
  enrolmentId: string
  unit: Pick<UnitDoc, '_id' | 'agentId'>
  person: Pick<PersonDoc, '_id' | 'idHash' | 'idMasked' | 'name' | 'sex'>
  scheme: { id: SchemeId; family: Family }
  year: number
  products: Product[]
  /** WH shares (1–3); 1 for TZ. */
  shares: number
  firstTime: boolean
}

/**
 * A new participation document (one person in one scheme period; unique per family, year and idHash — Art. 6):
 * pending until the unit's fee is paid, or already active with its coverage dates (the demo seed and test fixtures
 * start from a paid enrolment). Nothing has been paid on it yet.
 */
export function newParticipation(
  f: ParticipationFacts,
  now: Date,
  coverage: { start: string; end: string } | null = null,
): Omit<ParticipationDoc, '_id'> {
  return {
    enrolmentId: f.enrolmentId,
    unitId: f.unit._id,
    agentId: f.unit.agentId,
    personId: f.person._id,
    idHash: f.person.idHash,
    idMasked: f.person.idMasked,
    name: f.person.name,
    nameKey: nameKeyOf(f.person.name),
    sex: f.person.sex,
    family: f.scheme.family,
    schemeId: f.scheme.id,
    year: f.year,
    products: f.products,
    shares: f.shares,
    firstTime: f.firstTime,
    status: coverage ? 'active' : 'pending',
    coverageStart: coverage?.start ?? null,
    coverageEnd: coverage?.end ?? null,
    endedProducts: [],
    inpatientDaysUsed: 0,
    priorDiseases: [],
    version: 1,
    createdAt: now,
    updatedAt: now,
  }
}
