import type { SettlementState } from '@mutual-aid/contracts'
import type { ValidRow } from './validate'

/** One import of a settlement file: `_id` = `imp-<sha-256 of the file's content>`, so the same file is one import. */
export interface ImportDoc {
  _id: string
  fileID: string
  fileName: string
  importedBy: { openid: string; role: 'office' | 'agent'; agentId: string | null; name: string }
  /** staging: rows being stored; running: rows being matched chunk by chunk; done. */
  status: 'staging' | 'running' | 'done'
  rows: number
  chunks: number
  /** Chunks below this are finished (each chunk's writes are idempotent, so a cut-off chunk is simply done again). */
  nextChunk: number
  /** Claim numbers reserved per chunk and counter (`<chunk>:<counterId>`), reused when a chunk is done again. */
  blocks: Record<string, { from: number; count: number }>
  duplicates: { row: number; serial: string; name: string; idMasked: string; reason: string }[]
  duplicateCount: number
  /** Staging progress: valid rows looked at, and rows of this import stored (their order decides their chunk). */
  stageIndex: number
  stagePosition: number
  counts: { proposed: number; held: number; unmatched: number; notQualifying: number; duplicate: number } | null
  importedOn: string
  fileDeleted: boolean
  createdAt: Date
  updatedAt: Date
}

/**
 * A row of the bureau's export as stored: `_id` = `stl-<sha-256 of the serial>`, so one serial is stored once. Its
 * fields are the valid row's (`validRowSchema`), with what became of it.
 */
export type SettlementDoc = Omit<ValidRow, 'settlementId' | 'repeatOf'> & {
  _id: string
  importId: string
  chunk: number
  state: SettlementState
  reasons: { code: string; message: string; basis: string | null }[]
  claimId: string | null
  amountFen: number | null
  createdAt: Date
}

/** The claim proposed from a settlement has an id derived from it: writing it twice writes it once. */
export const claimIdOf = (settlementId: string): string => `claim-${settlementId}`
