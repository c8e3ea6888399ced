/** The `auth` function: who am I, and binding a WeChat user to a roster person or, by invitation, to a unit. */
import { z } from 'zod'
import { nameSchema as name, noInput } from './common'
import { isCleanText, UNSAFE_TEXT_MESSAGE } from './field-bounds'
import { roleSchema } from './roles'
import { defineFunction } from './action'

export const bindWorkerSchema = z.object({
  name,
  idNumber: z.string().trim().min(1, '请填写身份证号码').max(20, '身份证号码应为 18 位').refine((s) => isCleanText(s), UNSAFE_TEXT_MESSAGE),
})
export const acceptInviteSchema = z.object({ code: z.string().trim().regex(/^\d{8}$/, '邀请码为 8 位数字'), name: name.optional() })

/** What `whoami` answers. `role` is null for a WeChat user who has bound nothing yet. */
export const whoamiSchema = z.object({
  openid: z.string(),
  role: roleSchema.nullable(),
  /** Every role the user holds, first = `role` (e.g. a clerk who is also a roster worker). */
  roles: z.array(roleSchema).catch([]).default([]),
  name: z.string().nullish(),
  unitId: z.string().nullish(),
  unitName: z.string().nullish(),
  agentId: z.string().nullish(),
  agentName: z.string().nullish(),
  personId: z.string().nullish(),
  personName: z.string().nullish(),
})
export type Whoami = z.infer<typeof whoamiSchema>

export const authContract = defineFunction('auth', {
  whoami: { input: noInput, output: whoamiSchema },
  bindWorker: { input: bindWorkerSchema, output: z.object({ personId: z.string(), name: z.string() }) },
  acceptInvite: { input: acceptInviteSchema, output: z.object({ unitId: z.string(), unitName: z.string() }) },
})
