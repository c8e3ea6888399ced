/**
 * Settings the mutual-aid office manages (stored in the `settings` collection, one document per area, read by the
 * functions on every call so a change reaches every instance at once). The office edits the payment accounts on
 * 缴费账户 (src/packages/office/payment-settings); until a document is stored, the defaults below apply.
 */
import { z } from 'zod'
import { fenSchema } from './common'
import { safeText } from './field-bounds'
import { DEFAULT_PAYMENT_REFERENCE_RULE, paymentReferenceRuleSchema } from './payment-reference'

/**
 * Claim review: an approval whose amount is above `fourEyesAboveFen` (or above the rules' computed amount) is only a
 * proposal until a second office user confirms it (four eyes).
 */
export const reviewSettingsSchema = z.object({ fourEyesAboveFen: fenSchema })
export type ReviewSettings = z.infer<typeof reviewSettingsSchema>

/**
 * 20,000 yuan: the largest benefit a WH participant with two shares can receive (medical benefit, Art. 7) passes with
 * one approver; three shares (30,000 yuan), any TZ inpatient subsidy above it, and every raised amount need two.
 */
export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = { fourEyesAboveFen: 2_000_000 }

/** Where a unit pays its contribution, per scheme family: the office's account, and its phone for questions. */
export const payeeAccountSchema = z.object({
  accountName: safeText(60, { min: 2, minMessage: '请填写户名' }),
  bank: safeText(60, { min: 2, minMessage: '请填写开户行' }),
  /** Bank account number, digits (spaces allowed for reading). */
  accountNumber: z.string().trim().regex(/^[0-9 ]{8,40}$/, '账号应为 8 至 40 位数字（可用空格分组）'),
  /** The office's phone for questions about paying (also the help entry on H5: tel:). */
  phone: z.string().trim().regex(/^[0-9-]{7,20}$/, '电话号码应为 7 至 20 位数字，区号后可加“-”'),
})
export type PayeeAccount = z.infer<typeof payeeAccountSchema>

/**
 * The accounts of both schemes and the transfer remark rule. A stored document from before the rule was editable (and
 * a request without one) has the default rule — the one every declaration issued until then was given.
 */
export const paymentSettingsSchema = z.object({
  WH: payeeAccountSchema,
  TZ: payeeAccountSchema,
  referenceRule: paymentReferenceRuleSchema.default(DEFAULT_PAYMENT_REFERENCE_RULE),
})
export type PaymentSettings = z.infer<typeof paymentSettingsSchema>

/**
 * The demo's accounts, used until the office stores its own (settings document `payment`). They are marked 演示 in
 * the account name so nobody mistakes them for a real account; `README.md` (演示数据) says how to set the real ones.
 */
export const DEFAULT_PAYMENT_SETTINGS: PaymentSettings = {
  WH: { accountName: '职工医疗互助办公室（演示账户）', bank: '中国工商银行（演示）', accountNumber: '6222 0000 0000 0000 001', phone: '027-00000000' },
  TZ: { accountName: '职工服务中心互助专户（演示账户）', bank: '中国农业银行（演示）', accountNumber: '6228 0000 0000 0000 002', phone: '0576-00000000' },
  referenceRule: DEFAULT_PAYMENT_REFERENCE_RULE,
}

/** The `settings` document id of each area. */
export const SETTINGS_IDS = { review: 'review', payment: 'payment' } as const
