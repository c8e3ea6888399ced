import { settlementEvidenceSchema, type SettlementEvidenceView } from '@mutual-aid/contracts'
import { audit } from '@cloud-shared/audit'
import type { ClaimDoc, SettlementEvidence } from '@cloud-shared/claim-doc'
import type { HandlerContext } from '@cloud-shared/context'
import { findAll, findById } from '@cloud-shared/db'
import type { ParticipationDoc, PersonDoc, StayEntry, UnitDoc } from '@cloud-shared/documents'
import { isDuplicateKey } from '@cloud-shared/errors'
import { notify, type Notice } from '@cloud-shared/notify'
import { notifyQueued } from '@cloud-shared/push-queue'
import { proposalNotice } from '@cloud-shared/proposal-notice'
import { runInTransaction } from '@cloud-shared/transaction'
import { txGet } from '@cloud-shared/tx'
import { readStayDocs, stayDocIdOf, staysOf, type SettlementStaysDoc, type StayRefEntry } from '@cloud-shared/stays'
import type { SdkHandle } from '@cloud-shared/sdk'
import { acceptBy, factsOf, planChunk, type RowPlan } from './match'
import { loadSchemes } from '@cloud-shared/schemes'
import type { Scheme } from '@mutual-aid/shared-rules'
import { claimIdOf, type Duplicate, type ImportDoc, type SettlementDoc } from './model'
import type { ValidRow } from './validate'
import { inPool } from './pool'

/** Parallel database round trips within one chunk (the emulator and CloudBase both serve them side by side). */
const PARALLEL = 16
/** Tries of a chunk whose participations someone else changed meanwhile (a claim filed by hand at the same moment). */
const CHUNK_TRIES = 4
/** Duplicates listed on the import (the rest are counted): what the office reads to find them in the file. */
const MAX_DUPLICATES_KEPT = 2_000

async function byIds<T extends { _id: string }>(ctx: HandlerContext, collection: string, ids: string[]): Promise<Map<string, T>> {
  const _ = ctx.db.command
  const out = new Map<string, T>()
  for (let i = 0; i < ids.length; i += 500) {
    const docs = await findAll<T>(ctx.db, collection, { _id: _.in(ids.slice(i, i + 500)) })
    for (const d of docs) out.set(d._id, d)
  }
  return out
}

async function participationsByHash(ctx: HandlerContext, hashes: string[]): Promise<Map<string, ParticipationDoc[]>> {
  const _ = ctx.db.command
  const out = new Map<string, ParticipationDoc[]>()
  for (let i = 0; i < hashes.length; i += 500) {
    const docs = await findAll<ParticipationDoc>(ctx.db, 'participations', { idHash: _.in(hashes.slice(i, i + 500)), family: 'TZ' })
    for (const d of docs) out.set(d.idHash, [...(out.get(d.idHash) ?? []), d])
  }
  return out
}

/**
 * Participations per `settlementStays` document: a chunk's stays go into a few documents of this many, each read
 * whole by whoever reads a stay in it (a later import, a claim filed by hand, a review), so they stay small (about
 * 200 bytes a stay).
 */
const STAYS_PER_DOC = 100

/** Writes stays documents; one already there (a chunk done again, another driver) has these very entries (its id names them). */
async function writeStayDocs(ctx: HandlerContext, docs: SettlementStaysDoc[]): Promise<void> {
  if (!docs.length) return
  try {
    await ctx.db.collection('settlementStays').add({ data: docs })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    await inPool(docs, PARALLEL, async (doc) => {
      try {
        await ctx.db.collection('settlementStays').add({ data: doc })
      } catch (e) {
        if (!isDuplicateKey(e)) throw e
      }
    })
  }
}

/**
 * Registers the proposals' stays: first written into `settlementStays` documents (STAYS_PER_DOC participations
 * each), then each participation made to reference its document by one update per document and version read — the
 * version condition is the conflict check: a participation changed since it was read (a claim filed by hand for the
 * same person, an approval, another driver of this import) is not updated, the answer counts fewer, and the chunk is
 * decided again on fresh data. A document holds all the chunk's decided stays of its participations, whether or not
 * some are registered already, so a chunk done again after a cut writes and references the very same documents; only
 * the participations not yet holding their stays (`staysNow`, as read) are updated. (One whose stays an earlier,
 * differently deciding try registered in part gets the rest in a document of its own.) About 2 + participations /
 * STAYS_PER_DOC requests a chunk, where one update a participation took most of its time.
 */
async function registerStays(ctx: HandlerContext, imp: ImportDoc, k: number, plans: RowPlan[], staysNow: (p: ParticipationDoc) => StayEntry[]): Promise<boolean> {
  const _ = ctx.db.command
  const byParticipation = new Map<string, { p: ParticipationDoc; stays: StayEntry[] }>()
  for (const plan of plans) {
    if (!plan.stay || !plan.participation) continue
    const entry = byParticipation.get(plan.participation._id) ?? { p: plan.participation, stays: [] }
    entry.stays.push(plan.stay)
    byParticipation.set(plan.participation._id, entry)
  }
  const all = [...byParticipation.values()]
  const now = ctx.clock.now()
  const docOf = (entries: StayRefEntry[]): SettlementStaysDoc => ({ _id: stayDocIdOf(imp._id, k, entries), importId: imp._id, chunk: k, entries, createdAt: now })
  const docs: SettlementStaysDoc[] = []
  const bumps: { ref: string; p: ParticipationDoc }[] = []
  for (let i = 0; i < all.length; i += STAYS_PER_DOC) {
    const group = all.slice(i, i + STAYS_PER_DOC)
    const doc = docOf(group.map(({ p, stays }) => ({ participationId: p._id, stays })))
    let referenced = false
    for (const { p, stays } of group) {
      const held = new Set(staysNow(p).map((st) => st.claimId))
      const missing = stays.filter((st) => !held.has(st.claimId))
      if (!missing.length) continue
      if (missing.length === stays.length) {
        bumps.push({ ref: doc._id, p })
        referenced = true
      } else {
        const own = docOf([{ participationId: p._id, stays: missing }])
        docs.push(own)
        bumps.push({ ref: own._id, p })
      }
    }
    if (referenced) docs.push(doc)
  }
  // The documents before any reference to them: a participation never references stays that are not there.
  await writeStayDocs(ctx, docs)
  const groups = new Map<string, { ref: string; version: number; ids: string[] }>()
  for (const { ref, p } of bumps) {
    const key = `${ref}|${p.version}`
    const g = groups.get(key) ?? { ref, version: p.version, ids: [] }
    g.ids.push(p._id)
    groups.set(key, g)
  }
  let clean = true
  await inPool([...groups.values()], PARALLEL, async ({ ref, version, ids }) => {
    const res = await ctx.db
      .collection('participations')
      .where({ _id: _.in(ids), version })
      .update({ data: { stayRefs: _.push([ref]), version: _.inc(1), updatedAt: now } })
    if (res.stats.updated !== ids.length) clean = false
  })
  return clean
}

/**
 * Claim numbers for the chunk's new claims, per scheme counter, reserved once: the reservation is stored on the import
 * in the same transaction that advances the counter, so a chunk done again after a crash numbers its claims the same.
 */
async function reserveNumbers(ctx: HandlerContext, imp: ImportDoc, chunk: number, need: Map<string, number>): Promise<Map<string, number>> {
  const from = new Map<string, number>()
  const missing = [...need].filter(([counterId]) => !imp.blocks?.[`${chunk}:${counterId}`])
  for (const [counterId] of need) {
    const known = imp.blocks?.[`${chunk}:${counterId}`]
    if (known) from.set(counterId, known.from)
  }
  if (!missing.length) return from
  await runInTransaction(ctx.db, async (tx: SdkHandle) => {
    const fresh = await txGet<ImportDoc>(tx, 'settlementImports', imp._id)
    const blocks = { ...(fresh?.blocks ?? {}) }
    for (const [counterId, count] of missing) {
      const key = `${chunk}:${counterId}`
      if (!blocks[key]) {
        const counter = await txGet<{ seq: number }>(tx, 'counters', counterId)
        const seq = counter?.seq ?? 0
        await tx.collection('counters').doc(counterId).set({ data: { seq: seq + count, updatedAt: ctx.clock.now() } })
        blocks[key] = { from: seq + 1, count }
      }
      from.set(counterId, blocks[key].from)
    }
    await tx.collection('settlementImports').doc(imp._id).update({ data: { blocks: ctx.db.command.set(blocks) } })
  })
  return from
}

/**
 * Inserts claims whose ids are derived from their settlements: those already written (a chunk done again) are skipped.
 * The batches go side by side: encoding one (the function) overlaps storing another (the database).
 */
async function insertClaims(ctx: HandlerContext, claims: ClaimDoc[]): Promise<void> {
  const batches = Array.from({ length: Math.ceil(claims.length / 200) }, (_, i) => claims.slice(i * 200, (i + 1) * 200))
  await inPool(batches, 3, async (batch) => {
    try {
      await ctx.db.collection('claims').add({ data: batch })
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
      await inPool(batch, PARALLEL, async (doc) => {
        try {
          await ctx.db.collection('claims').add({ data: doc })
        } catch (e) {
          if (!isDuplicateKey(e)) throw e
        }
      })
    }
  })
}

/** Tells the participant a proposal awaits them: inbox always, a push where they subscribed. */
export async function noticeProposal(ctx: HandlerContext, claim: ClaimDoc, reminder: boolean): Promise<void> {
  const notice = proposalNotice(claim, reminder ? 'reminder' : 'proposed')
  if (notice) await notify(ctx, notice)
}

/** The settlement as the claim's evidence: exactly the fields of `settlementEvidenceSchema`, with where it came from. */
function evidenceOf(r: SettlementDoc, importId: string): SettlementEvidence {
  const keys = Object.keys(settlementEvidenceSchema.shape) as (keyof SettlementEvidenceView)[]
  return { ...(Object.fromEntries(keys.map((k) => [k, r[k]])) as SettlementEvidenceView), settlementId: r._id, importId }
}

function claimOf(
  ctx: HandlerContext,
  imp: ImportDoc,
  plan: RowPlan,
  seq: number,
  unit: UnitDoc | undefined,
  person: PersonDoc | undefined,
  today: string,
  scheme: Scheme,
): ClaimDoc {
  const p = plan.participation as ParticipationDoc
  const r = plan.row
  const now = ctx.clock.now()
  const id = claimIdOf(r._id)
  const facts = factsOf(r)
  const status = plan.state === 'held' ? 'held' : 'proposed'
  const byName = imp.importedBy.name || (imp.importedBy.role === 'office' ? '互助办' : '代理单位')
  const openid = person?.openid ?? null
  return {
    _id: id,
    source: 'settlement',
    settlement: evidenceOf(r, imp._id),
    linkedClaimId: plan.linkedClaimId,
    claimNo: `${p.family}${p.year}-${String(seq).padStart(6, '0')}`,
    idempotencyKey: `settlement:${r._id}`,
    draftId: id,
    family: p.family,
    schemeId: p.schemeId,
    year: p.year,
    product: 'inpatient',
    kind: 'inpatient',
    participationId: p._id,
    personId: p.personId,
    personName: p.name,
    personOpenid: openid,
    personIdHash: p.idHash,
    unitId: p.unitId,
    unitName: unit?.name ?? '',
    agentId: p.agentId,
    // Nobody has filed it yet: the participant becomes its filer on accepting it (never the importer, who may review).
    filedBy: { openid: openid ?? `unbound:${p.personId}`, as: 'worker', name: p.name },
    status,
    facts,
    files: {},
    materials: [{ n: 1, at: now, facts, files: {}, note: `医保结算数据（流水号 ${r.serial}）` }],
    history: [
      {
        at: now,
        event: status === 'held' ? 'hold' : 'offer',
        from: 'draft',
        to: status,
        role: imp.importedBy.role,
        openid: imp.importedBy.openid,
        name: byName,
        note: status === 'held' ? '同一次住院已有申请，此条医保结算补助暂不办理' : `由医保结算数据生成（流水号 ${r.serial}），待参加人确认`,
      },
    ],
    returned: null,
    submittedOn: today,
    claimDeadline: acceptBy(scheme, r.admission),
    assessmentAtSubmit: plan.assessment!,
    assessmentAtDecision: null,
    materialsCompleteOn: null,
    dueDate: null,
    decision: null,
    payoutId: null,
    paid: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }
}

/** What a row's settlement document says became of it: compared to tell a stored outcome that a new decision changed. */
const outcomeOf = (plan: RowPlan) => ({
  state: plan.state,
  reasons: plan.reasons,
  claimId: plan.state === 'proposed' || plan.state === 'held' ? claimIdOf(plan.row._id) : null,
  amountFen: plan.assessment?.payable ? plan.assessment.amountFen : null,
})
const sameOutcome = (a: ReturnType<typeof outcomeOf>, d: SettlementDoc) =>
  a.state === d.state && a.claimId === d.claimId && a.amountFen === d.amountFen && JSON.stringify(a.reasons) === JSON.stringify(d.reasons)

/**
 * Stores the chunk's settlements with what became of each: those not stored yet in one insert — the database's unique
 * `_id` (one per serial) decides between two imports racing for a serial — and those stored by an earlier try of this
 * chunk updated where the new decision differs (a crash, or a claim filed by hand meanwhile: rare). Answers the rows
 * another import stored first (they are duplicates and leave the chunk).
 */
async function storeOutcomes(ctx: HandlerContext, imp: ImportDoc, plans: RowPlan[], stored: Map<string, SettlementDoc>): Promise<Set<string>> {
  const now = ctx.clock.now()
  const fresh = plans.filter((p) => !stored.has(p.row._id)).map((p) => ({ ...p.row, ...outcomeOf(p), createdAt: now }))
  const lost = new Set<string>()
  try {
    if (fresh.length) await ctx.db.collection('settlements').add({ data: fresh })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    // Another import stored some of these serials meanwhile: one by one, the database decides each.
    await inPool(fresh, PARALLEL, async (doc) => {
      try {
        await ctx.db.collection('settlements').add({ data: doc })
      } catch (e) {
        if (!isDuplicateKey(e)) throw e
        const won = await findById<SettlementDoc>(ctx.db, 'settlements', doc._id)
        if (won?.importId !== imp._id) lost.add(doc._id)
        else if (won) stored.set(won._id, won)
      }
    })
  }
  for (const doc of fresh) if (!lost.has(doc._id) && !stored.has(doc._id)) stored.set(doc._id, doc)
  const changed = plans.filter((p) => !lost.has(p.row._id) && stored.has(p.row._id) && !sameOutcome(outcomeOf(p), stored.get(p.row._id)!))
  await inPool(changed, PARALLEL, async (plan) => {
    const outcome = outcomeOf(plan)
    await ctx.db.collection('settlements').doc(plan.row._id).update({ data: { ...outcome, reasons: ctx.db.command.set(outcome.reasons) } })
    stored.set(plan.row._id, { ...stored.get(plan.row._id)!, ...outcome })
  })
  return lost
}

/**
 * Does chunk `k` of an import (its staged batch `k`, as the first call checked it): sets aside the rows whose serial
 * is repeated in the file or was stored by another import (duplicates), decides the others, stores them with their
 * outcome, registers the proposals' stays, writes the claims (proposed, or held beside a claim filed by hand), tells
 * the participants (inbox now, push queued), and advances the import with the chunk's duplicates. Every write is idempotent or reserved on the
 * import, so a chunk cut off anywhere is simply done again — and decides the same way.
 */
export async function processChunk(ctx: HandlerContext, imp: ImportDoc, k: number, staged: ValidRow[]): Promise<void> {
  const today = imp.importedOn
  const duplicates: Duplicate[] = []
  const duplicate = (r: ValidRow, reason: string) => duplicates.push({ row: r.row, serial: r.serial, name: r.name, idMasked: r.idMasked, reason })
  const candidates = staged.filter((r) => r.repeatOf === null || (duplicate(r, `与本文件第 ${r.repeatOf} 行的结算流水号相同`), false))
  // Stored before: by another import (a duplicate), or by an earlier try of this chunk (decided again below).
  const stored = new Map<string, SettlementDoc>()
  for (const d of (await byIds<SettlementDoc>(ctx, 'settlements', candidates.map((r) => r.settlementId))).values()) stored.set(d._id, d)
  let rows: SettlementDoc[] = []
  for (const { settlementId, repeatOf: _repeat, ...r } of candidates) {
    const other = stored.get(settlementId)
    if (other && other.importId !== imp._id) duplicate({ settlementId, repeatOf: _repeat, ...r }, '该结算流水号已在之前的导入中处理过')
    else rows.push({ ...r, _id: settlementId, importId: imp._id, chunk: k, state: 'pending', reasons: [], claimId: null, amountFen: null, createdAt: ctx.clock.now() })
  }
  let plans: RowPlan[] = []
  // Each participation is assessed under its own version (built-in or published, 第二十六条).
  const schemes = await loadSchemes(ctx.db)
  for (let attempt = 1; ; attempt++) {
    const byHash = await participationsByHash(ctx, [...new Set(rows.map((r) => r.idHash))])
    const stayDocs = await readStayDocs(ctx, [...byHash.values()].flat())
    const stays = (p: ParticipationDoc) => staysOf(p, stayDocs)
    plans = planChunk(rows, byHash, stays, { agentId: imp.importedBy.role === 'agent' ? imp.importedBy.agentId : null }, today, (id) => schemes.get(id))
    const lost = await storeOutcomes(ctx, imp, plans, stored)
    if (lost.size) {
      // Serials another import stored meanwhile: duplicates; the rest is decided again without them (nothing of the
      // chunk is registered yet).
      for (const r of rows.filter((x) => lost.has(x._id))) duplicate({ ...r, settlementId: r._id, repeatOf: null }, '该结算流水号已在之前的导入中处理过')
      rows = rows.filter((x) => !lost.has(x._id))
      continue
    }
    if (await registerStays(ctx, imp, k, plans, stays)) break
    if (attempt >= CHUNK_TRIES) throw new Error(`chunk ${k} of ${imp._id}: participations kept changing`)
  }
  const withClaim = plans.filter((p) => p.state === 'proposed' || p.state === 'held')
  const need = new Map<string, number>()
  for (const plan of withClaim) {
    const counterId = `claimNo-${plan.participation!.family}-${plan.participation!.year}`
    need.set(counterId, (need.get(counterId) ?? 0) + 1)
  }
  const from = await reserveNumbers(ctx, imp, k, need)
  const [units, people] = await Promise.all([
    byIds<UnitDoc>(ctx, 'units', [...new Set(withClaim.map((p) => p.participation!.unitId))]),
    byIds<PersonDoc>(ctx, 'people', [...new Set(withClaim.map((p) => p.participation!.personId))]),
  ])
  const next = new Map<string, number>()
  const claims = withClaim.map((plan) => {
    const p = plan.participation!
    const counterId = `claimNo-${p.family}-${p.year}`
    const n = next.get(counterId) ?? 0
    next.set(counterId, n + 1)
    return claimOf(ctx, imp, plan, (from.get(counterId) as number) + n, units.get(p.unitId), people.get(p.personId), today, schemes.get(p.schemeId))
  })
  await insertClaims(ctx, claims)
  const notices = claims.filter((c) => c.status === 'proposed').map((c) => proposalNotice(c, 'proposed')).filter((n): n is Notice<'claimProposed'> => !!n)
  // The inbox messages now; their pushes are queued, sent after the rows are decided (push-queue.ts): one WeChat
  // request per person would otherwise be most of the import's time.
  await notifyQueued(ctx, notices)
  // Every match is on record: which settlement became which claim (or why not), never the ID number.
  await audit(ctx, {
    action: 'settlement.match',
    entity: 'settlementImport',
    entityId: imp._id,
    after: { chunk: k, rows: plans.map((p) => ({ settlementId: p.row._id, row: p.row.row, state: p.state, claimId: p.state === 'proposed' || p.state === 'held' ? claimIdOf(p.row._id) : null })) },
    once: `settlement.match:${imp._id}:${k}`,
  })
  // The chunk's duplicates join the import's in the same write that moves it on: a chunk done again counts them once.
  const listed = [...imp.duplicates, ...duplicates].slice(0, MAX_DUPLICATES_KEPT)
  const duplicateCount = imp.duplicateCount + duplicates.length
  // (A concurrent call that moved it on first decided the chunk the same way, so its duplicates are these.)
  await ctx.db
    .collection('settlementImports')
    .where({ _id: imp._id, nextChunk: k })
    .update({ data: { nextChunk: k + 1, duplicates: ctx.db.command.set(listed), duplicateCount, updatedAt: ctx.clock.now() } })
  Object.assign(imp, { nextChunk: Math.max(imp.nextChunk, k + 1), duplicates: listed, duplicateCount })
}
