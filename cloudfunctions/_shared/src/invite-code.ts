import { createHash } from 'node:crypto'

/**
 * Only the hash of a clerk invitation code is stored: a leaked `invites` collection gives no usable codes. `units`
 * creates codes, `auth` accepts them.
 */
export const hashInviteCode = (code: string): string => createHash('sha256').update(`mutual-aid-invite:${code.trim()}`).digest('hex')
