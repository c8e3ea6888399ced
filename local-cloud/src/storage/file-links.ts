/**
 * Signed, expiring links to stored files (temp URLs) and to the upload endpoint the SDK PUTs to.
 * Paths are left unencoded in temp URLs, as COS does: the SDK `encodeURI`s them before fetching.
 */
import type { Signer } from '../signing'

export class FileLinks {
  constructor(
    private readonly signer: Signer,
    private readonly baseUrl: () => string,
  ) {}

  tempUrl(cloudPath: string, maxAgeSeconds: number): string {
    const expires = Math.floor(Date.now() / 1000) + maxAgeSeconds
    const sign = this.signer.sign('file', `${cloudPath}\n${expires}`)
    return `${this.baseUrl()}/local/files/${cloudPath}?expires=${expires}&sign=${sign}`
  }

  /** True when `sign` was issued for this path and has not expired. */
  checkTempUrl(cloudPath: string, expires: string | null, sign: string | null): boolean {
    if (!expires || !sign || !/^\d+$/.test(expires)) return false
    if (Number(expires) < Date.now() / 1000) return false
    return this.signer.verify('file', `${cloudPath}\n${expires}`, sign)
  }

  /** Where the SDK uploads a file body (valid 10 minutes), recording who asked for it. */
  uploadUrl(cloudPath: string, uploaderOpenid: string): string {
    const expires = Math.floor(Date.now() / 1000) + 600
    const sign = this.signer.sign('upload', `${cloudPath}\n${expires}\n${uploaderOpenid}`)
    const encodedPath = cloudPath.split('/').map(encodeURIComponent).join('/')
    return `${this.baseUrl()}/local/cos/${encodedPath}?expires=${expires}&uploader=${encodeURIComponent(uploaderOpenid)}&sign=${sign}`
  }

  checkUploadUrl(cloudPath: string, expires: string | null, uploader: string, sign: string | null): boolean {
    if (!expires || !sign || !/^\d+$/.test(expires)) return false
    if (Number(expires) < Date.now() / 1000) return false
    return this.signer.verify('upload', `${cloudPath}\n${expires}\n${uploader}`, sign)
  }
}
