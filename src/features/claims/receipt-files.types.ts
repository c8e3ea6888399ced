import type { DocumentExtension } from '@mutual-aid/contracts'

/** An electronic receipt the person picked (PDF or OFD), ready to hash and upload as it is. */
export interface PickedReceipt {
  /** weapp: the temp file chooseMessageFile copied; h5: a `blob:` URL of the chosen file. */
  filePath: string
  name: string
  size: number
  ext: DocumentExtension
}

/** Largest receipt file accepted, in bytes: the most the claims function downloads to check a page (10 MB). */
export const MAX_RECEIPT_BYTES = 10 * 1024 * 1024

/** Receipts picked at once (chooseMessageFile allows up to 100; a claim has at most a handful of receipts). */
export const RECEIPTS_AT_ONCE = 9

/** A picked file's type by its name (`发票.PDF` → pdf), or null for anything that is not a PDF/OFD receipt. */
export function receiptExtension(name: string): DocumentExtension | null {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase()
  return ext === 'pdf' || ext === 'ofd' ? ext : null
}

/** Why a picked file cannot be a receipt page, or null when it can. */
export function receiptProblem(file: { name: string; size: number }): string | null {
  if (!receiptExtension(file.name)) return `“${file.name}”不是 PDF 或 OFD 电子文件，照片请用“拍照或从相册选择”上传`
  if (file.size === 0) return `“${file.name}”是空文件，请重新选择`
  if (file.size > MAX_RECEIPT_BYTES) return `“${file.name}”超过 10 MB，请联系开票医院获取较小的电子票据`
  return null
}
