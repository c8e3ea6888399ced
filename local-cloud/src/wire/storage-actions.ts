/** `storage.*` wire actions (shapes from node-sdk `src/storage/index.ts`). */
import { randomBytes } from 'node:crypto'
import type { FunctionRunner } from '../functions/function-runner'
import type { FileLinks } from '../storage/file-links'
import type { FileStore } from '../storage/file-store'
import { isValidCloudPath } from '../storage/file-store'
import { invalidParam } from '../wire-error'
import type { WireHandler } from './types'

/** CloudBase's default lifetime of a temporary link, in seconds. */
const DEFAULT_MAX_AGE = 86_400
/**
 * getTempFileURL and deleteFile take at most 50 files per call (WeChat cloud docs, Cloud.getTempFileURL: "一次最多取
 * 50 个"; deleteFile likewise); node-sdk does not check, the service refuses.
 */
export const MAX_FILES_PER_CALL = 50

function checkBatchSize(list: unknown[], what: string): void {
  if (list.length === 0) throw invalidParam(`${what} 不能为空`)
  if (list.length > MAX_FILES_PER_CALL) {
    throw invalidParam(`${what} 一次最多 ${MAX_FILES_PER_CALL} 个文件（本次 ${list.length} 个），请分批调用`)
  }
}

export function storageActions(files: FileStore, links: FileLinks, runner: FunctionRunner): Record<string, WireHandler> {
  return {
    'storage.getUploadMetadata': async (params, caller) => {
      const cloudPath = params.path
      if (typeof cloudPath !== 'string' || !isValidCloudPath(cloudPath)) throw invalidParam(`文件路径无效：${String(cloudPath)}`)
      const uploader = runner.identityOf(caller.callId)?.openid ?? ''
      const url = links.uploadUrl(cloudPath, uploader)
      return {
        json: {
          data: {
            url,
            token: '',
            authorization: 'local-emulator',
            fileId: files.fileIdOf(cloudPath),
            // Sent back by the SDK as an HTTP header, so it must be plain ASCII.
            cosFileId: randomBytes(16).toString('hex'),
          },
        },
      }
    },

    'storage.batchGetDownloadUrl': async (params) => {
      if (!Array.isArray(params.file_list)) throw invalidParam('file_list 必须是数组')
      checkBatchSize(params.file_list, 'getTempFileURL')
      const downloadList = params.file_list.map((entry) => {
        const { fileid, max_age } = (entry ?? {}) as { fileid?: unknown; max_age?: unknown }
        const fileID = String(fileid ?? '')
        const cloudPath = files.cloudPathOf(fileID)
        const maxAge = typeof max_age === 'number' && max_age > 0 ? Math.floor(max_age) : DEFAULT_MAX_AGE
        if (!cloudPath || !files.info(cloudPath)) {
          return { fileID, code: 'STORAGE_FILE_NONEXIST', message: '文件不存在', tempFileURL: '', maxAge }
        }
        return { fileID, code: 'SUCCESS', tempFileURL: links.tempUrl(cloudPath, maxAge), maxAge }
      })
      return { json: { data: { download_list: downloadList } } }
    },

    'storage.batchDeleteFile': async (params) => {
      if (!Array.isArray(params.fileid_list)) throw invalidParam('fileid_list 必须是数组')
      checkBatchSize(params.fileid_list, 'deleteFile')
      const deleteList = []
      for (const raw of params.fileid_list) {
        const fileID = String(raw)
        const cloudPath = files.cloudPathOf(fileID)
        const deleted = cloudPath ? await files.delete(cloudPath) : false
        deleteList.push(deleted ? { fileID, code: 'SUCCESS' } : { fileID, code: 'STORAGE_FILE_NONEXIST', message: '文件不存在' })
      }
      return { json: { data: { delete_list: deleteList } } }
    },
  }
}
