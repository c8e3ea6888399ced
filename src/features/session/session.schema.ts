import { z } from 'zod'

export const roleSchema = z.enum(['office', 'agent', 'clerk', 'worker'])
export type Role = z.infer<typeof roleSchema>

/** What `auth` `{ action: 'whoami' }` answers. `role` is null for a WeChat user who has bound nothing yet. */
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

/** A demo identity listed by the emulator at `GET /local/identities`. */
export const localIdentitySchema = z.object({
  openid: z.string(),
  role: roleSchema.nullable().catch(null),
  name: z.string().catch(''),
  label: z.string().catch(''),
  home: z.string().optional(),
})
export type LocalIdentity = z.infer<typeof localIdentitySchema>
