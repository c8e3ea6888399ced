import { noInput } from '@mutual-aid/contracts'
import { action } from '@cloud-shared/create-main'
import { findById } from '@cloud-shared/db'
import { AppError } from '@cloud-shared/errors'
import { loadSchemes } from '@cloud-shared/schemes'
import type { ParticipationDoc, PersonDoc } from './model'
import { coverageView } from './coverage-view'

/** "My coverage": the worker's own participations (newest period first), each in words. */
export const myCoverage = action({
  access: ['worker'],
  input: noInput,
  async run(ctx) {
    const personId = ctx.caller.user?.personId
    const person = personId ? await findById<PersonDoc>(ctx.db, 'people', personId) : null
    if (!person) throw new AppError('NOT_BOUND', '您还没有绑定职工身份，请先用姓名和身份证号码绑定。')
    const unit = await findById<{ name: string }>(ctx.db, 'units', person.unitId)
    const res = await ctx.db.collection('participations').where({ idHash: person.idHash }).orderBy('year', 'desc').limit(10).get()
    const today = ctx.clock.today()
    const schemes = await loadSchemes(ctx.db)
    const items = (res.data as ParticipationDoc[]).filter((p) => p.status !== 'void').map((p) => coverageView(p, today, schemes.get(p.schemeId)))
    return { today, person: { name: person.name, idMasked: person.idMasked, unitName: unit?.name ?? '' }, items }
  },
})
