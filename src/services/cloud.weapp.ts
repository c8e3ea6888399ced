/**
 * Cloud client for the WeChat mini-program: the real `wx.cloud` (through Taro.cloud). The OPENID is
 * attached by WeChat itself, so there is no sign-in here.
 */
import Taro from '@tarojs/taro'
import {
  CloudError,
  NETWORK_FAILURE,
  toEnvelope,
  type CloudClient,
  type Envelope,
  type UploadFileOptions,
} from './cloud.types'
import { initCloud } from './cloud-init'

async function call<T>(name: string, event: Record<string, unknown>): Promise<Envelope<T>> {
  try {
    const answer = await Taro.cloud.callFunction({ name, data: event })
    return toEnvelope<T>((answer as { result?: unknown }).result)
  } catch {
    return NETWORK_FAILURE
  }
}

interface WxUploadTask {
  onProgressUpdate(listener: (res: { progress: number }) => void): void
}

function uploadFile({ cloudPath, filePath, onProgress }: UploadFileOptions): Promise<{ fileID: string }> {
  return new Promise((resolve, reject) => {
    // With success/fail callbacks wx.cloud.uploadFile returns the UploadTask, which reports progress.
    const task = Taro.cloud.uploadFile({
      cloudPath,
      filePath,
      success: (res: { fileID: string }) => {
        onProgress?.(100)
        resolve({ fileID: res.fileID })
      },
      fail: () => reject(new CloudError('UPLOAD_FAILED', '上传失败：网络不稳定，请稍后重试')),
    } as Parameters<typeof Taro.cloud.uploadFile>[0]) as unknown as WxUploadTask | undefined
    if (task && onProgress) task.onProgressUpdate((res) => onProgress(res.progress))
  })
}

async function signIn(): Promise<Envelope<{ openid: string }>> {
  return { ok: false, code: 'NOT_SUPPORTED', message: '小程序使用微信身份登录，无需选择身份' }
}

const client: CloudClient = {
  initCloud,
  call,
  uploadFile,
  supportsLocalSignIn: false,
  signIn,
  signOut: () => undefined,
  currentOpenid: () => null,
}

export const { supportsLocalSignIn, signOut, currentOpenid } = client
export { initCloud, call, uploadFile, signIn }
export * from './cloud.types'
