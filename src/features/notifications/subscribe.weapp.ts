import Taro from '@tarojs/taro'
import type { SubscriptionKey } from './subscribe.types'

export type { SubscriptionKey } from './subscribe.types'

/**
 * Template ids are build-time configuration: `TARO_APP_TEMPLATE_<KEY>` in the environment of `taro build` (see
 * config/index.ts and the README). A key without an id is skipped.
 */
const TEMPLATE_IDS: Record<SubscriptionKey, string> = {
  enrolmentReviewed: process.env.TARO_APP_TEMPLATE_ENROLMENT_REVIEWED ?? '',
  enrolmentPaid: process.env.TARO_APP_TEMPLATE_ENROLMENT_PAID ?? '',
  coverageStarted: process.env.TARO_APP_TEMPLATE_COVERAGE_STARTED ?? '',
  claimReceived: process.env.TARO_APP_TEMPLATE_CLAIM_RECEIVED ?? '',
  claimNeedsMaterials: process.env.TARO_APP_TEMPLATE_CLAIM_NEEDS_MATERIALS ?? '',
  claimDecided: process.env.TARO_APP_TEMPLATE_CLAIM_DECIDED ?? '',
}

/**
 * Asks the user to allow the given notices (WeChat shows at most 3 templates at once, and only inside a tap handler:
 * call this first thing there). A refusal never blocks what the user was doing: the in-app inbox gets every notice.
 */
export async function requestSubscriptions(keys: readonly SubscriptionKey[]): Promise<void> {
  const tmplIds = keys.map((k) => TEMPLATE_IDS[k]).filter((id) => id.length > 0).slice(0, 3)
  if (tmplIds.length === 0) return
  try {
    await Taro.requestSubscribeMessage({ tmplIds } as Parameters<typeof Taro.requestSubscribeMessage>[0])
  } catch {
    // Declined, or the templates are not configured for this mini-program.
  }
}
