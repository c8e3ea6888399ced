/**
 * A wx-server-sdk handle: `cloud`, a database, a transaction, a query's answer. The SDK's own typings answer
 * `Promise<…> | void | string` unions that no call site can use as they are, so handles are held untyped — named
 * here, in one place, rather than as scattered `any`. Documents read through them are typed by the callers.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SdkHandle = any
