/**
 * Settings the mutual-aid office manages (stored in the `settings` collection, one document per area, read by the
 * functions on every call so a change reaches every instance at once). The office's settings page comes in a later
 * issue; until a document is stored, the defaults below apply.
 */
import { z } from 'zod'
import { fenSchema } from './common'

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

/** The `settings` document id of each area. */
export const SETTINGS_IDS = { review: 'review' } as const
