/** The `roster` function: a unit's staff roster (file import, one-by-one entry, list, status changes). */
import { z } from 'zod'
import { dateSchema, familySchema, nameSchema as name, noInput, pageRequestSchema, personStatusSchema, residentIdSchema, searchSchema, sexSchema } from './common'
import { fileIdSchema, idSchema } from './field-bounds'
import { defineFunction } from './action'
import { orProcessing } from './processing'

export const rosterAddSchema = z.object({
  name,
  idNumber: residentIdSchema,
  hireDate: dateSchema,
  status: z.enum(['in_service', 'retired']).default('in_service'),
})
export const rosterImportSchema = z.object({ fileID: fileIdSchema.min(1, '请先上传名册文件') })
/** The roster by name, one page at a time; `query` is a full ID number or the beginning of a name. */
export const rosterListSchema = pageRequestSchema.extend({
  unitId: idSchema.optional(),
  query: searchSchema.optional(),
  status: personStatusSchema.optional(),
})
export const rosterSetStatusSchema = z.object({ personId: idSchema, version: z.number().int().min(1), status: personStatusSchema })

export const rosterPersonSchema = z.object({
  _id: z.string(),
  name: z.string(),
  idMasked: z.string(),
  sex: sexSchema,
  birthDate: dateSchema,
  hireDate: dateSchema,
  status: personStatusSchema,
  bound: z.boolean(),
  version: z.number().int(),
})
export type RosterPerson = z.infer<typeof rosterPersonSchema>

export const rosterPageSchema = z.object({
  today: dateSchema,
  unit: z.object({ _id: z.string(), name: z.string(), family: familySchema, staffReport: z.object({ month: z.string(), headcount: z.number().int() }).nullable() }),
  total: z.number().int(),
  inService: z.number().int(),
  items: z.array(rosterPersonSchema),
  nextCursor: z.string().nullable(),
})
export type RosterPage = z.infer<typeof rosterPageSchema>

export const importResultSchema = z.object({
  imported: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** People changed by someone else during the import, left as they were. */
  conflicts: z.number().int().optional(),
  rows: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), field: z.string().nullable(), message: z.string() })),
})
export type ImportResult = z.infer<typeof importResultSchema>

export const rosterContract = defineFunction('roster', {
  import: { input: rosterImportSchema, output: orProcessing(importResultSchema) },
  template: { input: noInput, output: z.object({ fileID: z.string(), url: z.string() }) },
  add: { input: rosterAddSchema, output: z.object({ personId: z.string(), idMasked: z.string(), birthDate: dateSchema, sex: sexSchema }) },
  list: { input: rosterListSchema, output: rosterPageSchema },
  setStatus: { input: rosterSetStatusSchema, output: z.object({ status: personStatusSchema }) },
})
