import { z } from 'zod'
import { roleSchema } from '@mutual-aid/contracts'

// Roles and `whoami` are the contract's (@mutual-aid/contracts); re-exported as this feature's vocabulary.
export { roleSchema, whoamiSchema, type Role, type Whoami } from '@mutual-aid/contracts'

/** A demo identity listed by the emulator at `GET /local/identities`. */
export const localIdentitySchema = z.object({
  openid: z.string(),
  role: roleSchema.nullable().catch(null),
  name: z.string().catch(''),
  label: z.string().catch(''),
  home: z.string().optional(),
})
export type LocalIdentity = z.infer<typeof localIdentitySchema>
