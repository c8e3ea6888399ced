import { createCipheriv, createDecipheriv, createHmac, randomBytes, createHash } from 'node:crypto'
import type { FunctionConfig } from './config'

/**
 * Resident ID numbers are sensitive personal information (PIPL). They are stored twice, never in clear:
 * a keyed hash (HMAC-SHA256) to match people across units and periods, and an AES-256-GCM ciphertext that only
 * the office and the person themself may have decrypted for display.
 *
 * The keys are the function's configuration (`ctx.config.secrets`, from `ID_HASH_KEY` / `ID_ENC_KEY`), checked once
 * by `createMain`: outside the local emulator a missing or development key stops the function instead of being
 * replaced by a default.
 */
type Secrets = FunctionConfig['secrets']

// Keys derived once per secret: an import hashes 20,000 ID numbers in one call.
const derived = new Map<string, Buffer>()
function derive(secret: string): Buffer {
  let key = derived.get(secret)
  if (!key) {
    key = createHash('sha256').update(secret).digest()
    derived.set(secret, key)
  }
  return key
}

/** Normalises an ID number (trim, upper-case X) before hashing or encrypting. */
export const normaliseId = (id: string): string => id.trim().toUpperCase()

/** Keyed hash of an ID number, hex. Same input, same hash, so it can be matched and indexed. */
export function hashId(secrets: Secrets, id: string): string {
  return createHmac('sha256', derive(secrets.idHash)).update(normaliseId(id)).digest('hex')
}

/** AES-256-GCM ciphertext of an ID number: base64 of iv(12) | tag(16) | ciphertext. */
export function encryptId(secrets: Secrets, id: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', derive(secrets.idEnc), iv)
  const body = Buffer.concat([cipher.update(normaliseId(id), 'utf8'), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')
}

/** Decrypts what `encryptId` produced. Call only for the office or the person themself. */
export function decryptId(secrets: Secrets, blob: string): string {
  const raw = Buffer.from(blob, 'base64')
  const decipher = createDecipheriv('aes-256-gcm', derive(secrets.idEnc), raw.subarray(0, 12))
  decipher.setAuthTag(raw.subarray(12, 28))
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
}
