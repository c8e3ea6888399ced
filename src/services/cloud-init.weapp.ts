import Taro from '@tarojs/taro'
import type { InitCloud } from './cloud-init.types'

/** Injected at build time from TARO_APP_CLOUD_ENV (see config/index.ts). */
const CLOUD_ENV: string = process.env.TARO_APP_CLOUD_ENV ?? ''

export const initCloud: InitCloud = () => {
  Taro.cloud.init({ env: CLOUD_ENV || undefined, traceUser: true })
}
