/**
 * The emulator's secret (kept under `--data`, so tokens and links survive restarts) and what it signs:
 * browser session tokens (an HMAC-signed openid) and expiring file links.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { promises as fsp } from 'node:fs'
import path from 'node:path'

export const OPENID_PATTERN = /^[A-Za-z0-9_-]{6,64}$/

export class Signer {
  private constructor(private readonly secret: Buffer) {}

  static async load(dataDir: string): Promise<Signer> {
    const file = path.join(dataDir, 'secret.key')
    try {
      return new Signer(Buffer.from((await fsp.readFile(file, 'utf8')).trim(), 'hex'))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      const secret = randomBytes(32)
      await fsp.writeFile(file, secret.toString('hex'), { mode: 0o600, flag: 'wx' })
      return new Signer(secret)
    }
  }

  sign(purpose: string, value: string): string {
    return createHmac('sha256', this.secret).update(`${purpose}\n${value}`).digest('base64url')
  }

  verify(purpose: string, value: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(purpose, value))
    const given = Buffer.from(signature)
    return expected.length === given.length && timingSafeEqual(expected, given)
  }

  /** A session token for `openid`: `v1.<openid>.<signature>`. */
  issueToken(openid: string): string {
    return `v1.${openid}.${this.sign('session', openid)}`
  }

  /** The openid a token was issued for, or null when it is malformed or forged. */
  openidOf(token: string): string | null {
    const [version, openid, signature] = token.split('.')
    if (version !== 'v1' || !openid || !signature || !OPENID_PATTERN.test(openid)) return null
    return this.verify('session', openid, signature) ? openid : null
  }
}
