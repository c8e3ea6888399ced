import { useState } from 'react'
import type { SettlementImport } from '@mutual-aid/contracts'
import { toast } from '@/components/ui'
import { uploadFile } from '@/services/cloud'
type PickedFile = { filePath: string; name: string; size: number }
import { settlementsApi } from './api'

/** How many `continue` calls the page makes before it stops and lets the timer finish (each is ≤ 20 s). */
const MAX_CONTINUES = 60

/**
 * The office's (or an agent's) import of the bureau's settlement export: pick the file (chat file on the phone, file
 * input in the browser), upload it under the caller's folder, `import`, then `continue` while the answer says
 * `running`, showing progress; a file with errors shows them by row and changes nothing. The file picking is the
 * roster import's (the page passes it in: features use each other only through their index).
 */
export interface FileIo {
  pickSpreadsheet: () => Promise<PickedFile | null>
  openFileUrl: (url: string, name: string) => Promise<void>
}

export function useSettlementImport(openid: string | null, { pickSpreadsheet, openFileUrl }: FileIo) {
  const [progress, setProgress] = useState<string | null>(null)
  const [result, setResult] = useState<SettlementImport | null>(null)
  const [error, setError] = useState('')
  // The name the importer picked: the function knows the file by its upload path, a number they never chose.
  const [fileName, setFileName] = useState('')

  const pickAndImport = async () => {
    setError('')
    const file = await pickSpreadsheet()
    if (!file) return
    if (!/\.(xlsx|csv)$/i.test(file.name)) return setError('请选择 Excel（.xlsx）或 CSV 文件；.xls 旧格式请先另存为 .xlsx。')
    if (!openid) return setError('登录信息已失效，请返回首页重新进入。')
    setResult(null)
    setFileName(file.name)
    const ext = file.name.slice(file.name.lastIndexOf('.')).toLowerCase()
    try {
      setProgress('正在上传…')
      const { fileID } = await uploadFile({
        cloudPath: `settlement-imports/${openid}/${Date.now()}${ext}`,
        filePath: file.filePath,
        onProgress: (p) => setProgress(`正在上传 ${p}%`),
      })
      setProgress('正在核对每一行…')
      let answer = await settlementsApi.importFile(fileID)
      for (let i = 0; answer.ok && answer.data.status !== 'done' && answer.data.status !== 'invalid' && i < MAX_CONTINUES; i++) {
        setResult(answer.data)
        setProgress(`正在匹配参加人 ${answer.data.processed}/${answer.data.rows}…`)
        answer = await settlementsApi.continueImport(answer.data.importId as string)
      }
      if (!answer.ok) return setError(answer.message)
      setResult(answer.data)
      if (answer.data.status === 'done') toast(`导入完成：生成 ${answer.data.counts.proposed} 笔待确认补助`, 'success')
    } catch (err) {
      setError(err instanceof Error && err.message ? err.message : '上传失败，请检查网络后重试。')
    } finally {
      setProgress(null)
    }
  }

  const downloadTemplate = async () => {
    const answer = await settlementsApi.template()
    if (!answer.ok) return toast(answer.message, 'error')
    await openFileUrl(answer.data.url, '医保住院结算导入模板.xlsx')
  }

  return { progress, result, fileName, error, pickAndImport, downloadTemplate, setResult }
}
