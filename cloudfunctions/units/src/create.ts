import { action } from '@cloud-shared/create-main'
import { audit } from '@cloud-shared/audit'
import { findById } from '@cloud-shared/db'
import { AppError, forbidden, isDuplicateKey } from '@cloud-shared/errors'
import { unitCreateSchema } from '@mutual-aid/contracts'

/** The office (any agent) or an agent (itself as agent) creates a participating unit. */
export const create = action({
  access: ['office', 'agent'],
  input: unitCreateSchema,
  async run(ctx, input) {
    const { roles, user } = ctx.caller
    if (!roles.includes('office') && input.agentId !== user?.agentId) throw forbidden('代理单位只能为本代理单位创建参加单位。')
    const agent = await findById(ctx.db, 'agents', input.agentId)
    if (!agent) throw new AppError('INVALID_INPUT', '所选代理单位不存在，请重新选择。')
    const dup = await ctx.db.collection('units').where({ uscc: input.uscc }).limit(1).get()
    if (dup.data.length) throw new AppError('DUPLICATE_UNIT', `统一社会信用代码 ${input.uscc} 的单位已经登记过（${dup.data[0].name}），无需重复创建。`)
    const now = ctx.clock.now()
    const doc = { ...input, version: 1, createdAt: now, updatedAt: now }
    let res: { _id: string }
    try {
      res = await ctx.db.collection('units').add({ data: doc })
    } catch (err) {
      // The unique USCC index catches a concurrent creation of the same unit.
      if (isDuplicateKey(err)) throw new AppError('DUPLICATE_UNIT', `统一社会信用代码 ${input.uscc} 的单位刚刚已被登记，无需重复创建。`)
      throw err
    }
    await audit(ctx, { action: 'unit.create', entity: 'units', entityId: res._id, after: doc })
    return { unitId: res._id as string }
  },
})
