/** True when the user has set the system (WeChat / browser) font size larger than standard. */
export type SystemFontIsLarge = () => boolean
