import Taro from '@tarojs/taro'
import { MAX_TEMPLATES_PER_REQUEST, SUBSCRIBE_ON, type SubscribeMoment, type TemplateKey } from '@mutual-aid/contracts'
import type { RequestSubscriptions } from './subscribe.types'

export type { SubscribeMoment, TemplateKey } from './subscribe.types'

/**
 * Template ids are build-time configuration: `TARO_APP_TEMPLATE_<KEY>` in the environment of `taro build` (see
 * config/index.ts and the README). A key without an id is skipped.
 */
const TEMPLATE_IDS: Record<TemplateKey, string> = {
  enrolmentReviewed: process.env.TARO_APP_TEMPLATE_ENROLMENT_REVIEWED ?? '',
  enrolmentPaid: process.env.TARO_APP_TEMPLATE_ENROLMENT_PAID ?? '',
  coverageStarted: process.env.TARO_APP_TEMPLATE_COVERAGE_STARTED ?? '',
  unitChangedLate: process.env.TARO_APP_TEMPLATE_UNIT_CHANGED_LATE ?? '',
  claimReceived: process.env.TARO_APP_TEMPLATE_CLAIM_RECEIVED ?? '',
  claimNeedsMaterials: process.env.TARO_APP_TEMPLATE_CLAIM_NEEDS_MATERIALS ?? '',
  claimDecided: process.env.TARO_APP_TEMPLATE_CLAIM_DECIDED ?? '',
  claimPaid: process.env.TARO_APP_TEMPLATE_CLAIM_PAID ?? '',
  reviewPending: process.env.TARO_APP_TEMPLATE_REVIEW_PENDING ?? '',
  reviewDue: process.env.TARO_APP_TEMPLATE_REVIEW_DUE ?? '',
  claimDraftDeadline: process.env.TARO_APP_TEMPLATE_CLAIM_DRAFT_DEADLINE ?? '',
  enrolmentWindow: process.env.TARO_APP_TEMPLATE_ENROLMENT_WINDOW ?? '',
  newHireDeadline: process.env.TARO_APP_TEMPLATE_NEW_HIRE_DEADLINE ?? '',
  claimPayFailed: process.env.TARO_APP_TEMPLATE_CLAIM_PAY_FAILED ?? '',
  claimProposed: process.env.TARO_APP_TEMPLATE_CLAIM_PROPOSED ?? '',
}

/**
 * Asks the user to allow the notices of one tap (WeChat shows at most 3 templates at once, and only inside a tap
 * handler: call this first thing there). Each 允许 allows one send. A refusal never blocks what the user was doing:
 * the in-app inbox gets every notice.
 */
export const requestSubscriptions: RequestSubscriptions = async (moment: SubscribeMoment) => {
  const tmplIds = SUBSCRIBE_ON[moment].map((k) => TEMPLATE_IDS[k]).filter((id) => id.length > 0).slice(0, MAX_TEMPLATES_PER_REQUEST)
  if (tmplIds.length === 0) return
  try {
    await Taro.requestSubscribeMessage({ tmplIds } as Parameters<typeof Taro.requestSubscribeMessage>[0])
  } catch {
    // Declined, or the templates are not configured for this mini-program.
  }
}
