/** The environment CloudBase gives a function, pointed at this emulator. */

/** The env id the emulator pretends to be (`SCF_NAMESPACE`, and the env part of fileIDs). */
export const ENV_ID = 'local-dev'

/** Variables that make a wx-server-sdk (in a function, a test process or a script) talk to the emulator at `adminUrl`. */
export function functionEnv(adminUrl: string): Record<string, string> {
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: adminUrl }),
    // The SDK signs every request and refuses to send without credentials; the emulator does not check them.
    TENCENTCLOUD_SECRETID: 'local-secret-id',
    TENCENTCLOUD_SECRETKEY: 'local-secret-key',
    // Without these the SDK probes a cloud metadata host before every request.
    TENCENTCLOUD_RUNENV: 'SCF',
    SCF_NAMESPACE: ENV_ID,
    TCB_ENV: ENV_ID,
    TENCENTCLOUD_REGION: 'ap-shanghai',
  }
}
