/**
 * Whom a worker or family can ask about a claim: the mutual-aid office's phone, injected at build time from
 * TARO_APP_OFFICE_PHONE (config/index.ts) — configuration, not code. Empty when not configured.
 */
export const OFFICE_PHONE: string = process.env.TARO_APP_OFFICE_PHONE ?? ''
