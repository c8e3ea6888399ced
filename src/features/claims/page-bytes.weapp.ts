import Taro from '@tarojs/taro'

/** The bytes of a compressed page before upload (mini-program: the temp file the compression wrote). */
export function readPageBytes(filePath: string): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath,
      success: (res) => resolve(res.data as ArrayBuffer),
      fail: () => reject(new Error('无法读取这张图片，请重新选择')),
    })
  })
}
