import { createCipheriv, createDecipheriv, createHmac, randomBytes, createHash } from 'node:crypto'

/**
 * Resident ID numbers are sensitive personal information (PIPL). They are stored twice, never in clear:
 * a keyed hash (HMAC-SHA256) to match people across units and periods, and an AES-256-GCM ciphertext that only
 * the office and the person themself may have decrypted for display.
 *
 * Keys come from the function's environment (`ID_HASH_KEY`, `ID_ENC_KEY`). The local emulator uses fixed
 * development keys; `npm run deploy` refuses to deploy without real ones.
 */
const DEV_KEY = 'mutual-aid-local-development-key-not-for-production'

function key(name: 'ID_HASH_KEY' | 'ID_ENC_KEY'): Buffer {
  const raw = process.env[name] || `${DEV_KEY}:${name}`
  return createHash('sha256').update(raw).digest()
}

/** Normalises an ID number (trim, upper-case X) before hashing or encrypting. */
export const normaliseId = (id: string): string => id.trim().toUpperCase()

/** Keyed hash of an ID number, hex. Same input, same hash, so it can be matched and indexed. */
export function hashId(id: string): string {
  return createHmac('sha256', key('ID_HASH_KEY')).update(normaliseId(id)).digest('hex')
}

/** AES-256-GCM ciphertext of an ID number: base64 of iv(12) | tag(16) | ciphertext. */
export function encryptId(id: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key('ID_ENC_KEY'), iv)
  const body = Buffer.concat([cipher.update(normaliseId(id), 'utf8'), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')
}

/** Decrypts what `encryptId` produced. Call only for the office or the person themself. */
export function decryptId(blob: string): string {
  const raw = Buffer.from(blob, 'base64')
  const decipher = createDecipheriv('aes-256-gcm', key('ID_ENC_KEY'), raw.subarray(0, 12))
  decipher.setAuthTag(raw.subarray(12, 28))
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
}
