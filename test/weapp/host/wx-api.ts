/**
 * The `wx` object of the weapp host: the APIs this mini-program and Taro's runtime call, each doing what the phone
 * would and refusing what WeChat refuses. Taro builds `Taro.*` from `Object.keys(wx)`, so an API missing here fails
 * in the app exactly like an API missing on an old phone would.
 *
 * Rules enforced here (WeChat's documentation, see shared/notes/wechat-cloudbase-rules.md):
 * - privacy APIs (chooseMedia, chooseImage, chooseMessageFile, setClipboardData, getClipboardData) wait for the
 *   user's agreement through the app's own `wx.onNeedPrivacyAuthorization` popup; the agreement counts only after a
 *   tap on a button with `open-type="agreePrivacyAuthorization"`, named by its id in `resolve({ buttonId })`;
 * - `requestSubscribeMessage` only inside a tap handler, 1–3 template ids;
 * - `showModal` confirm/cancel texts at most 4 characters, `showActionSheet` at most 6 items;
 * - navigation only to pages in app.json, at most 10 pages on the stack;
 * - `chooseImage` is deprecated (base library 2.21.0): using it is reported.
 * Network APIs talk to the local emulator as the phone's WeChat user (its OPENID).
 */
import { createSelectorQuery, offscreenCanvas, type CanvasNodeStub } from './canvas'
import { request as httpRequest } from 'node:http'
import { randomBytes } from 'node:crypto'
import { compressToJpeg, decodeImage, type TempFiles } from './media'

export interface WxCallOptions {
  success?: (res: unknown) => void
  fail?: (res: unknown) => void
  complete?: (res: unknown) => void
  [key: string]: unknown
}

export interface PrivacyState {
  agreed: boolean
  /** The id of the agree button the user tapped (WeChat checks `resolve({ buttonId })` against it). */
  agreedByButton: string | null
  listener: ((resolve: (answer: { event: string; buttonId?: string }) => void, info: { referrer: string }) => void) | null
}

export interface SubscribeRequest {
  page: string
  tmplIds: string[]
  inTap: boolean
}

export interface Toast {
  page: string
  title: string
  icon: string
}

export interface ModalRecord {
  page: string
  title: string
  content: string
  answer: boolean
}

/** What wx needs from the host. */
export interface WxHost {
  emulatorUrl: string
  openid: string
  files: TempFiles
  privacy: PrivacyState
  /** Pictures the user would pick next in the album or take with the camera (consumed by chooseMedia). */
  album: Array<{ bytes: Buffer; ext: string }>
  /** Spreadsheets the user would pick from a chat (consumed by chooseMessageFile). */
  chatFiles: Array<{ bytes: Buffer; name: string }>
  subscribeRequests: SubscribeRequest[]
  toasts: Toast[]
  modals: ModalRecord[]
  /** Answers for the next showModal calls (true = confirm); when empty, the user confirms. */
  modalAnswers: boolean[]
  /** Answers for the next showActionSheet calls (item index); when empty, the user cancels. */
  actionSheetAnswers: number[]
  clipboard: string | null
  openedDocuments: string[]
  previews: string[][]
  uploads: Array<{ cloudPath: string; fileID: string; bytes: number; progress: number[] }>
  storage: Map<string, unknown>
  /** Whether a tap handler is running right now. */
  inTap(): boolean
  currentRoute(): string
  /** Marks async work the host must wait for before the page is "settled". */
  track<T>(work: Promise<T>): Promise<T>
  /** The opposite, inside tracked work: waiting for the user (a popup's answer) is not work in flight. */
  waitForUser<T>(wait: Promise<T>): Promise<T>
  navigate(kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'navigateBack', url: string | null, delta: number): Promise<void>
  report(kind: string, message: string): void
  warn(message: string): void
  /** A copy of `bytes` as an ArrayBuffer of the app's realm. */
  arrayBuffer(bytes: Buffer): ArrayBuffer
  tokenFor(openid: string): Promise<string>
  /** The `<canvas>` with this id on the current page (for createSelectorQuery), or null. */
  findCanvas(id: string): { attrs: Record<string, unknown> } | null
  /** Canvas nodes handed out by createSelectorQuery, by id, with what was drawn on them. */
  canvases: Map<string, CanvasNodeStub>
}

const PRIVACY_APIS = new Set(['chooseMedia', 'chooseImage', 'chooseMessageFile', 'setClipboardData', 'getClipboardData'])

class WxFail extends Error {
  constructor(readonly errMsg: string, readonly extra: Record<string, unknown> = {}) {
    super(errMsg)
  }
}

function ext(path: string): string {
  return path.includes('.') ? path.slice(path.lastIndexOf('.') + 1).toLowerCase() : ''
}

/** Counts characters the way WeChat limits modal button texts (a Chinese character or a letter counts one). */
function chars(text: string): number {
  return [...text].length
}

export function createWx(host: WxHost): Record<string, unknown> {
  /**
   * The callback protocol of every asynchronous wx API: success/fail/complete later, never synchronously, and a
   * Promise when no callback is given. An exception in the app's callback is the app's error.
   */
  function asyncApi(name: string, options: WxCallOptions | undefined, run: () => Promise<Record<string, unknown>>): Promise<unknown> | undefined {
    const opts = options ?? {}
    const hasCallbacks = typeof opts.success === 'function' || typeof opts.fail === 'function' || typeof opts.complete === 'function'
    const callback = (fn: ((res: unknown) => void) | undefined, res: unknown) => {
      if (typeof fn !== 'function') return
      try {
        fn(res)
      } catch (err) {
        host.report('script', `${name} 回调出错：${err instanceof Error ? err.stack ?? err.message : String(err)}`)
      }
    }
    const work = host.track(
      (async () => {
        await new Promise((r) => setImmediate(r))
        try {
          const res = { errMsg: `${name}:ok`, ...(await run()) }
          callback(opts.success, res)
          callback(opts.complete, res)
          return { ok: true as const, res }
        } catch (err) {
          const res = err instanceof WxFail ? { errMsg: err.errMsg, ...err.extra } : { errMsg: `${name}:fail ${err instanceof Error ? err.message : String(err)}` }
          callback(opts.fail, res)
          callback(opts.complete, res)
          return { ok: false as const, res }
        }
      })(),
    )
    if (hasCallbacks) return undefined
    return work.then((r) => (r.ok ? r.res : Promise.reject(r.res)))
  }

  /** Privacy APIs wait for the app's popup and the user's agreement. */
  async function privacyGate(api: string): Promise<void> {
    if (!PRIVACY_APIS.has(api) || host.privacy.agreed) return
    const listener = host.privacy.listener
    if (!listener) {
      host.report('privacy', `${api} 在用户同意隐私保护指引之前被调用，而小程序没有用 wx.onNeedPrivacyAuthorization 弹出隐私授权`)
      throw new WxFail(`${api}:fail api scope is not declared in the privacy agreement`, { errno: 112 })
    }
    const answer = await host.waitForUser(new Promise<{ event: string; buttonId?: string }>((resolve) => {
      // `exposureAuthorization` only tells WeChat the popup is showing; the answer is agree or disagree.
      const onAnswer = (a: { event: string; buttonId?: string }) => {
        if (a?.event !== 'exposureAuthorization') resolve(a)
      }
      try {
        listener(onAnswer, { referrer: api })
      } catch (err) {
        host.report('script', `onNeedPrivacyAuthorization 监听函数出错：${err instanceof Error ? err.message : String(err)}`)
        resolve({ event: 'disagree' })
      }
    }))
    if (answer.event === 'agree') {
      if (!host.privacy.agreed || !answer.buttonId || answer.buttonId !== host.privacy.agreedByButton) {
        host.report('privacy', `resolve({ event: 'agree' }) 需要用户先点击 open-type="agreePrivacyAuthorization" 的按钮，并带上该按钮的 id（buttonId=${answer.buttonId ?? '无'}）`)
        throw new WxFail(`${api}:fail privacy permission is not authorized`, { errno: 104 })
      }
      return
    }
    throw new WxFail(`${api}:fail privacy permission is not authorized`, { errno: 104 })
  }

  async function authorizedFetch(path: string, init: { method: string; body?: string }): Promise<{ status: number; json: unknown }> {
    const token = await host.tokenFor(host.openid)
    const res = await fetch(`${host.emulatorUrl}${path}`, {
      method: init.method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: init.body,
    })
    const text = await res.text()
    let json: unknown = null
    try {
      json = JSON.parse(text)
    } catch {
      json = text
    }
    return { status: res.status, json }
  }

  /** wx.cloud.uploadFile: a multipart POST to the emulator as this user, written in chunks so progress is real. */
  function upload(cloudPath: string, bytes: Buffer, onProgress: (p: { progress: number; totalBytesSent: number; totalBytesExpectedToSend: number }) => void): Promise<string> {
    return host.tokenFor(host.openid).then(
      (token) =>
        new Promise<string>((resolve, reject) => {
          const boundary = `----weapphost${randomBytes(8).toString('hex')}`
          const head = Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="cloudPath"\r\n\r\n${cloudPath}\r\n` +
              `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${cloudPath.split('/').pop()}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
          )
          const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
          const body = Buffer.concat([head, bytes, tail])
          const url = new URL('/local/upload', host.emulatorUrl)
          const req = httpRequest(url, {
            method: 'POST',
            headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length, authorization: `Bearer ${token}` },
          })
          req.on('response', (res) => {
            const chunks: Buffer[] = []
            res.on('data', (c: Buffer) => chunks.push(c))
            res.on('end', () => {
              const text = Buffer.concat(chunks).toString('utf8')
              let answer: { fileID?: string; message?: string } = {}
              try {
                answer = JSON.parse(text)
              } catch {
                // not JSON
              }
              if (res.statusCode === 200 && answer.fileID) resolve(answer.fileID)
              else reject(new WxFail(`cloud.uploadFile:fail ${answer.message ?? text}`, { errCode: -1 }))
            })
          })
          req.on('error', (err) => reject(new WxFail(`cloud.uploadFile:fail ${err.message}`)))
          const CHUNK = 16 * 1024
          let sent = 0
          const writeNext = () => {
            if (sent >= body.length) {
              req.end()
              return
            }
            const piece = body.subarray(sent, sent + CHUNK)
            req.write(piece, () => {
              sent += piece.length
              const fileSent = Math.max(0, Math.min(bytes.length, sent - head.length))
              onProgress({ progress: Math.round((fileSent / bytes.length) * 100), totalBytesSent: fileSent, totalBytesExpectedToSend: bytes.length })
              writeNext()
            })
          }
          writeNext()
        }),
    )
  }

  const windowInfo = {
    pixelRatio: 3,
    screenWidth: 390,
    screenHeight: 844,
    windowWidth: 390,
    windowHeight: 753,
    statusBarHeight: 47,
    safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 },
    screenTop: 91,
  }
  const deviceInfo = { brand: 'iPhone', model: 'iPhone 12', system: 'iOS 16.6', platform: 'ios', benchmarkLevel: 1 }
  const baseInfo = { SDKVersion: '3.7.12', enableDebug: false, host: { appId: '' }, language: 'zh_CN', version: '8.0.50', theme: 'light', fontSizeSetting: 16 }

  const cloud = {
    init(_options?: unknown) {
      // The environment id is the build's TARO_APP_CLOUD_ENV; the emulator serves one environment.
    },
    callFunction(options: WxCallOptions) {
      return asyncApi('cloud.callFunction', options, async () => {
        const name = String(options.name ?? '')
        if (!/^[A-Za-z0-9_-]{1,60}$/.test(name)) throw new WxFail('cloud.callFunction:fail invalid function name', { errCode: -1 })
        const body = JSON.stringify(options.data ?? {})
        // WeChat refuses a call whose data is over 5 MB (CloudBase: request and response ≤ 6 MB).
        if (Buffer.byteLength(body) > 5 * 1024 * 1024) throw new WxFail('cloud.callFunction:fail data exceed max size', { errCode: -1 })
        const res = await authorizedFetch(`/fn/${name}`, { method: 'POST', body })
        if (res.status !== 200) throw new WxFail(`cloud.callFunction:fail ${res.status} ${JSON.stringify(res.json)}`, { errCode: -404011 })
        return { result: res.json, requestID: randomBytes(8).toString('hex') }
      })
    },
    uploadFile(options: WxCallOptions) {
      const listeners: Array<(p: unknown) => void> = []
      const task = {
        onProgressUpdate: (fn: (p: unknown) => void) => listeners.push(fn),
        offProgressUpdate: () => listeners.splice(0),
        abort: () => undefined,
      }
      const promise = asyncApi('cloud.uploadFile', options, async () => {
        const cloudPath = String(options.cloudPath ?? '')
        const file = host.files.get(String(options.filePath ?? ''))
        if (!file) throw new WxFail('cloud.uploadFile:fail file not found', { errCode: -1 })
        const progress: number[] = []
        const fileID = await upload(cloudPath, file.bytes, (p) => {
          progress.push(p.progress)
          for (const fn of listeners) {
            try {
              fn(p)
            } catch (err) {
              host.report('script', `onProgressUpdate 回调出错：${err instanceof Error ? err.message : String(err)}`)
            }
          }
        })
        host.uploads.push({ cloudPath, fileID, bytes: file.bytes.length, progress })
        return { fileID, statusCode: 200 }
      })
      return promise ?? task
    },
  }

  const wx: Record<string, unknown> = {
    cloud,
    // ── base ─────────────────────────────────────────────────────────────────────────────────────────────────
    getSystemInfoSync: () => ({ ...windowInfo, ...deviceInfo, ...baseInfo }),
    getSystemInfo: (o: WxCallOptions) => asyncApi('getSystemInfo', o, async () => ({ ...windowInfo, ...deviceInfo, ...baseInfo })),
    getWindowInfo: () => ({ ...windowInfo }),
    getDeviceInfo: () => ({ ...deviceInfo }),
    getAppBaseInfo: () => ({ ...baseInfo }),
    getSystemSetting: () => ({ bluetoothEnabled: false, locationEnabled: false, wifiEnabled: true, deviceOrientation: 'portrait' }),
    getAppAuthorizeSetting: () => ({ albumAuthorized: 'authorized', cameraAuthorized: 'authorized' }),
    getAccountInfoSync: () => ({ miniProgram: { appId: 'wx-weapp-host', envVersion: 'develop', version: '' } }),
    getLaunchOptionsSync: () => ({ path: host.currentRoute(), query: {}, scene: 1001, referrerInfo: {} }),
    getEnterOptionsSync: () => ({ path: host.currentRoute(), query: {}, scene: 1001, referrerInfo: {} }),
    getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 51, right: 380, bottom: 83, left: 293 }),
    canIUse: () => true,
    nextTick: (fn: () => void) => void host.track(Promise.resolve().then(fn)),
    createSelectorQuery: () =>
      createSelectorQuery({ findCanvas: (id) => host.findCanvas(id), windowWidth: windowInfo.windowWidth, canvases: host.canvases, track: (w) => void host.track(w), report: (m) => host.report('error', m) }),
    createOffscreenCanvas: (o?: { type?: string; width?: number; height?: number }) => offscreenCanvas(o, (m) => host.report('error', m)),
    onError: () => undefined,
    onUnhandledRejection: () => undefined,
    onAppShow: () => undefined,
    offAppShow: () => undefined,
    onAppHide: () => undefined,
    offAppHide: () => undefined,
    onPageNotFound: () => undefined,
    onThemeChange: () => undefined,
    offThemeChange: () => undefined,
    onMemoryWarning: () => undefined,
    onNetworkStatusChange: () => undefined,
    getNetworkType: (o: WxCallOptions) => asyncApi('getNetworkType', o, async () => ({ networkType: 'wifi' })),
    reportAnalytics: () => undefined,
    getUpdateManager: () => ({ onCheckForUpdate: () => undefined, onUpdateReady: () => undefined, onUpdateFailed: () => undefined, applyUpdate: () => undefined }),

    // ── storage (per phone) ──────────────────────────────────────────────────────────────────────────────────
    getStorageSync: (key: string) => (host.storage.has(key) ? structuredClone(host.storage.get(key)) : ''),
    setStorageSync: (key: string, value: unknown) => {
      // WeChat: one key holds at most 1 MB.
      if (JSON.stringify(value ?? null).length > 1024 * 1024) throw new Error('setStorageSync:fail exceed max size 1MB')
      host.storage.set(key, structuredClone(value))
    },
    removeStorageSync: (key: string) => void host.storage.delete(key),
    getStorage: (o: WxCallOptions) =>
      asyncApi('getStorage', o, async () => {
        const key = String(o.key)
        if (!host.storage.has(key)) throw new WxFail('getStorage:fail data not found')
        return { data: structuredClone(host.storage.get(key)) }
      }),
    setStorage: (o: WxCallOptions) => asyncApi('setStorage', o, async () => (host.storage.set(String(o.key), structuredClone(o.data)), {})),
    removeStorage: (o: WxCallOptions) => asyncApi('removeStorage', o, async () => (host.storage.delete(String(o.key)), {})),

    // ── navigation ───────────────────────────────────────────────────────────────────────────────────────────
    navigateTo: (o: WxCallOptions) => asyncApi('navigateTo', o, async () => (await host.navigate('navigateTo', String(o.url ?? ''), 0), {})),
    redirectTo: (o: WxCallOptions) => asyncApi('redirectTo', o, async () => (await host.navigate('redirectTo', String(o.url ?? ''), 0), {})),
    reLaunch: (o: WxCallOptions) => asyncApi('reLaunch', o, async () => (await host.navigate('reLaunch', String(o.url ?? ''), 0), {})),
    navigateBack: (o: WxCallOptions) => asyncApi('navigateBack', o, async () => (await host.navigate('navigateBack', null, Number(o?.delta ?? 1)), {})),
    switchTab: (o: WxCallOptions) => asyncApi('switchTab', o, async () => {
      throw new WxFail('switchTab:fail can not switch to no-tabBar page')
    }),
    setNavigationBarTitle: (o: WxCallOptions) => asyncApi('setNavigationBarTitle', o, async () => ({})),
    stopPullDownRefresh: (o?: WxCallOptions) => asyncApi('stopPullDownRefresh', o, async () => ({})),
    startPullDownRefresh: (o?: WxCallOptions) => asyncApi('startPullDownRefresh', o, async () => ({})),
    pageScrollTo: (o: WxCallOptions) => asyncApi('pageScrollTo', o, async () => ({})),

    // ── interface ────────────────────────────────────────────────────────────────────────────────────────────
    showModal: (o: WxCallOptions) =>
      asyncApi('showModal', o, async () => {
        const confirmText = String(o.confirmText ?? '确定')
        const cancelText = String(o.cancelText ?? '取消')
        if (chars(confirmText) > 4) throw new WxFail('showModal:fail confirmText length should not larger than 4 Chinese characters')
        if (chars(cancelText) > 4) throw new WxFail('showModal:fail cancelText length should not larger than 4 Chinese characters')
        const answer = host.modalAnswers.length ? Boolean(host.modalAnswers.shift()) : true
        host.modals.push({ page: host.currentRoute(), title: String(o.title ?? ''), content: String(o.content ?? ''), answer })
        return { confirm: answer, cancel: !answer }
      }),
    showToast: (o: WxCallOptions) =>
      asyncApi('showToast', o, async () => {
        host.toasts.push({ page: host.currentRoute(), title: String(o.title ?? ''), icon: String(o.icon ?? 'success') })
        return {}
      }),
    hideToast: (o?: WxCallOptions) => asyncApi('hideToast', o, async () => ({})),
    showLoading: (o: WxCallOptions) => asyncApi('showLoading', o, async () => ({})),
    hideLoading: (o?: WxCallOptions) => asyncApi('hideLoading', o, async () => ({})),
    showActionSheet: (o: WxCallOptions) =>
      asyncApi('showActionSheet', o, async () => {
        const items = Array.isArray(o.itemList) ? o.itemList : []
        if (items.length === 0 || items.length > 6) throw new WxFail('showActionSheet:fail parameter error: itemList should not be large than 6')
        const index = host.actionSheetAnswers.shift()
        if (index === undefined) throw new WxFail('showActionSheet:fail cancel')
        if (index < 0 || index >= items.length) throw new Error(`动作面板只有 ${items.length} 项，无法选第 ${index + 1} 项`)
        return { tapIndex: index }
      }),

    // ── privacy ──────────────────────────────────────────────────────────────────────────────────────────────
    onNeedPrivacyAuthorization: (listener: PrivacyState['listener']) => {
      host.privacy.listener = listener
    },
    getPrivacySetting: (o: WxCallOptions) => asyncApi('getPrivacySetting', o, async () => ({ needAuthorization: !host.privacy.agreed, privacyContractName: '《职工医疗互助小程序隐私保护指引》' })),
    requirePrivacyAuthorize: (o: WxCallOptions) => asyncApi('requirePrivacyAuthorize', o, async () => (await privacyGate('setClipboardData'), {})),
    openPrivacyContract: (o: WxCallOptions) => asyncApi('openPrivacyContract', o, async () => ({})),

    // ── media and files ──────────────────────────────────────────────────────────────────────────────────────
    chooseMedia: (o: WxCallOptions) =>
      asyncApi('chooseMedia', o, async () => {
        await privacyGate('chooseMedia')
        const count = Number(o.count ?? 9)
        if (!(count >= 1 && count <= 20)) throw new WxFail('chooseMedia:fail count should be 1–20')
        const picked = host.album.splice(0, count)
        if (picked.length === 0) throw new WxFail('chooseMedia:fail cancel')
        const tempFiles = picked.map((p) => {
          const bitmap = decodeImage(p.bytes)
          const tempFilePath = host.files.add({ bytes: p.bytes, width: bitmap.width, height: bitmap.height, type: 'image' }, p.ext)
          return { tempFilePath, size: p.bytes.length, fileType: 'image', width: bitmap.width, height: bitmap.height, duration: 0, thumbTempFilePath: '' }
        })
        return { tempFiles, type: 'image' }
      }),
    chooseImage: (o: WxCallOptions) =>
      asyncApi('chooseImage', o, async () => {
        host.report('deprecated', 'wx.chooseImage 自基础库 2.21.0 起已停止维护，请使用 wx.chooseMedia')
        await privacyGate('chooseImage')
        const picked = host.album.splice(0, Number(o.count ?? 9))
        if (picked.length === 0) throw new WxFail('chooseImage:fail cancel')
        const tempFiles = picked.map((p) => ({ path: host.files.add({ bytes: p.bytes, type: 'image' }, p.ext), size: p.bytes.length }))
        return { tempFilePaths: tempFiles.map((f) => f.path), tempFiles }
      }),
    getImageInfo: (o: WxCallOptions) =>
      asyncApi('getImageInfo', o, async () => {
        const file = host.files.get(String(o.src ?? ''))
        if (!file) throw new WxFail('getImageInfo:fail file not found')
        const bitmap = decodeImage(file.bytes)
        return { width: bitmap.width, height: bitmap.height, path: o.src, orientation: 'up', type: ext(String(o.src)) === 'png' ? 'png' : 'jpeg' }
      }),
    // The file system, as far as the app uses it: reading a temporary file (the claim form hashes each compressed page
    // before upload). WeChat answers `ArrayBuffer` without `encoding`, a string with one.
    getFileSystemManager: () => ({
      readFile: (o: WxCallOptions) =>
        asyncApi('readFile', o, async () => {
          const path = String(o.filePath ?? '')
          const file = host.files.get(path)
          if (!file) throw new WxFail(`readFile:fail no such file or directory, open ${path}`)
          const encoding = o.encoding === undefined ? null : String(o.encoding)
          if (encoding === null) return { data: host.arrayBuffer(file.bytes) }
          if (!['utf8', 'utf-8', 'base64', 'hex', 'binary', 'latin1', 'ascii'].includes(encoding)) throw new WxFail(`readFile:fail invalid encoding ${encoding}`)
          return { data: file.bytes.toString(encoding === 'utf-8' ? 'utf8' : (encoding as BufferEncoding)) }
        }),
    }),
    compressImage: (o: WxCallOptions) =>
      asyncApi('compressImage', o, async () => {
        const file = host.files.get(String(o.src ?? ''))
        if (!file) throw new WxFail('compressImage:fail file not found')
        const quality = Number(o.quality ?? 80)
        const out = compressToJpeg(file.bytes, quality, o.compressedWidth as number | undefined, o.compressedHeight as number | undefined)
        const tempFilePath = host.files.add({ bytes: out.bytes, width: out.width, height: out.height, type: 'image' }, 'jpg')
        return { tempFilePath }
      }),
    previewImage: (o: WxCallOptions) =>
      asyncApi('previewImage', o, async () => {
        const urls = Array.isArray(o.urls) ? o.urls.map(String) : []
        if (urls.length === 0) throw new WxFail('previewImage:fail parameter error: urls should not be empty')
        host.previews.push(urls)
        return {}
      }),
    chooseMessageFile: (o: WxCallOptions) =>
      asyncApi('chooseMessageFile', o, async () => {
        await privacyGate('chooseMessageFile')
        const picked = host.chatFiles.splice(0, Number(o.count ?? 1))
        if (picked.length === 0) throw new WxFail('chooseMessageFile:fail cancel')
        const allowed = Array.isArray(o.extension) ? o.extension.map(String) : null
        const tempFiles = picked.map((f) => {
          if (allowed && !allowed.includes(ext(f.name))) throw new WxFail('chooseMessageFile:fail extension not allowed')
          return { path: host.files.add({ bytes: f.bytes, type: 'file', name: f.name }, ext(f.name)), size: f.bytes.length, name: f.name, type: 'file', time: Math.floor(Date.now() / 1000) }
        })
        return { tempFiles }
      }),
    downloadFile: (o: WxCallOptions) =>
      asyncApi('downloadFile', o, async () => {
        const url = String(o.url ?? '')
        if (!/^https?:\/\//.test(url)) throw new WxFail('downloadFile:fail invalid url')
        const res = await fetch(url)
        const bytes = Buffer.from(await res.arrayBuffer())
        const name = new URL(url).pathname.split('/').pop() ?? 'file'
        return { tempFilePath: host.files.add({ bytes, type: 'file', name }, ext(name) || 'bin'), statusCode: res.status }
      }),
    openDocument: (o: WxCallOptions) =>
      asyncApi('openDocument', o, async () => {
        const path = String(o.filePath ?? '')
        const file = host.files.get(path)
        if (!file) throw new WxFail('openDocument:fail file not found')
        const type = String(o.fileType ?? ext(path))
        if (!['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'pdf'].includes(type)) throw new WxFail(`openDocument:fail filetype not supported: ${type}`)
        host.openedDocuments.push(path)
        return {}
      }),
    setClipboardData: (o: WxCallOptions) =>
      asyncApi('setClipboardData', o, async () => {
        await privacyGate('setClipboardData')
        host.clipboard = String(o.data ?? '')
        host.toasts.push({ page: host.currentRoute(), title: '内容已复制', icon: 'none' })
        return {}
      }),
    getClipboardData: (o: WxCallOptions) =>
      asyncApi('getClipboardData', o, async () => {
        await privacyGate('getClipboardData')
        return { data: host.clipboard ?? '' }
      }),

    // ── subscribe messages ───────────────────────────────────────────────────────────────────────────────────
    requestSubscribeMessage: (o: WxCallOptions) => {
      // Recorded now, synchronously: WeChat decides at call time whether a tap is running.
      const tmplIds = Array.isArray(o?.tmplIds) ? o.tmplIds.map(String) : []
      const inTap = host.inTap()
      host.subscribeRequests.push({ page: host.currentRoute(), tmplIds, inTap })
      return asyncApi('requestSubscribeMessage', o, async () => {
        if (!inTap) {
          host.report('subscribe', `requestSubscribeMessage 不在用户点击的处理函数中调用（${tmplIds.join(', ')}），微信会拒绝：can only be invoked by user TAP gesture`)
          throw new WxFail('requestSubscribeMessage:fail can only be invoked by user TAP gesture.', { errCode: 20001 })
        }
        if (tmplIds.length === 0 || tmplIds.length > 3) {
          host.report('subscribe', `requestSubscribeMessage 一次只能请求 1–3 个模板，这次是 ${tmplIds.length} 个`)
          throw new WxFail('requestSubscribeMessage:fail TmplIds can\'t be empty or exceed 3', { errCode: 20003 })
        }
        // The user taps 允许: WeChat grants one send of each template. The local cloud records grants where it
        // enforces them (POST /local/subscribe, as the H5 build does); an emulator without the route only warns.
        const token = await host.tokenFor(host.openid)
        const res = await fetch(`${host.emulatorUrl}/local/subscribe`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ tmplIds }),
        }).catch((err: unknown) => ({ status: 0, statusText: err instanceof Error ? err.message : String(err) }))
        if (res.status === 404) host.warn('本地云没有 /local/subscribe：订阅授权未记录')
        else if (res.status !== 200) host.report('subscribe', `本地云记录订阅授权失败（${res.status} ${res.statusText}）`)
        return Object.fromEntries(tmplIds.map((id) => [id, 'accept']))
      })
    },
  }
  return wx
}
