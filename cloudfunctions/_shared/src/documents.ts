import type { Family, MedicalInsurance, Product, SchemeId, Sex, UnitType } from '@mutual-aid/shared-rules'

/**
 * Shapes of the documents more than one function reads. Each collection has one writer side: units, people and
 * participations are written by the enrolment functions; the claims function applies payout effects to
 * participations (`endedProducts`, `inpatientDaysUsed`, `priorDiseases`).
 */

export type { Family, Sex }

/** A participating unit (参加单位). */
export interface UnitDoc {
  _id: string
  name: string
  uscc: string
  unitType: UnitType
  /** Banks and insurers (TZ fees). */
  finance: boolean
  family: Family
  agentId: string
  contactName: string
  contactPhone: string
  address: string
  /** Last month's headcount, filed by first-time units (WH Art. 5). */
  staffReport?: { month: string; headcount: number; fileID?: string; recordedAt: Date }
  lastChange?: { reportedOn: string; changedOn: string; late: boolean }
  /**
   * Bumped in the transaction of every roster change (add, status, import start and end): a declaration of "everyone
   * except …" names the revision the clerk saw and is refused when the roster moved since (missing = 0).
   */
  rosterRevision?: number
  /**
   * Moves after every write of participations of people on this roster (this unit's or another's declaration), so the
   * declaration screen's kept figures (`rosterCounts`, roster-counts.ts) stamped with an older one are counted again.
   */
  standingRevision?: number
  version: number
  createdAt: Date
  updatedAt: Date
}

/** A person on a unit's roster. The resident ID is kept only as keyed hash, ciphertext and masked form. */
export interface PersonDoc {
  _id: string
  unitId: string
  name: string
  /** The name's sort key (name-key.ts): lists are paged on it. Missing only on people written before it existed, until the roster's timer backfills it. */
  nameKey?: string
  idHash: string
  idCipher?: string
  idMasked: string
  birthDate: string
  sex: Sex
  hireDate: string
  status: 'in_service' | 'retired' | 'left'
  /** The WeChat user bound to this person. */
  openid?: string | null
  /** The roster import (operation and generation) that last added or changed this person. */
  importedBy?: string
  version: number
  createdAt: Date
  updatedAt: Date
}

/** One person in one scheme and period; unique per (family, year, idHash) — Art. 6. */
export interface ParticipationDoc {
  _id: string
  enrolmentId: string
  unitId: string
  agentId: string
  personId: string
  idHash: string
  idMasked?: string
  name: string
  /** The name's sort key, as on the person (name-key.ts). */
  nameKey?: string
  sex: Sex
  family: Family
  schemeId: SchemeId
  year: number
  products: Product[]
  /** WH shares (1–3); 1 for TZ. */
  shares: number
  firstTime: boolean
  status: 'pending' | 'active' | 'void'
  coverageStart: string | null
  coverageEnd: string | null
  /** Products a payout has ended for this period (WH: any payout ends 'critical'). */
  endedProducts: Product[]
  /** TZ inpatient allowance days used this period (at most 30). */
  inpatientDaysUsed: number
  priorDiseases: { disease: string; paid: boolean; period: 'previous' | 'earlier' }[]
  /**
   * TZ inpatient stays claimed this period, by either channel (filed by hand or proposed from the bureau's
   * settlement data): written in the same transaction (or version-checked update) as the claim, so two claims for one
   * stay cannot both be created. `days` are the allowance days the claim's assessment counted; `counted` once its
   * approval added them to `inpatientDaysUsed`. Only part of them: see `stayRefs`, and read them through
   * `_shared/src/stays.ts` (`staysOf`, `txStays`).
   */
  inpatientStays?: StayEntry[]
  /** `settlementStays` documents holding more of its stays (an import registers a chunk's stays there). */
  stayRefs?: string[]
  retiredAtEnrolment?: boolean
  medicalInsurance?: MedicalInsurance
  /** The declaration operation (and its generation) that wrote it: a resubmission clears only the earlier ones. */
  submission?: string
  version: number
  createdAt: Date
  updatedAt: Date
}

/** One inpatient stay claimed for a participation (see `ParticipationDoc.inpatientStays`). */
export interface StayEntry {
  claimId: string
  source: 'manual' | 'settlement'
  admission: string
  discharge: string
  days: number
  counted: boolean
}
