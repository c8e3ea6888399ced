/**
 * How one database request read its collection, in the terms of MongoDB's explain (executionStats): the winning
 * stage, the index, keys and documents examined. The wire layer adds what it returned and records it per call.
 */
/**
 * `COUNT`: a count with no filter, answered from the collection's kept size (MongoDB's fast count), nothing read.
 * `INSERT`: an insert, nothing read (MongoDB's explain has no read stage for one; logged so a call's requests add up).
 */
export type PlanStage = 'IDHACK' | 'IXSCAN' | 'COUNT_SCAN' | 'COUNT' | 'COLLSCAN' | 'INSERT'

export interface Explain {
  stage: PlanStage
  /** The index walked (IXSCAN, COUNT_SCAN). */
  index?: string
  /** The requested order was produced by sorting in memory (MongoDB's blocking SORT stage). */
  sortInMemory: boolean
  /** Why no index was used (COLLSCAN), in words a developer can act on. */
  reason?: string
  /** Index entries read (totalKeysExamined). */
  keysExamined: number
  /** Documents read and tested against the query (totalDocsExamined). */
  docsExamined: number
}

export function newExplain(): Explain {
  return { stage: 'COLLSCAN', sortInMemory: false, keysExamined: 0, docsExamined: 0 }
}
