/**
 * Scope checks shared by the enrolment-side functions (units, roster, enrolment): which units the caller may
 * see or change, decided from the trusted OPENID only.
 */
import type { HandlerContext } from './context'
import { findAll, findById } from './db'
import type { UnitDoc } from './documents'
import { AppError, forbidden, notFound } from './errors'

/** Whether the caller may read this unit: office all, agent its own units, clerk their own unit. */
export function canSeeUnit(ctx: HandlerContext, unit: Pick<UnitDoc, '_id' | 'agentId'>): boolean {
  const { roles, user } = ctx.caller
  if (roles.includes('office')) return true
  if (roles.includes('agent') && user?.agentId && unit.agentId === user.agentId) return true
  if (roles.includes('clerk') && user?.unitId === unit._id) return true
  return false
}

/**
 * The unit the caller acts on. A clerk always acts on their own unit (a different `unitId` is refused);
 * office and agent must name one, and an agent only one of its own.
 */
export async function unitInScope(ctx: HandlerContext, unitId?: string): Promise<UnitDoc> {
  const { roles, user } = ctx.caller
  let id = unitId
  if (!id && roles.includes('clerk')) id = user?.unitId
  if (!id) throw new AppError('INVALID_INPUT', '请选择单位。')
  const unit = await findById<UnitDoc>(ctx.db, 'units', id)
  if (!unit) throw notFound('该单位')
  if (!canSeeUnit(ctx, unit)) throw forbidden('您只能办理本单位（或本代理单位所辖单位）的业务。')
  return unit
}

/** The clerk's own unit; refuses anyone else (clerk-only write actions). */
export async function ownUnit(ctx: HandlerContext, unitId?: string): Promise<UnitDoc> {
  const own = ctx.caller.user?.unitId
  if (!ctx.caller.roles.includes('clerk') || !own) throw forbidden('只有本单位经办人可以办理此项业务。')
  if (unitId && unitId !== own) throw forbidden('您只能办理本单位的业务。')
  return unitInScope(ctx, own)
}

/** OPENIDs of the clerks of a unit (for notices). */
export async function clerksOf(ctx: HandlerContext, unitId: string): Promise<string[]> {
  const users = await findAll<{ _id: string }>(ctx.db, 'users', { role: 'clerk', unitId }, 1000)
  return users.map((u) => u._id)
}

/** OPENIDs of users with a given staff role (e.g. every office user, to flag something to the office). */
export async function usersWithRole(ctx: HandlerContext, role: 'office' | 'agent', agentId?: string): Promise<string[]> {
  const where = agentId ? { role, agentId } : { role }
  const users = await findAll<{ _id: string }>(ctx.db, 'users', where, 1000)
  return users.map((u) => u._id)
}
