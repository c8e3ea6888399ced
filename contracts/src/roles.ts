import { z } from 'zod'

/** Who a signed-in user acts as. Staff roles are given by the office; a worker is a WeChat user bound to a roster person. */
export const roleSchema = z.enum(['office', 'agent', 'clerk', 'worker'])
export type Role = z.infer<typeof roleSchema>

/** The roles the office gives (a worker has none; binding to a roster person makes one). */
export type StaffRole = Exclude<Role, 'worker'>

export const ROLE_LABEL: Record<Role, string> = {
  worker: '职工',
  clerk: '单位经办人',
  agent: '代理单位',
  office: '互助办',
}
