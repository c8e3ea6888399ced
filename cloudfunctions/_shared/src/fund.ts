/**
 * The fund per scheme and year (Art. 20–21) as running totals: one `funds` document per (family, year), moved in the
 * same transaction as the ledger entry that changes it, so the ledger page reads two small documents instead of
 * summing every entry — and a crash can never leave an entry without its total or a total without its entry.
 */
import type { Family } from '@mutual-aid/shared-rules'
import type { SdkHandle } from './sdk'
import { txGet } from './tx'

export interface FundDoc {
  _id: string
  family: Family
  year: number
  contributionsFen: number
  payoutsFen: number
  /** Ledger entries counted in. */
  entries: number
  updatedAt: Date
}

export interface FundMove {
  family: Family
  year: number
  type: 'contribution' | 'payout'
  amountFen: number
  at: Date
}

export const fundId = (family: Family, year: number) => `${family}-${year}`

/**
 * Adds one ledger entry's amount to its fund, inside the transaction `tx` that adds the entry. The first entry of a
 * fund creates it; two transactions creating or moving the same fund conflict and one is retried (`runInTransaction`).
 */
export async function addToFund(tx: SdkHandle, move: FundMove): Promise<void> {
  const id = fundId(move.family, move.year)
  const current = await txGet<FundDoc>(tx, 'funds', id)
  const contribution = move.type === 'contribution' ? move.amountFen : 0
  const payout = move.type === 'payout' ? move.amountFen : 0
  await tx.collection('funds').doc(id).set({
    data: {
      family: move.family,
      year: move.year,
      contributionsFen: (current?.contributionsFen ?? 0) + contribution,
      payoutsFen: (current?.payoutsFen ?? 0) + payout,
      entries: (current?.entries ?? 0) + 1,
      updatedAt: move.at,
    },
  })
}
