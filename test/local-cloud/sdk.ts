/**
 * The real wx-server-sdk, in this test process, pointed at an emulator. The SDK reads its endpoint and
 * credentials from process.env at call time, so the env is set before it is loaded.
 */
import type { Emulator } from '../helpers/emulator'

export function connectSdk(emu: Emulator): any {
  Object.assign(process.env, emu.sdkEnv())
  process.env.SILENCE = 'true'
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const cloud = require('wx-server-sdk')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV, throwOnNotFound: false })
  return cloud
}
