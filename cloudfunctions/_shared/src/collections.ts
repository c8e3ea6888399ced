/**
 * The project's database declaration: every collection, its indexes and its security rule.
 *
 * One declaration serves both sides: the local emulator creates these collections and enforces the
 * unique indexes, and `npm run deploy` creates the same collections, indexes and rules on CloudBase.
 */

export type Acl = 'ADMINONLY' | 'ADMINWRITE' | 'PRIVATE' | 'READONLY'

export interface IndexSpec {
  name: string
  keys: Record<string, 1 | -1>
  unique?: boolean
}

export interface CollectionSpec {
  name: string
  description: string
  indexes: IndexSpec[]
  /** Client-side access. Everything here is ADMINONLY: the app reads and writes only through cloud functions. */
  acl: Acl
}

/** The claim queue's indexes for each scope × status filter × scheme filter × order (see `claims`). */
function queueIndexes(): IndexSpec[] {
  const out: IndexSpec[] = []
  for (const scope of ['', 'agentId', 'unitId']) {
    for (const family of [false, true]) {
      const lead: Record<string, 1> = scope ? { [scope]: 1 } : {}
      const fam: Record<string, 1> = family ? { family: 1 } : {}
      const name = (what: string) => ['queue', scope || 'all', what, family ? 'family' : ''].filter(Boolean).join('_')
      out.push({ name: name('submitted'), keys: { ...lead, ...fam, submittedOn: 1, claimNo: 1 } })
      out.push({ name: name('status_submitted'), keys: { ...lead, status: 1, ...fam, submittedOn: 1, claimNo: 1 } })
      out.push({ name: name('status_due'), keys: { ...lead, status: 1, ...fam, dueDate: 1, claimNo: 1 } })
    }
  }
  return out
}

const adminOnly = (name: string, description: string, indexes: IndexSpec[] = []): CollectionSpec => ({
  name,
  description,
  indexes,
  acl: 'ADMINONLY',
})

export const COLLECTIONS: CollectionSpec[] = [
  adminOnly('users', 'WeChat users (by OPENID): staff role, unit/agent, bound roster person', [
    // Whom to notify (unit-scope.ts clerksOf, usersWithRole): a unit's clerks, an agent's or the office's staff —
    // among a city's bound workers.
    { name: 'by_role_unit', keys: { role: 1, unitId: 1 } },
    { name: 'by_role_agent', keys: { role: 1, agentId: 1 } },
  ]),
  adminOnly('agents', 'District / sector unions (代理单位)'),
  adminOnly('units', 'Participating units (参加单位)', [
    { name: 'uscc_unique', keys: { uscc: 1 }, unique: true },
    // The unit list (units list.ts): newest first, or by name when searched; an agent sees its own.
    { name: 'by_agent', keys: { agentId: 1, createdAt: 1, _id: 1 } },
    { name: 'by_created', keys: { createdAt: 1, _id: 1 } },
    { name: 'by_name', keys: { name: 1, _id: 1 } },
    { name: 'by_agent_name', keys: { agentId: 1, name: 1, _id: 1 } },
  ]),
  adminOnly('unitChanges', 'Recorded changes of unit details (Art. 23)', [{ name: 'by_unit', keys: { unitId: 1 } }]),
  adminOnly('invites', 'One-time clerk invitation codes (hashed)', [
    { name: 'code_unique', keys: { codeHash: 1 }, unique: true },
  ]),
  adminOnly('people', 'Unit rosters (在册职工); ID numbers stored as keyed hash + ciphertext', [
    { name: 'unit_id_unique', keys: { unitId: 1, idHash: 1 }, unique: true },
    { name: 'by_id', keys: { idHash: 1 } },
    { name: 'by_openid', keys: { openid: 1 } },
    { name: 'by_status_hire', keys: { status: 1, hireDate: 1 } },
    // The roster page (roster list.ts), the clerk's picker (claims drafts.ts) and the declaration's people (enrolment
    // people.ts): by the name's pinyin sort key
    // (name-key.ts), searched by the name's beginning (a range of the key), optionally one status.
    { name: 'by_unit_name_key', keys: { unitId: 1, nameKey: 1, _id: 1 } },
    { name: 'by_unit_status_name_key', keys: { unitId: 1, status: 1, nameKey: 1, _id: 1 } },
    // The declaration page's new hires (enrolment people.ts, list `recent`): in service, newest hire first.
    { name: 'by_unit_status_hire', keys: { unitId: 1, status: 1, hireDate: 1, _id: 1 } },
  ]),
  // The declaration screen's figures kept per unit and period (roster-counts.ts), read by id only.
  adminOnly('rosterCounts', 'Roster figures kept per unit and period for the declaration screen (by id <unitId>-<year>)'),
  adminOnly('enrolments', 'Declarations (网上申报) per unit and period', [
    { name: 'by_unit', keys: { unitId: 1, year: 1 } },
    { name: 'by_status', keys: { status: 1 } },
    // The declaration list (enrolment list.ts), last changed first, in each scope, with or without a status.
    { name: 'list_all', keys: { updatedAt: 1, _id: 1 } },
    { name: 'list_status', keys: { status: 1, updatedAt: 1, _id: 1 } },
    { name: 'list_agent', keys: { agentId: 1, updatedAt: 1, _id: 1 } },
    { name: 'list_agent_status', keys: { agentId: 1, status: 1, updatedAt: 1, _id: 1 } },
    { name: 'list_unit', keys: { unitId: 1, updatedAt: 1, _id: 1 } },
    { name: 'list_unit_status', keys: { unitId: 1, status: 1, updatedAt: 1, _id: 1 } },
    // Home badges: a clerk's and an agent's counts by status (enrolment.badges).
    { name: 'by_unit_status', keys: { unitId: 1, status: 1 } },
    { name: 'by_agent_status', keys: { agentId: 1, status: 1 } },
  ]),
  adminOnly('participations', 'One person enrolled in one scheme and period (Art. 6: at most once)', [
    { name: 'scheme_year_person_unique', keys: { family: 1, year: 1, idHash: 1 }, unique: true },
    // A declaration's and a certificate's people by the name's pinyin sort key (enrolment get.ts, certificate.ts).
    { name: 'by_enrolment_name_key', keys: { enrolmentId: 1, nameKey: 1, _id: 1 } },
    { name: 'by_unit_year_status_name_key', keys: { unitId: 1, year: 1, status: 1, nameKey: 1, _id: 1 } },
    { name: 'by_unit_year_status_first', keys: { unitId: 1, year: 1, status: 1, firstTime: 1 } },
    { name: 'by_person', keys: { personId: 1 } },
    // A person's places in a scheme over all periods, by ID hash (the settlement import matches a chunk's rows with `_.in`).
    { name: 'by_hash_scheme', keys: { idHash: 1, family: 1 } },
    { name: 'by_fund_unit', keys: { family: 1, year: 1, unitId: 1 } },
  ]),
  adminOnly('claims', 'Benefit claims with their history', [
    { name: 'claim_no_unique', keys: { claimNo: 1 }, unique: true },
    { name: 'idempotency_unique', keys: { idempotencyKey: 1 }, unique: true },
    // The review queue (claims queries.ts): scope (office: none; agent or the office's agent filter: agentId; clerk:
    // unitId), then the status and scheme filters when given, then the page order — the office's 待审核 by review due
    // date, other statuses oldest first, 全部 newest first (the same index walked backwards). claimNo breaks ties.
    { name: 'by_status', keys: { status: 1, dueDate: 1 } },
    ...queueIndexes(),
    // A worker's own claims (filed by them, or for them), newest first.
    { name: 'by_filer', keys: { 'filedBy.openid': 1, submittedOn: 1, claimNo: 1 } },
    { name: 'by_person', keys: { personId: 1, submittedOn: 1, claimNo: 1 } },
    // Reports: a scope's claims by unit, and the Art. 19 overdue count (status, then the due-date range) with or
    // without a unit scope.
    { name: 'by_fund_unit', keys: { family: 1, year: 1, unitId: 1, status: 1, dueDate: 1 } },
    { name: 'by_fund_status', keys: { family: 1, year: 1, status: 1, dueDate: 1 } },
    { name: 'payable', keys: { status: 1, paymentBatchId: 1, claimNo: 1 } },
    // Home badges: claims waiting at a clerk's or an agent's level (claims.badges).
    { name: 'by_unit_status', keys: { unitId: 1, status: 1 } },
    { name: 'by_agent_status', keys: { agentId: 1, status: 1 } },
    // The bureau's proposals held because of a claim filed by hand for the same stay (held-proposals.ts): released
    // when that claim is rejected or withdrawn, and named on its page.
    { name: 'by_linked', keys: { linkedClaimId: 1, status: 1 } },
  ]),
  adminOnly('claimDrafts', 'Claim drafts kept while the worker fills in the form', [
    // A caller's drafts (claims drafts.ts myDrafts), on every open of 我的申请.
    { name: 'by_openid', keys: { openid: 1 } },
  ]),
  adminOnly('payouts', 'Payout records of approved claims', [{ name: 'claim_unique', keys: { claimId: 1 }, unique: true }]),
  adminOnly('ledger', 'Fund ledger per scheme and year (Art. 20–21)', [
    { name: 'source_unique', keys: { sourceType: 1, sourceId: 1 }, unique: true },
    // The ledger page (claims queries.ts): newest first, all funds, one scheme, one year or one fund.
    { name: 'by_fund', keys: { family: 1, year: 1, at: 1, _id: 1 } },
    { name: 'by_at', keys: { at: 1, _id: 1 } },
    { name: 'by_family_at', keys: { family: 1, at: 1, _id: 1 } },
    { name: 'by_year_at', keys: { year: 1, at: 1, _id: 1 } },
    { name: 'by_fund_unit', keys: { family: 1, year: 1, unitId: 1 } },
  ]),
  adminOnly('funds', 'Running totals per scheme and year (_id = <family>-<year>), moved in the transaction of each ledger entry', [
    { name: 'by_family_year', keys: { family: 1, year: 1 } },
    { name: 'by_year', keys: { year: 1 } },
  ]),
  adminOnly('paymentBatches', 'Bank payment batches of approved claims: lines, the bank file, the imported result and its cursor', [
    { name: 'by_created', keys: { createdAt: -1, _id: -1 } },
  ]),
  adminOnly('consents', 'Recorded consents (PIPL, medical information): one per WeChat user and kind', [
    { name: 'openid_kind_unique', keys: { openid: 1, kind: 1 }, unique: true },
  ]),
  adminOnly('messages', 'In-app inbox per user', [
    { name: 'by_openid', keys: { openid: 1, createdAt: -1, _id: -1 } },
    { name: 'unread', keys: { openid: 1, read: 1 } },
  ]),
  adminOnly('audit', 'Append-only audit log: who, role, when, what, before/after', [
    // The office's audit page (units audit.ts): newest first, all or one entity.
    { name: 'by_entity', keys: { entity: 1, entityId: 1, at: 1, _id: 1 } },
    { name: 'by_entity_at', keys: { entity: 1, at: 1, _id: 1 } },
    { name: 'by_at', keys: { at: 1, _id: 1 } },
  ]),
  adminOnly('schemeFees', 'Fees announced for a scheme version whose document left them to a later notice (TZ 2022 四(一)2); _id = scheme id, written once', [
    { name: 'scheme_unique', keys: { schemeId: 1 }, unique: true },
  ]),
  adminOnly('schemeVersions', 'Scheme versions the office published (issue 14); _id = scheme id, written once, never changed (第二十六条)', [
    { name: 'slot_unique', keys: { slot: 1 }, unique: true },
  ]),
  adminOnly('schemeDrafts', 'Scheme versions being edited by the office before publishing (versioned updates)', [
    { name: 'by_status', keys: { status: 1, updatedAt: -1 } },
  ]),
  adminOnly('reminders', 'Every reminder sent, one document per reminder (_id = what it reminds of): sent exactly once', [
    { name: 'by_state', keys: { state: 1, createdAt: 1 } },
    { name: 'by_recipient', keys: { openid: 1, createdAt: -1 } },
  ]),
  adminOnly('timerState', 'Where each timer task stopped in its last tick (bounded work, resumed next tick)'),
  adminOnly('settings', 'Settings the office manages, one document per area (review: the four-eyes threshold); read on every call'),
  adminOnly('slots', 'Declarations a unit makes once per period (annual, TZ replacement batch): _id = <kind>-<unit>-<year> → the declaration holding it'),
  adminOnly('operations', 'Multi-step operations (declare, activate, roster import) with their step and cursor: resumed by a retry or the timer (operation.ts)', [
    { name: 'by_fn_status', keys: { fn: 1, status: 1, updatedAt: 1 } },
  ]),
  adminOnly('outbox', 'Notices written with the change they tell, until delivered to the inbox and WeChat (outbox.ts)', [
    { name: 'by_fn', keys: { fn: 1, createdAt: 1 } },
  ]),
  adminOnly('pushQueue', 'Subscribe messages still to send for inbox messages already written (push-queue.ts): _id = the message id', [
    { name: 'by_created', keys: { createdAt: 1, _id: 1 } },
  ]),
  adminOnly('throttles', 'Failure counters for throttled actions (e.g. worker binding)'),
  adminOnly('counters', 'Sequence counters (claim numbers)'),
  adminOnly('settlementImports', "Imports of the medical-insurance bureau's inpatient settlement export: _id = imp-<sha-256 of the file>, progress by chunk", [
    { name: 'by_file', keys: { fileID: 1 } },
    { name: 'by_status', keys: { status: 1 } },
    { name: 'by_importer', keys: { 'importedBy.openid': 1, createdAt: -1 } },
  ]),
  adminOnly('settlementBatches', "An import's checked rows in batches of 500 (keyed ID hash and masked form only), kept from its first call until it is done", [
    { name: 'by_import', keys: { importId: 1 } },
  ]),
  adminOnly('settlementStays', "Stays an import registered for a group of its chunk's participations (they reference it: stayRefs); never changed once written, _id = <importId>:<chunk>:<hash of the entries>"),
  adminOnly('settlements', 'Settlement rows as imported: _id = stl-<sha-256 of the serial> (one serial stored once), ID only as keyed hash', [
    { name: 'by_import_chunk', keys: { importId: 1, chunk: 1 } },
    { name: 'by_import_state_row', keys: { importId: 1, state: 1, row: 1 } },
    { name: 'by_import_row', keys: { importId: 1, row: 1 } },
  ]),
]
