import { useState } from 'react'
import type { BatchDetail } from '@mutual-aid/contracts'
import { confirm, toast } from '@/components/ui'
import { uploadFile } from '@/services/cloud'
import { useLoad } from '@/services/use-load'
import { fundApi } from './api'

/** A file picked for upload (the enrolment feature's picker: chooseMessageFile on weapp, a file input on H5). */
export interface PickedFile {
  filePath: string
  name: string
}

/** Most `continueResult` calls one import makes (a 300-line batch needs six; a cut-off import continues on retry). */
const MAX_STEPS = 20

/**
 * The batch page's model: the batch, its bank file, marking it sent (after a confirmation: from then on only the
 * bank's result pays its claims) and importing the bank's result file, applied step by step with the progress shown.
 */
export function useBatch(batchId: string, pick: () => Promise<PickedFile | null>, open: (url: string, name: string) => Promise<void>) {
  const batch = useLoad(() => fundApi.batch(batchId), [batchId])
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState('')
  const data: BatchDetail | null = batch.status === 'ready' ? batch.data : null

  const download = async () => {
    setError('')
    const answer = await fundApi.batchFile(batchId)
    if (!answer.ok) return setError(answer.message)
    try {
      await open(answer.data.url, answer.data.fileName)
    } catch {
      setError('文件下载失败，请检查网络后重试。')
    }
  }

  const markSent = async () => {
    if (!data) return
    const ok = await confirm({
      title: '确认已发送银行？',
      content: `批次 ${data.batchNo} 共 ${data.lines} 笔。标记后只能通过导入银行回单来登记支付结果，这些申请不能再单笔登记支付。`,
    })
    if (!ok) return
    setBusy('正在标记…')
    const answer = await fundApi.markSent(batchId, data.version)
    setBusy(null)
    if (!answer.ok) return setError(answer.message)
    toast('已标记发送银行', 'success')
    batch.reload()
  }

  const importResult = async () => {
    setError('')
    const file = await pick()
    if (!file) return
    if (!/\.xlsx$/i.test(file.name)) return setError('请选择银行导出的 Excel（.xlsx）回单文件；.xls 旧格式请先另存为 .xlsx。')
    try {
      setBusy('正在上传回单…')
      const { fileID } = await uploadFile({ cloudPath: `bank-results/${batchId}/${Date.now()}.xlsx`, filePath: file.filePath, onProgress: (p) => setBusy(`正在上传回单 ${p}%`) })
      setBusy('正在核对回单…')
      let answer = await fundApi.importResult(batchId, fileID)
      for (let step = 0; answer.ok && !answer.data.done && step < MAX_STEPS; step++) {
        setBusy(`正在登记支付结果 ${answer.data.processed}/${answer.data.lines}…`)
        answer = await fundApi.continueResult(batchId)
      }
      if (!answer.ok) setError(answer.message)
      else if (answer.data.done) toast(`已登记：成功 ${answer.data.paid} 笔，失败 ${answer.data.failed} 笔`, 'success')
    } catch (err) {
      setError(err instanceof Error && err.message ? err.message : '上传失败，请检查网络后重试。')
    } finally {
      setBusy(null)
      batch.reload()
    }
  }

  /** An import cut off midway (closed app, lost network): apply the rest. */
  const resume = async () => {
    setError('')
    setBusy('正在继续登记…')
    let answer = await fundApi.continueResult(batchId)
    for (let step = 0; answer.ok && !answer.data.done && step < MAX_STEPS; step++) answer = await fundApi.continueResult(batchId)
    setBusy(null)
    if (!answer.ok) setError(answer.message)
    batch.reload()
  }

  /** 继续生成: a batch whose creation was cut off (the timer finishes it within minutes; this does it now). */
  const continueBuild = async () => {
    setError('')
    setBusy('正在继续生成批次…')
    const answer = await fundApi.continueBatch(batchId)
    setBusy(null)
    if (!answer.ok) setError(answer.message)
    else if (answer.data.status === 'open') toast('批次已生成', 'success')
    batch.reload()
  }

  /** 取消 a batch still being built: its claims go back to the payable list (after a confirmation). */
  const cancel = async () => {
    if (!data) return
    const ok = await confirm({
      title: '取消这个批次？',
      content: `批次 ${data.batchNo} 还没有生成银行文件。取消后所选申请回到“待支付申请”，可以重新选择生成批次。`,
    })
    if (!ok) return
    setError('')
    setBusy('正在取消…')
    const answer = await fundApi.cancelBatch(batchId, data.version)
    setBusy(null)
    if (!answer.ok) setError(answer.message)
    else toast('批次已取消', 'success')
    batch.reload()
  }

  return { batch, data, busy, error, download, markSent, importResult, resume, continueBuild, cancel }
}
