/**
 * Mini-program side of electronic receipts: `wx.chooseMessageFile` picks PDF/OFD files from a chat (where hospitals'
 * e-receipts arrive), and a stored receipt opens with `wx.openDocument` on a downloaded temp file. Same exports as
 * receipt-files.h5.ts.
 */
import Taro from '@tarojs/taro'
import type { DocumentExtension } from '@mutual-aid/contracts'
import { RECEIPTS_AT_ONCE, receiptExtension, type PickedReceipt } from './receipt-files.types'

export * from './receipt-files.types'

/** The receipts picked (empty when cancelled); files that are not PDF/OFD come back with `ext` null for the caller to name. */
export async function pickReceipts(): Promise<Array<Omit<PickedReceipt, 'ext'> & { ext: DocumentExtension | null }>> {
  try {
    const res = await Taro.chooseMessageFile({ count: RECEIPTS_AT_ONCE, type: 'file', extension: ['pdf', 'ofd', 'PDF', 'OFD'] })
    return res.tempFiles.map((f) => ({ filePath: f.path, name: f.name, size: f.size, ext: receiptExtension(f.name) }))
  } catch {
    return [] // cancelled, or the privacy agreement was declined
  }
}

/**
 * Opens a stored receipt from its temporary link. wx.openDocument reads PDF (and the office formats) but not OFD: an
 * OFD receipt is saved and the person is told to open it with an OFD reader.
 */
export async function openReceipt(url: string, ext: DocumentExtension): Promise<void> {
  const res = await Taro.downloadFile({ url })
  if (res.statusCode !== 200) throw new Error('电子票据下载失败，请稍后重试')
  if (ext === 'ofd') throw new Error('微信内不能直接打开 OFD 票据，请在电脑上用 OFD 阅读器查看')
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'pdf', showMenu: true })
}
