import { DEFAULT_REVIEW_SETTINGS, SETTINGS_IDS, reviewSettingsSchema, type ReviewSettings } from '@mutual-aid/contracts'
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
