/**
 * Imported by the app entry before anything renders (config/plugins/weapp-aria.ts adds it to Taro's runtime paths):
 * the runtime's table of component attributes gets the same aria attributes the build added to the templates, so both
 * number the attributes' aliases alike (see a11y-attributes.ts).
 */
import { mergeInternalComponents } from '@tarojs/shared'
import { WEAPP_ARIA_ATTRIBUTES } from './a11y-attributes'

mergeInternalComponents(WEAPP_ARIA_ATTRIBUTES)
