/**
 * Browser side of roster files: a hidden `<input type="file">` to pick an xlsx/csv, and a download link for the
 * template. Same exports as file-io.weapp.ts.
 */
import type { PickedFile } from './file-io.types'

export type { PickedFile }

/** Lets the user pick one spreadsheet; resolves null when they cancel. */
export function pickSpreadsheet(): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv'
    input.style.display = 'none'
    input.setAttribute('data-testid', 'roster-file-input')
    input.addEventListener('change', () => {
      const file = input.files?.[0]
      input.remove()
      resolve(file ? { filePath: URL.createObjectURL(file), name: file.name, size: file.size } : null)
    })
    input.addEventListener('cancel', () => {
      input.remove()
      resolve(null)
    })
    document.body.appendChild(input)
    input.click()
  })
}

/** Opens (downloads) a file by its temporary URL. */
export async function openFileUrl(url: string, name: string): Promise<void> {
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
}
