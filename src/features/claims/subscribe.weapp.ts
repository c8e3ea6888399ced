import Taro from '@tarojs/taro'

/**
 * Template ids come from build-time configuration (`TARO_APP_TEMPLATE_*` in the environment of `taro build`); at
 * most 3: received / more materials needed / decided and paid.
 */
const TEMPLATE_IDS = [
  process.env.TARO_APP_TEMPLATE_CLAIM_RECEIVED,
  process.env.TARO_APP_TEMPLATE_CLAIM_NEEDS_MATERIALS,
  process.env.TARO_APP_TEMPLATE_CLAIM_DECIDED,
].filter((id): id is string => typeof id === 'string' && id.length > 0)

/**
 * Asks the user, on the submit tap, to allow the three claim notices. WeChat only shows the dialog in a tap
 * handler, so call this first thing there. A refusal never blocks submitting.
 */
export async function requestClaimSubscriptions(): Promise<void> {
  if (TEMPLATE_IDS.length === 0) return
  try {
    await Taro.requestSubscribeMessage({ tmplIds: TEMPLATE_IDS } as Parameters<typeof Taro.requestSubscribeMessage>[0])
  } catch {
    // The user declined or the templates are not configured: the in-app inbox still gets every notice.
  }
}
