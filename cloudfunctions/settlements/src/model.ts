import type { SettlementState } from '@mutual-aid/contracts'
import type { ValidRow } from './validate'

/** One import of a settlement file: `_id` = `imp-<sha-256 of the file's content>`, so the same file is one import. */
export interface ImportDoc {
  _id: string
  fileID: string
  fileName: string
  importedBy: { openid: string; role: 'office' | 'agent'; agentId: string | null; name: string }
  /** running: rows being decided and stored chunk by chunk; done. */
  status: 'running' | 'done'
  rows: number
  /** Chunks of the file's rows (`CHUNK_ROWS` each), kept as staged batches by the first call. */
  chunks: number
  /** Chunks below this are finished (each chunk's writes are idempotent, so a cut-off chunk is simply done again). */
  nextChunk: number
  /** Claim numbers reserved per chunk and counter (`<chunk>:<counterId>`), reused when a chunk is done again. */
  blocks: Record<string, { from: number; count: number }>
  /** The rows set aside as duplicates, in the chunks done so far (the first `MAX_DUPLICATES_KEPT`), and how many. */
  duplicates: Duplicate[]
  duplicateCount: number
  counts: { proposed: number; held: number; unmatched: number; notQualifying: number; duplicate: number } | null
  importedOn: string
  fileDeleted: boolean
  createdAt: Date
  updatedAt: Date
}

/** A row not stored because its serial is another's: repeated in the file, or stored by an earlier import. */
export interface Duplicate {
  row: number
  serial: string
  name: string
  idMasked: string
  reason: string
}

/**
 * A row of the bureau's export as stored, once its chunk is decided: `_id` = `stl-<sha-256 of the serial>`, so one
 * serial is stored once. Its fields are the valid row's (`validRowSchema`), with what became of it.
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
