import {
  DEFAULT_PAYMENT_SETTINGS,
  DEFAULT_REVIEW_SETTINGS,
  SETTINGS_IDS,
  paymentSettingsSchema,
  reviewSettingsSchema,
  type PaymentSettings,
  type ReviewSettings,
} from '@mutual-aid/contracts'
import { findById } from './db'
import { AppError } from './errors'
import type { SdkHandle } from './sdk'

/** The review settings in force, and where they came from (recorded with every decision that used them). */
export interface ReviewSettingsInForce extends ReviewSettings {
  /** `default` when the office has stored none; else the stored document's version. */
  source: 'default' | { version: number }
}

/**
 * Reads the office's review settings on every call (many instances run at once; a change must reach the next
 * decision everywhere). A stored document that does not validate stops decisions rather than silently using the
 * default: the office meant something else.
 */
export async function loadReviewSettings(db: SdkHandle): Promise<ReviewSettingsInForce> {
  const doc = await findById<Record<string, unknown> & { version?: number }>(db, 'settings', SETTINGS_IDS.review)
  if (!doc) return { ...DEFAULT_REVIEW_SETTINGS, source: 'default' }
  const parsed = reviewSettingsSchema.safeParse(doc)
  if (!parsed.success) {
    console.error('[settings] stored review settings do not validate:', parsed.error.issues)
    throw new AppError('SETTINGS_INVALID', '互助办的审批设置有误，暂不能审批。请联系互助办核对“审批设置”后再试。')
  }
  return { ...parsed.data, source: { version: typeof doc.version === 'number' ? doc.version : 1 } }
}

/** The payment accounts in force, whether they are still the demo defaults, and the stored version (0: none). */
export interface PaymentSettingsInForce {
  settings: PaymentSettings
  demo: boolean
  version: number
}

/**
 * Reads the office's payment accounts on every call, like the review settings. A stored document that does not
 * validate stops the payment instructions rather than showing the demo account as if it were real.
 */
export async function loadPaymentSettings(db: SdkHandle): Promise<PaymentSettingsInForce> {
  const doc = await findById<Record<string, unknown> & { version?: number }>(db, 'settings', SETTINGS_IDS.payment)
  if (!doc) return { settings: DEFAULT_PAYMENT_SETTINGS, demo: true, version: 0 }
  const parsed = paymentSettingsSchema.safeParse(doc)
  if (!parsed.success) {
    console.error('[settings] stored payment settings do not validate:', parsed.error.issues)
    throw new AppError('SETTINGS_INVALID', '互助办的缴费账户设置有误，暂不能显示缴费方式。请联系互助办核对“缴费账户”后再试。')
  }
  return { settings: parsed.data, demo: false, version: typeof doc.version === 'number' ? doc.version : 1 }
}
