import { createHash } from 'node:crypto'
import { staysOverlap, type Stay } from '@mutual-aid/shared-rules'
import type { HandlerContext } from './context'
import { findAll } from './db'
import type { ParticipationDoc, StayEntry } from './documents'
import type { SdkHandle } from './sdk'
import { txGet } from './tx'

/**
 * The inpatient stays a participation has claims for, by either channel. They live in two places:
 * - its own `inpatientStays`: a claim filed by hand registers its stay there in the transaction that creates it;
 * - documents of `settlementStays` it references (`stayRefs`): an import writes a chunk's stays into a few such
 *   documents, then moves each participation on with one update per document and version (`where({ _id: in, version })`,
 *   identical data for all: the reference and the version). One update per participation was most of an import's time.
 * Both channels read the participation first and move its version on when they write, so the database (a
 * transaction's write conflict, or the version condition) lets only one of two racing claims for one stay through.
 *
 * A `settlementStays` document is never changed once written (its id names its content), so what a participation
 * references never moves under it. Whoever changes a stay held there (an approval counts it, a decline, lapse,
 * rejection or withdrawal frees it) materializes inside its transaction: every effective stay is written into
 * `inpatientStays` and the references are dropped, in the same update that moves the version on.
 *
 * Read stays only through this file (`staysOf`, `txStays`), never `inpatientStays` alone.
 */

/** One participation's share of a `settlementStays` document. */
export interface StayRefEntry {
  participationId: string
  stays: StayEntry[]
}

/** Stays an import registered for a group of participations: `_id` = `<importId>:<chunk>:<hash of entries>`. */
export interface SettlementStaysDoc {
  _id: string
  importId: string
  chunk: number
  entries: StayRefEntry[]
  createdAt: Date
}

/** The id a group of entries is written under: the same entries always the same id, other entries never. */
export function stayDocIdOf(importId: string, chunk: number, entries: readonly StayRefEntry[]): string {
  return `${importId}:${chunk}:${createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 24)}`
}

/** A participation's effective stays: its own, then those of the documents it references (`docs` must hold them). */
export function staysOf(p: Pick<ParticipationDoc, '_id' | 'inpatientStays' | 'stayRefs'>, docs: ReadonlyMap<string, SettlementStaysDoc>): StayEntry[] {
  const out = [...(p.inpatientStays ?? [])]
  for (const ref of p.stayRefs ?? []) {
    const doc = docs.get(ref)
    // Written before any participation references it, and never removed: missing means the data is broken.
    if (!doc) throw new Error(`participation ${p._id} references stays ${ref}, which do not exist`)
    out.push(...(doc.entries.find((e) => e.participationId === p._id)?.stays ?? []))
  }
  return out
}

/** The `settlementStays` documents the participations reference, read by id (500 a request). */
export async function readStayDocs(ctx: HandlerContext, participations: Iterable<Pick<ParticipationDoc, 'stayRefs'>>): Promise<Map<string, SettlementStaysDoc>> {
  const ids = [...new Set([...participations].flatMap((p) => p.stayRefs ?? []))]
  const out = new Map<string, SettlementStaysDoc>()
  for (let i = 0; i < ids.length; i += 500) {
    for (const d of await findAll<SettlementStaysDoc>(ctx.db, 'settlementStays', { _id: ctx.db.command.in(ids.slice(i, i + 500)) })) out.set(d._id, d)
  }
  return out
}

/** Inside a transaction: the participation's effective stays (its referenced documents read by id, as a transaction can). */
export async function txStays(tx: SdkHandle, p: ParticipationDoc): Promise<StayEntry[]> {
  const docs = new Map<string, SettlementStaysDoc>()
  for (const ref of new Set(p.stayRefs ?? [])) {
    const doc = await txGet<SettlementStaysDoc>(tx, 'settlementStays', ref)
    if (doc) docs.set(ref, doc)
  }
  return staysOf(p, docs)
}

/**
 * The update that makes `stays` the participation's stays, all its own (the references dropped: materialized), and
 * moves its version on — so an import deciding this participation at the same moment decides again.
 */
export function setStays(ctx: HandlerContext, stays: StayEntry[]): Record<string, unknown> {
  const _ = ctx.db.command
  return { inpatientStays: _.set(stays), stayRefs: _.set([]), version: _.inc(1), updatedAt: ctx.clock.now() }
}

/** The claim already registered for a stay overlapping `stay`, other than `ownClaimId`, or null. */
export function overlappingStay(stays: readonly StayEntry[] | undefined, stay: Stay, ownClaimId?: string): StayEntry | null {
  return (stays ?? []).find((s) => s.claimId !== ownClaimId && staysOverlap(s, stay)) ?? null
}

/**
 * Allowance days claimed but not yet added to `inpatientDaysUsed` (claims in review or proposed), other than
 * `ownClaimId`'s: with the days used, what a new proposal must leave room for (the 30-day cap counts everything paid
 * or proposed in the period).
 */
export function openAllowanceDays(stays: readonly StayEntry[] | undefined, ownClaimId?: string): number {
  return (stays ?? []).filter((s) => !s.counted && s.claimId !== ownClaimId).reduce((n, s) => n + s.days, 0)
}

/** The stays without the one of `claimId` (a proposal declined or lapsed, a claim rejected: the stay is free again). */
export function withoutStay(stays: readonly StayEntry[] | undefined, claimId: string): StayEntry[] {
  return (stays ?? []).filter((s) => s.claimId !== claimId)
}

/** The stays with `claimId`'s days now counted in `inpatientDaysUsed` (its approval added them). */
export function withStayCounted(stays: readonly StayEntry[] | undefined, claimId: string): StayEntry[] {
  return (stays ?? []).map((s) => (s.claimId === claimId ? { ...s, counted: true } : s))
}

/**
 * Frees the stay a claim held on its participation, inside the caller's transaction (a proposal declined or lapsed, a
 * claim rejected), materializing the participation's stays.
 */
export async function freeStay(ctx: HandlerContext, tx: SdkHandle, participationId: string, claimId: string): Promise<void> {
  const p = await txGet<ParticipationDoc>(tx, 'participations', participationId)
  if (!p) return
  const stays = await txStays(tx, p)
  if (!stays.some((st) => st.claimId === claimId)) return
  await tx.collection('participations').doc(participationId).update({ data: setStays(ctx, withoutStay(stays, claimId)) })
}
