/**
 * `wx.createSelectorQuery` for `<canvas type="2d">` nodes — the one query the app makes (its charts find their
 * canvas by id). The host has no view layer, so a canvas node here draws nothing: its `getContext('2d')` is a
 * recording context that keeps every drawing call (`fillRect`, `fill`, `fillText`, …) for the flows to check that the
 * chart library drew what the data says, and answers what drawing code asks (`measureText` by character count, a
 * gradient stub). Its size is the window's width by the `height` the page gave the canvas in `rpx` (no layout here).
 * Anything else a selector query is asked for fails loudly, as before.
 */
export interface DrawCall {
  op: string
  args: unknown[]
}

export interface CanvasNodeStub {
  id: string
  width: number
  height: number
  calls: DrawCall[]
  getContext(kind: string): unknown
  createImage(): Record<string, unknown>
  requestAnimationFrame(cb: () => void): number
  cancelAnimationFrame(id: number): void
}

/** A 2D context that records what is drawn. */
function recordingContext(calls: DrawCall[]): unknown {
  const state: Record<string | symbol, unknown> = { font: '10px sans-serif', fillStyle: '#000', strokeStyle: '#000', lineWidth: 1, globalAlpha: 1, textAlign: 'start', textBaseline: 'alphabetic' }
  const fontSize = () => Number(/(\d+(?:\.\d+)?)px/.exec(String(state.font))?.[1] ?? 10)
  const special: Record<string, (...args: unknown[]) => unknown> = {
    // A rough width: a CJK character is about 1 em, anything else about 0.55 em.
    measureText: (text) => ({ width: [...String(text)].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.55), 0) * fontSize() }),
    createLinearGradient: () => ({ addColorStop: () => undefined }),
    createRadialGradient: () => ({ addColorStop: () => undefined }),
    createPattern: () => ({}),
    getLineDash: () => [],
    isPointInPath: () => false,
    getTransform: () => ({ a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 }),
    // Nothing is painted: every pixel reads blank (white, opaque), as an untouched canvas filled white would.
    getImageData: (_x, _y, w, h) => ({ width: Number(w), height: Number(h), data: new Uint8ClampedArray(Math.max(1, Number(w) * Number(h)) * 4).fill(255) }),
  }
  return new Proxy(state, {
    get(target, prop) {
      if (typeof prop === 'string' && prop in special) {
        return (...args: unknown[]) => {
          calls.push({ op: prop, args })
          return special[prop](...args)
        }
      }
      if (prop in target) return target[prop]
      if (typeof prop !== 'string') return undefined
      return (...args: unknown[]) => {
        calls.push({ op: prop, args })
      }
    },
    set(target, prop, value) {
      target[prop] = value
      return true
    },
  })
}

export function canvasNode(id: string, width: number, height: number, report: (message: string) => void): CanvasNodeStub {
  const calls: DrawCall[] = []
  const timers = new Map<number, ReturnType<typeof setTimeout>>()
  let next = 0
  const node: CanvasNodeStub = {
    id,
    width,
    height,
    calls,
    getContext: (kind) => {
      if (kind !== '2d') throw new Error(`weapp host: canvas ${id} getContext('${kind}') — only '2d' is provided`)
      return context
    },
    createImage: () => ({}),
    // Animation frames are not page work: a chart library keeps a render loop running for as long as the page
    // lives (as on a phone), so frames never hold up "settled". An exception in one is still the app's error.
    requestAnimationFrame: (cb) => {
      const n = ++next
      const timer = setTimeout(() => {
        timers.delete(n)
        try {
          cb()
        } catch (err) {
          report(`canvas ${id} requestAnimationFrame: ${err instanceof Error ? err.stack ?? err.message : String(err)}`)
        }
      }, 16)
      // A loop left running by a phone the run has finished with must not keep the host process alive.
      timer.unref()
      timers.set(n, timer)
      return n
    },
    cancelAnimationFrame: (n) => {
      clearTimeout(timers.get(n))
      timers.delete(n)
    },
  }
  const context = recordingContext(calls)
  return node
}

/** `wx.createOffscreenCanvas({ type: '2d' })`: the same recording canvas, not on any page (F2 measures text on it). */
export function offscreenCanvas(options: { type?: string; width?: number; height?: number } | undefined, report: (message: string) => void): CanvasNodeStub {
  if (options?.type && options.type !== '2d') throw new Error(`weapp host: createOffscreenCanvas type '${options.type}' — only '2d' is provided`)
  return canvasNode('offscreen', options?.width ?? 300, options?.height ?? 150, report)
}

export interface QueryHost {
  /** The `<canvas>` with this id on the current page: its attributes, or null. */
  findCanvas(id: string): { attrs: Record<string, unknown> } | null
  windowWidth: number
  canvases: Map<string, CanvasNodeStub>
  track(work: Promise<unknown>): void
  report(message: string): void
}

/** `height: 420rpx` (Taro's pxTransform) → px at this window width. */
function heightOf(attrs: Record<string, unknown>, windowWidth: number): number {
  const m = /height:\s*([\d.]+)(rpx|px)/.exec(String(attrs.style ?? ''))
  if (!m) return 150
  return m[2] === 'rpx' ? (Number(m[1]) * windowWidth) / 750 : Number(m[1])
}

export function createSelectorQuery(host: QueryHost) {
  const requests: Array<{ selector: string; fields: Record<string, boolean> }> = []
  const query = {
    in: () => query,
    select(selector: string) {
      if (!/^#[A-Za-z][\w-]*$/.test(selector)) throw new Error(`weapp host: createSelectorQuery().select('${selector}') — only '#id' of a canvas is provided`)
      return {
        fields(fields: Record<string, boolean>) {
          requests.push({ selector, fields })
          return query
        },
        boundingClientRect() {
          throw new Error('weapp host: boundingClientRect needs a layout, which this host does not have')
        },
        node() {
          requests.push({ selector, fields: { node: true } })
          return query
        },
      }
    },
    exec(cb?: (res: unknown[]) => void) {
      const res = requests.map(({ selector, fields }) => {
        const id = selector.slice(1)
        const found = host.findCanvas(id)
        if (!found) return null
        const width = host.windowWidth
        const height = heightOf(found.attrs, width)
        let node = host.canvases.get(id)
        if (!node) {
          node = canvasNode(id, width, height, host.report)
          host.canvases.set(id, node)
        }
        return { id, ...(fields.node ? { node } : {}), ...(fields.size ? { width, height } : {}) }
      })
      // As on a phone, the answer comes after the query, not during it.
      host.track(Promise.resolve().then(() => cb?.(res)))
    },
  }
  return query
}
