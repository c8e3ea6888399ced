/**
 * Built-ins newer than the oldest WeChat runtimes this build targets (iOS 10's JavaScriptCore, the Chrome 53 kernel
 * of older Android WeChat — config/index.ts). The build lowers syntax to ES2015, but a missing built-in is only found
 * when it is called: zod, for one, calls Object.entries/fromEntries while its schemas are defined, so without these the
 * app stops at launch. The weapp host (test/weapp) removes these built-ins before it runs the app.
 * Bundled on its own into dist/weapp/polyfills.js, which app.js requires before anything else
 * (config/weapp-polyfills.ts); core-js adds each only where the runtime lacks it.
 */
import 'core-js/es/object/values'
import 'core-js/es/object/entries'
import 'core-js/es/object/get-own-property-descriptors'
import 'core-js/es/object/from-entries'
import 'core-js/es/object/has-own'
import 'core-js/es/string/pad-start'
import 'core-js/es/string/pad-end'
import 'core-js/es/string/trim-start'
import 'core-js/es/string/trim-end'
import 'core-js/es/string/match-all'
import 'core-js/es/string/replace-all'
import 'core-js/es/string/at'
import 'core-js/es/array/flat'
import 'core-js/es/array/flat-map'
import 'core-js/es/array/at'
import 'core-js/es/array/find-last'
import 'core-js/es/array/find-last-index'
import 'core-js/es/promise/finally'
import 'core-js/es/promise/all-settled'
import 'core-js/es/promise/any'
