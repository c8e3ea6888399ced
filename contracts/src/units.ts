/** The `units` function: participating units, their changes (WH Art. 23), clerk invitations, staff reports (Art. 5). */
import { z } from 'zod'
import { cursorPageOf, dateSchema, instantSchema, familySchema, nameSchema as name, noInput, pageRequestSchema, phoneSchema as phone, searchSchema, unitTypeSchema, usccSchema } from './common'
import { fileIdSchema, idRef, idSchema, safeText } from './field-bounds'
import { defineFunction } from './action'

export const unitFieldsSchema = z.object({
  name,
  uscc: usccSchema,
  unitType: unitTypeSchema,
  finance: z.boolean().default(false),
  family: familySchema,
  agentId: idRef('请选择代理单位'),
  contactName: name,
  contactPhone: phone,
  address: safeText(120).default(''),
})
export type UnitFields = z.infer<typeof unitFieldsSchema>

export const unitCreateSchema = unitFieldsSchema
export const unitUpdateSchema = z.object({
  unitId: idSchema,
  version: z.number().int().min(1),
  /** Date the change took effect (e.g. the new name registered); Art. 23 asks for a report within 15 days. */
  changedOn: dateSchema,
  changes: z
    .object({
      name: name.optional(),
      address: safeText(120).optional(),
      contactName: name.optional(),
      contactPhone: phone.optional(),
    })
    .refine((c) => Object.values(c).some((v) => v !== undefined), '没有需要变更的内容'),
})
/** Units newest first, or by name when `query` (the beginning of a name) is given, one page at a time. */
export const unitListSchema = pageRequestSchema.extend({ query: searchSchema.optional() })
export const unitGetSchema = z.object({ unitId: idSchema.optional() })
export const inviteCreateSchema = z.object({ unitId: idSchema })
export const staffReportSchema = z.object({
  unitId: idSchema.optional(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'),
  headcount: z.number().int().min(1, '人数至少为 1').max(1_000_000),
  /** A scan of the staff report, uploaded by the app. */
  fileID: fileIdSchema.optional(),
})

export const unitSummarySchema = z.object({
  _id: z.string(),
  name: z.string(),
  uscc: z.string(),
  unitType: unitTypeSchema,
  finance: z.boolean(),
  family: familySchema,
  agentId: z.string(),
  agentName: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  lateChange: z.boolean(),
})
export type UnitSummary = z.infer<typeof unitSummarySchema>

export const unitDetailSchema = z.object({
  today: dateSchema,
  unit: unitSummarySchema.omit({ lateChange: true }).extend({
    address: z.string(),
    version: z.number().int(),
    staffReport: z.object({ month: z.string(), headcount: z.number().int() }).nullish(),
    lastChange: z.object({ late: z.boolean() }).optional(),
  }),
  changes: z.array(
    z.object({
      before: z.record(z.string(), z.unknown()),
      after: z.record(z.string(), z.unknown()),
      changedOn: dateSchema,
      reportedOn: dateSchema,
      late: z.boolean(),
      basis: z.string().nullable(),
    }),
  ),
  clerks: z.array(z.object({ name: z.string() })),
})
export type UnitDetail = z.infer<typeof unitDetailSchema>

/** The audit log for the office, newest first, one page at a time; optionally one entity (`claim` + its id, …). */
export const auditListSchema = pageRequestSchema.extend({
  entity: z.string().trim().regex(/^[a-zA-Z]{1,30}$/, '记录类型无效').optional(),
  entityId: idSchema.optional(),
})
export const auditEntryViewSchema = z.object({
  id: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  /** Who: the caller's OPENID and roles at the time, and the function that acted. */
  openid: z.string(),
  roles: z.array(z.string()),
  fn: z.string(),
  at: instantSchema,
  note: z.string().nullable(),
  /** Before and after as JSON text, cut at 500 characters each. */
  before: z.string().nullable(),
  after: z.string().nullable(),
})
export type AuditEntryView = z.infer<typeof auditEntryViewSchema>

export const unitsContract = defineFunction('units', {
  create: { input: unitCreateSchema, output: z.object({ unitId: z.string() }) },
  update: {
    input: unitUpdateSchema,
    output: z.object({ late: z.boolean(), lateDays: z.number().int().nullable(), limitDays: z.number().int().nullable(), basis: z.string().nullable() }),
  },
  list: { input: unitListSchema, output: cursorPageOf(unitSummarySchema) },
  get: { input: unitGetSchema, output: unitDetailSchema },
  createInvite: { input: inviteCreateSchema, output: z.object({ code: z.string(), expiresOn: dateSchema, unitName: z.string() }) },
  recordStaffReport: { input: staffReportSchema, output: z.object({ staffReport: z.object({ month: z.string(), headcount: z.number().int() }) }) },
  listAgents: { input: noInput, output: z.array(z.object({ _id: z.string(), name: z.string(), region: z.string() })) },
  auditLog: { input: auditListSchema, output: cursorPageOf(auditEntryViewSchema) },
})
