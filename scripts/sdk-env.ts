import type { SdkHandle } from '../cloudfunctions/_shared/src/sdk'

/**
 * Environment variables that point the real wx-server-sdk at a local emulator (see shared/notes/cloudbase-wire.md):
 * the endpoint, dummy credentials (the SDK refuses to sign without some), and the SCF runtime markers that stop it
 * probing a cloud metadata host on every call.
 */
export function sdkEnvFor(baseUrl: string, envId = 'local'): Record<string, string> {
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${baseUrl.replace(/\/$/, '')}/admin` }),
    TENCENTCLOUD_SECRETID: 'local-secret-id',
    TENCENTCLOUD_SECRETKEY: 'local-secret-key',
    TENCENTCLOUD_RUNENV: 'SCF',
    SCF_NAMESPACE: envId,
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TCB_ENV: envId,
  }
}

/** Points this process's wx-server-sdk at the emulator and returns an initialised `cloud`. */
export function localCloud(baseUrl: string): SdkHandle {
  Object.assign(process.env, sdkEnvFor(baseUrl))
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk')
  cloud.init({ env: 'local' })
  return cloud
}
