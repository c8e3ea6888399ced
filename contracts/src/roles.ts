import { z } from 'zod'
import { ROLES, type Role } from './role-labels'

// The list and the labels live in a zod-free file (role-labels.ts) so code that must not load zod can read them.
export { ROLE_LABEL, type Role } from './role-labels'

/** Who a signed-in user acts as. Staff roles are given by the office; a worker is a WeChat user bound to a roster person. */
export const roleSchema = z.enum(ROLES)

/** The roles the office gives (a worker has none; binding to a roster person makes one). */
export type StaffRole = Exclude<Role, 'worker'>
