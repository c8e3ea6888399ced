import Taro from '@tarojs/taro'
import { fitWithin, type CompressedPhoto } from './compress.types'

export * from './compress.types'

/** Compresses with wx.compressImage to at most 1600 px on the long side (JPEG, quality 80). */
export async function compressPhoto(filePath: string): Promise<CompressedPhoto> {
  const info = await Taro.getImageInfo({ src: filePath })
  const size = fitWithin(info.width, info.height)
  const res = await Taro.compressImage({
    src: filePath,
    quality: 80,
    compressedWidth: size.width,
    compressedHeight: size.height,
  } as Parameters<typeof Taro.compressImage>[0])
  return { filePath: res.tempFilePath, ...size }
}
