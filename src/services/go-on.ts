import Taro from '@tarojs/taro'

/** Where a form goes once its step has succeeded. */
export type Onward = { redirectTo: string } | { reLaunch: string } | { navigateTo: string } | 'back'

/**
 * Leaves a form whose step has succeeded, `afterMs` later when a success toast should be read first (ms).
 *
 * The form stays busy until the page has gone: a button released before then (during the toast's delay or the page
 * transition) can be tapped again and send the step a second time. `release` frees the form when the navigation fails
 * (the page stays and must work again) and, after `navigateTo`, once the page on top has opened: this page is still
 * underneath, and its buttons must work when the person comes back.
 */
export function goOn(onward: Onward, release: () => void, afterMs = 0): void {
  const go = () => {
    const leaving =
      onward === 'back'
        ? Taro.navigateBack()
        : 'redirectTo' in onward
          ? Taro.redirectTo({ url: onward.redirectTo })
          : 'reLaunch' in onward
            ? Taro.reLaunch({ url: onward.reLaunch })
            : Taro.navigateTo({ url: onward.navigateTo })
    const staysUnder = onward !== 'back' && 'navigateTo' in onward
    void Promise.resolve(leaving).then(() => {
      if (staysUnder) release()
    }, release)
  }
  if (afterMs > 0) setTimeout(go, afterMs)
  else go()
}
