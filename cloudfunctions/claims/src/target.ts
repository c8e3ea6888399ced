import type { HandlerContext } from '@cloud-shared/context'
import { findAll, findById } from '@cloud-shared/db'
import { AppError, forbidden, notFound } from '@cloud-shared/errors'
import { hashId } from '@cloud-shared/id-crypto'
import { audit } from '@cloud-shared/audit'
import { LOCK_MINUTES, beginAttempt } from '@cloud-shared/throttle'
import type { ClaimTarget } from '@mutual-aid/contracts'
import type { FiledAs, ParticipationDoc, PersonDoc, UnitDoc } from './model'

export interface ResolvedTarget {
  person: PersonDoc
  unit: UnitDoc
  filedAs: FiledAs
  filerName: string
  participations: ParticipationDoc[]
}

/**
 * Finds whom a claim is for and checks the caller may file for them:
 * a worker only for themself, a clerk only for people on their unit's roster, a beneficiary (any signed-in user)
 * only a death claim for a participant they name by name and resident ID number (matched by keyed hash).
 */
export async function resolveTarget(ctx: HandlerContext, target: ClaimTarget): Promise<ResolvedTarget> {
  const { user, roles } = ctx.caller
  let person: PersonDoc | null = null
  let filedAs: FiledAs
  if (target.mode === 'self') {
    if (!roles.includes('worker') || !user?.personId) {
      throw forbidden('您的微信尚未绑定职工身份。请先在「绑定」页面完成绑定，或由单位经办人代为申请。')
    }
    person = await findById<PersonDoc>(ctx.db, 'people', user.personId)
    filedAs = 'worker'
  } else if (target.mode === 'on_behalf') {
    if (!roles.includes('clerk') || !user?.unitId) throw forbidden('只有单位经办人可以代职工申请。')
    person = await findById<PersonDoc>(ctx.db, 'people', target.personId)
    if (person && person.unitId !== user.unitId) throw forbidden('只能为本单位名册中的职工代为申请。')
    filedAs = 'clerk'
  } else {
    // Naming a participant by name + ID is an oracle for who is enrolled: throttled like binding, and every miss is on
    // record (who looked, when — never the number tried).
    const attempt = await beginAttempt(ctx, `beneficiary:${ctx.caller.openid}`, '查找')
    try {
      const idHash = hashId(ctx.config.secrets, target.residentId)
      const matches = await findAll<PersonDoc>(ctx.db, 'people', { idHash })
      person = matches.find((p) => p.name === target.name.trim()) ?? null
      if (!person) {
        const { remaining } = await attempt.missed()
        await audit(ctx, { action: 'claims.beneficiaryLookup.failed', entity: 'people', entityId: 'unknown', note: `remaining ${remaining}` })
        throw new AppError(
          'NOT_FOUND',
          remaining > 0
            ? `未找到与该姓名和身份证号一致的参加人，请核对后重试（姓名须与单位名册一致；还可尝试 ${remaining} 次）。`
            : `未找到与该姓名和身份证号一致的参加人。失败次数过多，已暂停查找，请 ${LOCK_MINUTES} 分钟后再试，或联系参加人所在单位工会。`,
        )
      }
    } finally {
      await attempt.release()
    }
    if (user?.personId && user.personId === person._id) {
      throw forbidden('受益人申请用于为已故参加人申请身故抚恤金；本人申请请选择「为本人申请」。')
    }
    filedAs = 'beneficiary'
  }
  if (!person) throw notFound('该职工')
  const unit = await findById<UnitDoc>(ctx.db, 'units', person.unitId)
  if (!unit) throw notFound('该职工所在单位')
  const participations = (await findAll<ParticipationDoc>(ctx.db, 'participations', { personId: person._id })).filter(
    (p) => p.status === 'active' && p.coverageStart,
  )
  participations.sort((a, b) => b.year - a.year)
  return { person, unit, filedAs, filerName: user?.name || (filedAs === 'worker' ? person.name : ''), participations }
}
