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

const adminOnly = (name: string, description: string, indexes: IndexSpec[] = []): CollectionSpec => ({
  name,
  description,
  indexes,
  acl: 'ADMINONLY',
})

export const COLLECTIONS: CollectionSpec[] = [
  adminOnly('users', 'WeChat users (by OPENID): staff role, unit/agent, bound roster person'),
  adminOnly('agents', 'District / sector unions (代理单位)'),
  adminOnly('units', 'Participating units (参加单位)', [
    { name: 'uscc_unique', keys: { uscc: 1 }, unique: true },
    { name: 'by_agent', keys: { agentId: 1 } },
  ]),
  adminOnly('unitChanges', 'Recorded changes of unit details (Art. 23)', [{ name: 'by_unit', keys: { unitId: 1 } }]),
  adminOnly('invites', 'One-time clerk invitation codes (hashed)', [
    { name: 'code_unique', keys: { codeHash: 1 }, unique: true },
  ]),
  adminOnly('people', 'Unit rosters (在册职工); ID numbers stored as keyed hash + ciphertext', [
    { name: 'unit_id_unique', keys: { unitId: 1, idHash: 1 }, unique: true },
    { name: 'by_id', keys: { idHash: 1 } },
    { name: 'by_openid', keys: { openid: 1 } },
  ]),
  adminOnly('enrolments', 'Declarations (网上申报) per unit and period', [
    { name: 'by_unit', keys: { unitId: 1, year: 1 } },
    { name: 'by_status', keys: { status: 1 } },
  ]),
  adminOnly('participations', 'One person enrolled in one scheme and period (Art. 6: at most once)', [
    { name: 'scheme_year_person_unique', keys: { family: 1, year: 1, idHash: 1 }, unique: true },
    { name: 'by_enrolment', keys: { enrolmentId: 1 } },
    { name: 'by_person', keys: { personId: 1 } },
  ]),
  adminOnly('claims', 'Benefit claims with their history', [
    { name: 'claim_no_unique', keys: { claimNo: 1 }, unique: true },
    { name: 'idempotency_unique', keys: { idempotencyKey: 1 }, unique: true },
    { name: 'by_status', keys: { status: 1, dueDate: 1 } },
    { name: 'by_person', keys: { personId: 1 } },
  ]),
  adminOnly('claimDrafts', 'Claim drafts kept while the worker fills in the form'),
  adminOnly('payouts', 'Payout records of approved claims', [{ name: 'claim_unique', keys: { claimId: 1 }, unique: true }]),
  adminOnly('ledger', 'Fund ledger per scheme and year (Art. 20–21)', [
    { name: 'by_fund', keys: { family: 1, year: 1 } },
    { name: 'source_unique', keys: { sourceType: 1, sourceId: 1 }, unique: true },
  ]),
  adminOnly('consents', 'Recorded consents (PIPL, medical information): one per WeChat user and kind', [
    { name: 'openid_kind_unique', keys: { openid: 1, kind: 1 }, unique: true },
  ]),
  adminOnly('messages', 'In-app inbox per user', [{ name: 'by_openid', keys: { openid: 1, createdAt: -1 } }]),
  adminOnly('audit', 'Append-only audit log: who, role, when, what, before/after', [
    { name: 'by_entity', keys: { entity: 1, entityId: 1 } },
  ]),
  adminOnly('schemeFees', 'Fees announced for a scheme version whose document left them to a later notice (TZ 2022 四(一)2); _id = scheme id, written once', [
    { name: 'scheme_unique', keys: { schemeId: 1 }, unique: true },
  ]),
  adminOnly('settings', 'Settings the office manages, one document per area (review: the four-eyes threshold); read on every call'),
  adminOnly('slots', 'Declarations a unit makes once per period (annual, TZ replacement batch): _id = <kind>-<unit>-<year> → the declaration holding it'),
  adminOnly('throttles', 'Failure counters for throttled actions (e.g. worker binding)'),
  adminOnly('counters', 'Sequence counters (claim numbers)'),
  adminOnly('settlementImports', "Imports of the medical-insurance bureau's inpatient settlement export: _id = imp-<sha-256 of the file>, progress by chunk", [
    { name: 'by_file', keys: { fileID: 1 } },
    { name: 'by_status', keys: { status: 1 } },
    { name: 'by_importer', keys: { 'importedBy.openid': 1, createdAt: -1 } },
  ]),
  adminOnly('settlements', 'Settlement rows as imported: _id = stl-<sha-256 of the serial> (one serial stored once), ID only as keyed hash', [
    { name: 'by_import_chunk', keys: { importId: 1, chunk: 1 } },
    { name: 'by_import_state_row', keys: { importId: 1, state: 1, row: 1 } },
    { name: 'by_import_row', keys: { importId: 1, row: 1 } },
  ]),
]
