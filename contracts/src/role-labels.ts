/**
 * The roles and their Chinese names, free of zod: the H5 sign-in page groups its list by them before the schema
 * library has loaded (its first paint carries no zod). `roles.ts` builds the schema from this list.
 */
export const ROLES = ['office', 'agent', 'clerk', 'worker'] as const

/** Who a signed-in user acts as. */
export type Role = (typeof ROLES)[number]

export const ROLE_LABEL: Record<Role, string> = {
  worker: '职工',
  clerk: '单位经办人',
  agent: '代理单位',
  office: '互助办',
}
