/**
 * Browser side of electronic receipts: a hidden `<input type="file">` picks PDF/OFD files, and a stored receipt opens
 * in a new tab from its temporary link. Same exports as receipt-files.weapp.ts.
 */
import type { DocumentExtension } from '@mutual-aid/contracts'
import { RECEIPTS_AT_ONCE, receiptExtension, type PickedReceipt } from './receipt-files.types'

export * from './receipt-files.types'

export function pickReceipts(): Promise<Array<Omit<PickedReceipt, 'ext'> & { ext: DocumentExtension | null }>> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.multiple = true
    input.accept = '.pdf,.ofd,application/pdf,application/ofd'
    input.style.display = 'none'
    input.setAttribute('data-testid', 'receipt-file-input')
    input.addEventListener('change', () => {
      const files = [...(input.files ?? [])].slice(0, RECEIPTS_AT_ONCE)
      input.remove()
      resolve(files.map((f) => ({ filePath: URL.createObjectURL(f), name: f.name, size: f.size, ext: receiptExtension(f.name) })))
    })
    input.addEventListener('cancel', () => {
      input.remove()
      resolve([])
    })
    document.body.appendChild(input)
    input.click()
  })
}

export async function openReceipt(url: string, _ext: DocumentExtension): Promise<void> {
  const a = document.createElement('a')
  a.href = url
  a.target = '_blank'
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
}
