/** Browsers have no WeChat privacy agreement: the H5 build renders nothing (same export as the weapp file). */
export function PrivacyPopup() {
  return null
}
