/**
 * Cloud client for the H5 build, which runs against the local CloudBase emulator on the same origin:
 * `POST /fn/<name>` calls a function, `POST /local/session` signs in a demo identity, `POST /local/upload`
 * stores a file. The bearer token from sign-in tells the emulator which OPENID the function sees.
 */
import { z } from 'zod'
import {
  CloudError,
  NETWORK_FAILURE,
  toEnvelope,
  type CloudClient,
  type Envelope,
  type UploadFileOptions,
} from './cloud.types'
import { initCloud } from './cloud-init'
import { localOpenid, readLocalSession as readSession, writeLocalSession as writeSession } from './local-session'

const UNAUTHENTICATED = {
  ok: false as const,
  code: 'UNAUTHENTICATED',
  message: '登录已失效，请重新选择身份登录',
}

function authHeaders(): Record<string, string> {
  const session = readSession()
  return session ? { Authorization: `Bearer ${session.token}` } : {}
}

async function call<T>(name: string, event: Record<string, unknown>): Promise<Envelope<T>> {
  let response: Response
  try {
    response = await fetch(`/fn/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...authHeaders() },
      body: JSON.stringify(event),
    })
  } catch {
    return NETWORK_FAILURE
  }
  let body: unknown
  try {
    body = await response.json()
  } catch {
    body = undefined
  }
  if (response.status === 401) return UNAUTHENTICATED
  if (!response.ok && body === undefined) {
    return { ok: false, code: 'SERVER', message: '服务暂时不可用，请稍后重试' }
  }
  return toEnvelope<T>(body)
}

const tokenSchema = z.object({ token: z.string().min(1) })

async function signIn(openid: string): Promise<Envelope<{ openid: string }>> {
  let response: Response
  try {
    response = await fetch('/local/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ openid }),
    })
  } catch {
    return NETWORK_FAILURE
  }
  const parsed = tokenSchema.safeParse(await response.json().catch(() => undefined))
  if (!response.ok || !parsed.success) {
    return { ok: false, code: 'SIGN_IN_FAILED', message: '登录失败，请换一个身份或稍后重试' }
  }
  writeSession({ openid, token: parsed.data.token })
  return { ok: true, data: { openid } }
}

function signOut(): void {
  writeSession(null)
}

const currentOpenid = localOpenid

/** The local session's bearer token (h5 only: the subscribe stand-in posts to the emulator with it). */
export function currentSessionToken(): string | null {
  return readSession()?.token ?? null
}

/** `Taro.chooseImage` on H5 hands back `blob:` URLs; the bytes are fetched back into a Blob to post them. */
async function readLocalFile(filePath: string): Promise<Blob> {
  try {
    const response = await fetch(filePath)
    if (!response.ok) throw new Error(String(response.status))
    return await response.blob()
  } catch {
    throw new CloudError('FILE_UNREADABLE', '无法读取所选文件，请重新选择')
  }
}

const uploadAnswerSchema = z.object({ fileID: z.string().min(1) })

async function uploadFile({ cloudPath, filePath, onProgress }: UploadFileOptions): Promise<{ fileID: string }> {
  const blob = await readLocalFile(filePath)
  const form = new FormData()
  form.append('cloudPath', cloudPath)
  form.append('file', blob, cloudPath.split('/').pop() ?? 'file')

  // XHR rather than fetch: fetch has no upload progress events.
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', '/local/upload')
    const headers = authHeaders()
    for (const [key, value] of Object.entries(headers)) xhr.setRequestHeader(key, value)
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100))
    }
    xhr.onerror = () => reject(new CloudError('NETWORK', '上传失败：网络不稳定，请稍后重试'))
    xhr.onload = () => {
      if (xhr.status === 401) {
        reject(new CloudError(UNAUTHENTICATED.code, UNAUTHENTICATED.message))
        return
      }
      let answer: unknown
      try {
        answer = JSON.parse(xhr.responseText)
      } catch {
        answer = undefined
      }
      const parsed = uploadAnswerSchema.safeParse(answer)
      if (xhr.status >= 200 && xhr.status < 300 && parsed.success) {
        onProgress?.(100)
        resolve({ fileID: parsed.data.fileID })
      } else {
        // The emulator explains refusals (file too large, unsupported type) in an envelope-shaped body.
        const refusal = toEnvelope<unknown>(answer)
        reject(refusal.ok || refusal.code === 'BAD_RESPONSE'
          ? new CloudError('UPLOAD_FAILED', '上传失败，请检查文件后重试')
          : new CloudError(refusal.code, refusal.message))
      }
    }
    xhr.send(form)
  })
}

const client: CloudClient = {
  initCloud,
  call,
  uploadFile,
  supportsLocalSignIn: true,
  signIn,
  signOut,
  currentOpenid,
}

export const { supportsLocalSignIn } = client
export { initCloud, call, uploadFile, signIn, signOut, currentOpenid }
export * from './cloud.types'
