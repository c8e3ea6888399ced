import { fitWithin, type CompressedPhoto } from './compress.types'

export * from './compress.types'

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => resolve(img)
    img.onerror = () => reject(new Error('无法读取这张图片，请换一张或重新拍摄'))
    img.src = src
  })
}

/** Resizes on a canvas to at most 1600 px on the long side and re-encodes as JPEG (quality 0.82). */
export async function compressPhoto(filePath: string): Promise<CompressedPhoto> {
  const img = await loadImage(filePath)
  const size = fitWithin(img.naturalWidth, img.naturalHeight)
  const canvas = document.createElement('canvas')
  canvas.width = size.width
  canvas.height = size.height
  const g = canvas.getContext('2d')
  if (!g) throw new Error('浏览器不支持图片压缩，请更换浏览器')
  // White under transparent PNG areas, since JPEG has no alpha.
  g.fillStyle = '#ffffff'
  g.fillRect(0, 0, size.width, size.height)
  g.drawImage(img, 0, 0, size.width, size.height)
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.82))
  if (!blob) throw new Error('图片压缩失败，请重试')
  return { filePath: URL.createObjectURL(blob), ...size }
}
