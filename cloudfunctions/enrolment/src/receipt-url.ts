import { action } from '@cloud-shared/create-main'
import { findById } from '@cloud-shared/db'
import { AppError, notFound } from '@cloud-shared/errors'
import { checkFile, tempUrls } from '@cloud-shared/files'
import { audit } from '@cloud-shared/audit'
import { enrolmentRefSchema } from '@mutual-aid/contracts'
import { unitInScope } from '@cloud-shared/unit-scope'
import type { EnrolmentDoc } from './model'

/**
 * A temporary URL of the payment receipt photo, for the unit's clerk, its agent and the office, with the receipt
 * checked against the hash recorded with the payment. Every opening is on the audit record.
 */
export const receiptUrl = action({
  access: ['clerk', 'agent', 'office'],
  input: enrolmentRefSchema,
  async run(ctx, { enrolmentId }) {
    const e = await findById<EnrolmentDoc>(ctx.db, 'enrolments', enrolmentId)
    if (!e) throw notFound('该申报')
    await unitInScope(ctx, e.unitId)
    const fileID = e.payment?.receiptFileID
    if (!fileID) throw new AppError('NO_RECEIPT', '这笔缴费没有上传回单照片。')
    const url = (await tempUrls(ctx, [fileID]))[fileID]
    if (!url) throw new AppError('RECEIPT_UNAVAILABLE', '回单照片暂时无法打开，请稍后重试。')
    await audit(ctx, { action: 'enrolment.receipt.open', entity: 'enrolments', entityId: e._id, after: { fileID } })
    return { url, check: await checkFile(ctx, fileID, e.payment?.receiptSha256 ?? undefined) }
  },
})
