import { BUILT_IN_REGISTRY, applyAnnouncedFees, parseScheme, type Scheme } from '@mutual-aid/shared-rules'
import { announceFeesInput } from '@mutual-aid/contracts'
import { action } from '@cloud-shared/create-main'
import { audit } from '@cloud-shared/audit'
import { AppError, notFound } from '@cloud-shared/errors'
import { runInTransaction } from '@cloud-shared/transaction'
import { txGet } from '@cloud-shared/tx'
import type { AnnouncedFeesDoc, PublishedVersionDoc } from '@cloud-shared/schemes'
import type { SdkHandle } from '@cloud-shared/sdk'

/** The version as its document (or its publication) set it, before any announcement: built-in, or published. */
async function versionAsDocumented(tx: SdkHandle, id: string): Promise<Scheme | null> {
  const builtIn = BUILT_IN_REGISTRY.find(id)
  if (builtIn) return builtIn
  const doc = await txGet<PublishedVersionDoc>(tx, 'schemeVersions', id)
  if (!doc) return null
  const parsed = parseScheme(doc.scheme)
  return parsed.ok ? parsed.scheme : null
}

/**
 * The office announces the fees of a version whose document left them to a later notice (TZ 2022 四(一)2: "2022年度
 * 缴费标准将另行通知"). Validated by the rules (`applyAnnouncedFees`: every offered product priced exactly once), written
 * once with its audit entry in one transaction: a second announcement — or two office users announcing at once — is
 * refused, because quotes and payments rest on the first. From the next call on, every function quotes with it.
 */
export const announceFees = action({
  access: ['office'],
  input: announceFeesInput,
  async run(ctx, input) {
    const today = ctx.clock.today()
    if (input.announcedOn > today) throw new AppError('INVALID_INPUT', `公布日期不能晚于今天（${today}）。`)
    const now = ctx.clock.now()
    await runInTransaction(ctx.db, async (tx: SdkHandle) => {
      const scheme = await versionAsDocumented(tx, input.schemeId)
      if (!scheme) throw notFound(`方案版本 ${input.schemeId}`)
      if (scheme.fees !== null) throw new AppError('FEES_IN_DOCUMENT', `${scheme.name}的缴费标准已在方案文件中规定（${scheme.feesBasis}），无需另行公布。`)
      const existing = await txGet<AnnouncedFeesDoc>(tx, 'schemeFees', input.schemeId)
      if (existing) {
        throw new AppError('FEES_ALREADY_ANNOUNCED', `${scheme.name}的缴费标准已于 ${existing.announcedOn} 公布（${existing.notice}），不能再次公布：已有的报价和缴费以它为准。`)
      }
      const applied = applyAnnouncedFees(scheme, input.fees)
      if (!applied.ok) throw new AppError('INVALID_INPUT', applied.message)
      const doc: Omit<AnnouncedFeesDoc, '_id'> = {
        schemeId: input.schemeId,
        fees: input.fees,
        notice: input.notice,
        announcedOn: input.announcedOn,
        announcedBy: ctx.caller.openid,
        createdAt: now,
      }
      await tx.collection('schemeFees').doc(input.schemeId).set({ data: doc })
      await audit(ctx, { action: 'scheme.announceFees', entity: 'scheme', entityId: input.schemeId, before: { fees: null }, after: { fees: input.fees, notice: input.notice, announcedOn: input.announcedOn } }, tx)
    }, { busyMessage: '现在有其他人在同时公布缴费标准，请稍等几秒后刷新查看。' })
    return { schemeId: input.schemeId, announcedOn: input.announcedOn }
  },
})
