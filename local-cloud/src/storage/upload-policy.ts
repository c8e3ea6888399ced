/**
 * What a browser may upload through `POST /local/upload`: images, PDF and OFD (e-receipts), Excel (.xlsx) and CSV, at
 * most 10 MB.
 * The type is decided by the file name and checked against the file's first bytes, not the browser's claim.
 */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

type Kind = { type: string; magic?: (b: Buffer) => boolean }

const startsWith = (bytes: number[]) => (b: Buffer) => bytes.every((byte, i) => b[i] === byte)

const KINDS: Record<string, Kind> = {
  jpg: { type: 'image/jpeg', magic: startsWith([0xff, 0xd8, 0xff]) },
  jpeg: { type: 'image/jpeg', magic: startsWith([0xff, 0xd8, 0xff]) },
  png: { type: 'image/png', magic: startsWith([0x89, 0x50, 0x4e, 0x47]) },
  gif: { type: 'image/gif', magic: startsWith([0x47, 0x49, 0x46, 0x38]) },
  webp: { type: 'image/webp', magic: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  heic: { type: 'image/heic', magic: (b) => b.subarray(4, 8).toString('latin1') === 'ftyp' },
  pdf: { type: 'application/pdf', magic: startsWith([0x25, 0x50, 0x44, 0x46]) },
  // OFD (GB/T 33190, China's e-invoice and e-receipt format) is a ZIP container.
  ofd: { type: 'application/ofd', magic: startsWith([0x50, 0x4b, 0x03, 0x04]) },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: startsWith([0x50, 0x4b, 0x03, 0x04]) },
  csv: { type: 'text/csv' },
}

export type UploadCheck = { ok: true; contentType: string } | { ok: false; message: string }

export function checkUpload(name: string, data: Buffer): UploadCheck {
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : ''
  const kind = KINDS[ext]
  if (!kind) return { ok: false, message: '只能上传图片（jpg、png、gif、webp、heic）、PDF 或 OFD 电子票据、Excel（xlsx）或 CSV 文件' }
  if (data.length === 0) return { ok: false, message: '文件是空的，请重新选择' }
  if (kind.magic && !kind.magic(data)) return { ok: false, message: `文件内容与扩展名 .${ext} 不符，请上传真实的 ${ext.toUpperCase()} 文件` }
  return { ok: true, contentType: kind.type }
}
