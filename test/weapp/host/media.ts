/**
 * The phone's files as the weapp host sees them: temporary files (`wxfile://tmp_…`, what chooseMedia, compressImage
 * and downloadFile hand back), and real image work — decoding PNG/JPEG, scaling and re-encoding as JPEG — so that
 * `wx.compressImage` produces the smaller JPEG a phone would and the emulator receives real bytes.
 */
import { randomBytes } from 'node:crypto'
import jpeg from 'jpeg-js'
import { PNG } from 'pngjs'

export interface TempFile {
  bytes: Buffer
  /** Image width and height in pixels (images only). */
  width?: number
  height?: number
  type: 'image' | 'file'
  name?: string
}

export class TempFiles {
  private readonly files = new Map<string, TempFile>()

  add(file: TempFile, ext: string): string {
    const path = `wxfile://tmp_${randomBytes(8).toString('hex')}.${ext}`
    this.files.set(path, file)
    return path
  }

  get(path: string): TempFile | undefined {
    return this.files.get(path)
  }
}

interface Bitmap {
  width: number
  height: number
  /** RGBA, 4 bytes per pixel. */
  data: Buffer
}

export function isPng(bytes: Buffer): boolean {
  return bytes.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))
}

export function isJpeg(bytes: Buffer): boolean {
  return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff
}

export function decodeImage(bytes: Buffer): Bitmap {
  if (isPng(bytes)) {
    const png = PNG.sync.read(bytes)
    return { width: png.width, height: png.height, data: png.data }
  }
  if (isJpeg(bytes)) {
    const img = jpeg.decode(bytes, { useTArray: false, formatAsRGBA: true, maxMemoryUsageInMB: 512 })
    return { width: img.width, height: img.height, data: Buffer.from(img.data) }
  }
  throw new Error('不是 PNG 或 JPEG 图片')
}

/** Box-averaged downscale (or a copy when the size is unchanged). */
function scale(src: Bitmap, width: number, height: number): Bitmap {
  if (width === src.width && height === src.height) return src
  const out = Buffer.alloc(width * height * 4)
  const sx = src.width / width
  const sy = src.height / height
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * sy)
    const y1 = Math.max(y0 + 1, Math.floor((y + 1) * sy))
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x * sx)
      const x1 = Math.max(x0 + 1, Math.floor((x + 1) * sx))
      const sum = [0, 0, 0, 0]
      let n = 0
      for (let yy = y0; yy < y1 && yy < src.height; yy++) {
        for (let xx = x0; xx < x1 && xx < src.width; xx++) {
          const i = (yy * src.width + xx) * 4
          for (let k = 0; k < 4; k++) sum[k] += src.data[i + k]
          n++
        }
      }
      const o = (y * width + x) * 4
      for (let k = 0; k < 4; k++) out[o + k] = Math.round(sum[k] / Math.max(n, 1))
    }
  }
  return { width, height, data: out }
}

/** What wx.compressImage does: re-encode as JPEG at `quality`, scaled to the requested size (never enlarged). */
export function compressToJpeg(bytes: Buffer, quality: number, width?: number, height?: number): { bytes: Buffer; width: number; height: number } {
  const src = decodeImage(bytes)
  let w = src.width
  let h = src.height
  if (width && height) {
    w = Math.min(width, src.width)
    h = Math.min(height, src.height)
  } else if (width) {
    w = Math.min(width, src.width)
    h = Math.max(1, Math.round((src.height * w) / src.width))
  } else if (height) {
    h = Math.min(height, src.height)
    w = Math.max(1, Math.round((src.width * h) / src.height))
  }
  const scaled = scale(src, w, h)
  // JPEG has no alpha: composite on white.
  for (let i = 0; i < scaled.data.length; i += 4) {
    const a = scaled.data[i + 3] / 255
    for (let k = 0; k < 3; k++) scaled.data[i + k] = Math.round(scaled.data[i + k] * a + 255 * (1 - a))
    scaled.data[i + 3] = 255
  }
  const encoded = jpeg.encode({ width: w, height: h, data: scaled.data }, Math.max(1, Math.min(100, quality)))
  return { bytes: Buffer.from(encoded.data), width: w, height: h }
}

/** A camera-sized photo of a document page (PNG, `width`×`height`), different per `seed`, made in memory. */
export function makeCameraPhoto(width: number, height: number, seed: number): Buffer {
  const png = new PNG({ width, height })
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4
      const band = y < height * 0.08
      const line = !band && Math.floor(y / (height / 40)) % 2 === 0 && x > width * 0.1 && x < width * (0.6 + ((seed * 7 + Math.floor(y / 20)) % 30) / 100)
      const shade = band ? [30 + seed * 40, 90, 200] : line ? [120, 120, 120] : [250, 250, 246]
      png.data[i] = shade[0] & 0xff
      png.data[i + 1] = shade[1]
      png.data[i + 2] = shade[2]
      png.data[i + 3] = 255
    }
  }
  return PNG.sync.write(png)
}
