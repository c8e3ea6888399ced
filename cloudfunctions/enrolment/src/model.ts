import type { Product, QuoteLine, SchemeId } from '@mutual-aid/shared-rules'

export type EnrolmentStatus = 'draft' | 'submitted' | 'returned' | 'approved' | 'paid'
export type EnrolmentKind = 'annual' | 'new_hire' | 'replacement'

export interface EnrolmentDoc {
  _id: string
  unitId: string
  unitName?: string
  agentId: string
  family: 'WH' | 'TZ'
  schemeId: SchemeId
  year: number
  kind: EnrolmentKind
  status: EnrolmentStatus
  shares: number | null
  products: Product[]
  participantCount: number
  firstTimeCount?: number
  staffCount: number
  quote: { totalFen: number; lines: QuoteLine[]; coverageStartEstimate?: string }
  /** Replacement: participations this batch replaces (voided when it is paid). */
  replacedParticipationIds?: string[]
  submittedAt?: Date
  submittedBy?: string
  reviewedAt?: Date
  reviewedBy?: string
  returnReason?: string | null
  /**
   * The transfer remark the unit quotes, issued with the declaration under the office's rule then in force. Absent on
   * declarations issued before the rule was editable: theirs is the default rule's (get.ts).
   */
  paymentReference?: string
  payment?: {
    amountFen: number
    paidOn: string
    reference: string
    receiptFileID?: string | null
    /** sha-256 of the receipt as stored when the payment was recorded. */
    receiptSha256?: string | null
    recordedBy: string
    recordedAt: Date
  }
  coverageStart?: string
  coverageEnd?: string
  version: number
  createdAt: Date
  updatedAt: Date
}

export type { ParticipationDoc, PersonDoc } from '@cloud-shared/documents'

/** Participations that still hold a person's place in a period (Art. 6). */
export const LIVE_PARTICIPATION = ['pending', 'active'] as const
