// Roles and `whoami` are the contract's (@mutual-aid/contracts); re-exported as this feature's vocabulary.
export { roleSchema, whoamiSchema, type Role, type Whoami } from '@mutual-aid/contracts'

// The demo identities of the H5 sign-in page are read without zod: local-identities.ts.
export type { LocalIdentity } from './local-identities'
