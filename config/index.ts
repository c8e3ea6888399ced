import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import { WeappPolyfillsPlugin } from './weapp-polyfills'
import { H5BundleReportPlugin } from './h5-bundle-report'
import { H5EntryPreloadPlugin } from './h5-entry-preload'
import { TEMPLATE_KEYS } from '../contracts/src/templates'
import devConfig from './dev'
import prodConfig from './prod'

/** TDesign ships its own sizes (rpx on weapp, px for a 375 px viewport on h5): never rescale them. */
const isTdesignFile = (file: string | undefined): boolean =>
  typeof file === 'string' && /[\\/]node_modules[\\/]tdesign-(miniprogram|mobile-react)[\\/]/.test(file)

/** The app's own sizes are rescaled for each platform (px → rpx / rem), TDesign's never; no CSS modules. */
const pxtransform = { enable: true, config: { exclude: isTdesignFile } }
const cssModules = { enable: false, config: { namingPattern: 'module' as const, generateScopedName: '[name]__[local]___[hash:base64:5]' } }

const taroEnv = process.env.TARO_ENV ?? 'weapp'

/**
 * The syntax ceiling of the mini-program: ES2015. Older WeChat runtimes — iOS 10's JavaScriptCore and the Chrome 53
 * kernel (X5/XWeb) of older Android WeChat — run ES2015 and nothing newer (no async/await, `**`, object spread,
 * `?.`, `??`, `??=`), and project.config.json has `es6: false`, so DevTools transpiles nothing itself.
 * `npm run check:weapp` parses every output file at this level.
 * - app code (Babel): the `weapp` browserslist environment in package.json;
 * - everything else in the bundles (React, zod, dayjs … ship untranspiled): esbuild lowers it while minifying;
 * - built-ins newer than ES2016 that the code calls: core-js, loaded before anything else (weapp-polyfills.ts).
 * The h5 build keeps the package.json default targets.
 */
export const WEAPP_ES_TARGET = 'es2015'
if (taroEnv === 'weapp') process.env.BROWSERSLIST_ENV = 'weapp'

/** TypeScript outside src/ that the app bundles (zod schemas and display rules): Taro compiles only src/ by default. */
const compileOutsideSrc = [
  path.resolve(__dirname, '..', 'shared-rules', 'src'),
  path.resolve(__dirname, '..', 'contracts', 'src'),
  path.resolve(__dirname, '..', 'cloudfunctions', '_shared', 'src'),
]

// https://docs.taro.zone/docs/config
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'mutual-aid',
    date: '2026-11-22',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${taroEnv}`,
    plugins: [
      path.resolve(__dirname, 'plugins', 'weapp-project-config.ts'),
      path.resolve(__dirname, 'plugins', 'weapp-icon-font.ts'),
      path.resolve(__dirname, 'plugins', 'weapp-aria.ts'),
    ],
    // Mirrors tsconfig `paths`. tsconfig-paths alone cannot see Taro's platform files (cloud.h5.ts /
    // cloud.weapp.ts); an alias turns the request into a path Taro's multi-platform resolver handles.
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
      '@mutual-aid/shared-rules': path.resolve(__dirname, '..', 'shared-rules', 'src'),
      '@mutual-aid/contracts': path.resolve(__dirname, '..', 'contracts', 'src'),
      '@cloud-shared': path.resolve(__dirname, '..', 'cloudfunctions', '_shared', 'src'),
    },
    defineConstants: {
      // The WeChat cloud environment id; set TARO_APP_CLOUD_ENV in .env.* or the shell before a weapp build.
      'process.env.TARO_APP_CLOUD_ENV': JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
      // The mutual-aid office's phone shown on the claim pages (src/features/claims/contact-entry.*); empty = none.
      'process.env.TARO_APP_OFFICE_PHONE': JSON.stringify(process.env.TARO_APP_OFFICE_PHONE ?? ''),
      // Subscribe-message template ids (src/features/notifications/subscribe.weapp.ts); empty = not configured.
      ...Object.fromEntries(
        TEMPLATE_KEYS.map((k) => k.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()).map((key) => [
          `process.env.TARO_APP_TEMPLATE_${key}`,
          JSON.stringify(process.env[`TARO_APP_TEMPLATE_${key}`] ?? ''),
        ]),
      ),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // weapp: esbuild minifies and lowers every bundle to ES2015 (see WEAPP_ES_TARGET); h5 keeps Taro's terser.
    ...(taroEnv === 'weapp'
      ? { jsMinimizer: 'esbuild' as const, esbuild: { minify: { enable: true, config: { target: WEAPP_ES_TARGET } } } }
      : {}),
    cache: { enable: false },
    mini: {
      compile: { include: compileOutsideSrc },
      postcss: {
        pxtransform,
        cssModules,
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        chain.plugin('weapp-polyfills').use(WeappPolyfillsPlugin, [WEAPP_ES_TARGET])
      },
    },
    h5: {
      compile: { include: compileOutsideSrc },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'browser' },
      // Named by content: a file keeps its name (and the browser's cached copy, served `immutable` by the local
      // server) until its own bytes change, not at every build.
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        pxtransform,
        cssModules,
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        chain.plugin('h5-entry-preload').use(H5EntryPreloadPlugin)
        if (process.env.H5_BUNDLE_REPORT) chain.plugin('h5-bundle-report').use(H5BundleReportPlugin)
        // Taro splits only initial chunks on h5, so every lazily loaded page would carry its own copy of the
        // UI kit and TDesign. Share modules used by two or more pages in common async chunks instead.
        chain.optimization.merge({
          splitChunks: {
            cacheGroups: {
              pagesShared: { chunks: 'async', minChunks: 2, minSize: 10_000, priority: 5, reuseExistingChunk: true },
            },
          },
        })
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
