/**
 * Mini-program side of roster files: `chooseMessageFile` picks an xlsx/csv from a chat (where clerks receive their
 * spreadsheets), and the template opens with `openDocument`. Same exports as file-io.h5.ts.
 */
import Taro from '@tarojs/taro'
import type { PickedFile } from './file-io.types'

export type { PickedFile }

export async function pickSpreadsheet(): Promise<PickedFile | null> {
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] })
    const file = res.tempFiles[0]
    return file ? { filePath: file.path, name: file.name, size: file.size } : null
  } catch {
    return null // cancelled
  }
}

export async function openFileUrl(url: string, _name: string): Promise<void> {
  const res = await Taro.downloadFile({ url })
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true })
}
