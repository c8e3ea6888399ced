import { z } from 'zod'
import { announcedFeeIssues, feeRuleSchema } from '../schemas/scheme'
import { formatIssues } from '../schemas/common'
import type { Scheme } from '../schemes/types'

/**
 * A scheme version with the fees the office announced after its document (TZ 2022 四(一)2: "2022年度缴费标准将另行通知").
 * The fee rules come from storage or a form, so they are checked here: their shape (`feeRuleSchema`), every offered
 * product priced exactly once, shares-based rates only where the scheme has shares. Fees of a version whose document
 * already set them cannot be replaced this way. Pure: `scheme` is not changed.
 *
 * @example applyAnnouncedFees(getScheme('tz-2022'), [{ per: 'person_period', product: 'critical', fen: 2000, basis: '…' }, …])
 */
export function applyAnnouncedFees(scheme: Scheme, fees: unknown): { ok: true; scheme: Scheme } | { ok: false; message: string } {
  if (scheme.fees !== null) return { ok: false, message: `${scheme.name}的缴费标准已在方案文件中规定（${scheme.feesBasis}），不能另行公布。` }
  const parsed = z.array(feeRuleSchema, { error: '缴费标准应为缴费规则的列表' }).min(1, '缴费标准不能为空').safeParse(fees)
  if (!parsed.success) return { ok: false, message: `缴费标准格式不正确：${formatIssues(parsed.error)}` }
  const issues = announcedFeeIssues(scheme, parsed.data)
  if (issues.length > 0) return { ok: false, message: `缴费标准不完整：${issues.join('；')}` }
  return { ok: true, scheme: { ...scheme, fees: parsed.data } }
}
