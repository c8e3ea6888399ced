/**
 * Cloud storage under `<data>/storage/files/<cloudPath>`, with each file's metadata (size, type, uploader)
 * kept in the internal collection `_local_files` so it is as durable as any database write.
 */
import { promises as fsp } from 'node:fs'
import path from 'node:path'
import { Changes, type Database } from '../db/database'
import type { WriteAheadLog } from '../db/wal'
import type { Doc } from '../ejson'
import { ENV_ID } from '../functions/function-env'
import { WireError } from '../wire-error'

export const FILES_COLLECTION = '_local_files'
const FILE_ID_PREFIX = `cloud://${ENV_ID}.6c6f-${ENV_ID}-1300000000/`

export interface StoredFile {
  _id: string
  fileID: string
  cloudPath: string
  size: number
  contentType: string
  uploaderOpenid: string | null
  uploadedAt: Date
}

export class FileStore {
  private readonly root: string

  constructor(
    dataDir: string,
    private readonly db: Database,
    private readonly wal: WriteAheadLog,
  ) {
    this.root = path.join(dataDir, 'storage', 'files')
  }

  fileIdOf(cloudPath: string): string {
    return FILE_ID_PREFIX + cloudPath
  }

  /** The cloud path inside a fileID, or null for an id that is not ours. */
  cloudPathOf(fileID: string): string | null {
    if (!fileID.startsWith('cloud://')) return null
    const rest = fileID.slice('cloud://'.length)
    const slash = rest.indexOf('/')
    if (slash < 0) return null
    const cloudPath = rest.slice(slash + 1)
    return isValidCloudPath(cloudPath) ? cloudPath : null
  }

  async save(cloudPath: string, content: Buffer, contentType: string, uploaderOpenid: string | null): Promise<StoredFile> {
    assertCloudPath(cloudPath)
    const target = this.diskPath(cloudPath)
    await fsp.mkdir(path.dirname(target), { recursive: true })
    const tmp = `${target}.${process.pid}.${Date.now()}.uploading`
    const handle = await fsp.open(tmp, 'w')
    try {
      await handle.write(content)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fsp.rename(tmp, target)
    const record: StoredFile = {
      _id: cloudPath,
      fileID: this.fileIdOf(cloudPath),
      cloudPath,
      size: content.length,
      contentType,
      uploaderOpenid,
      uploadedAt: new Date(),
    }
    const changes = new Changes()
    this.db.put(changes, FILES_COLLECTION, record as unknown as Doc)
    await this.wal.append(this.db.commit(changes))
    return record
  }

  info(cloudPath: string): StoredFile | null {
    return (this.db.get(FILES_COLLECTION, cloudPath) as unknown as StoredFile | undefined) ?? null
  }

  async read(cloudPath: string): Promise<Buffer | null> {
    if (!this.info(cloudPath)) return null
    try {
      return await fsp.readFile(this.diskPath(cloudPath))
    } catch {
      return null
    }
  }

  /** Deletes a file; false when it did not exist. */
  async delete(cloudPath: string): Promise<boolean> {
    if (!this.info(cloudPath)) return false
    const changes = new Changes()
    this.db.remove(changes, FILES_COLLECTION, cloudPath)
    await this.wal.append(this.db.commit(changes))
    await fsp.rm(this.diskPath(cloudPath), { force: true })
    return true
  }

  private diskPath(cloudPath: string): string {
    const resolved = path.resolve(this.root, cloudPath)
    if (!resolved.startsWith(this.root + path.sep)) throw new WireError('INVALID_PARAM', `文件路径无效：${cloudPath}`)
    return resolved
  }
}

export function isValidCloudPath(cloudPath: string): boolean {
  return (
    cloudPath.length > 0 &&
    cloudPath.length <= 512 &&
    !cloudPath.startsWith('/') &&
    !cloudPath.split('/').some((part) => part === '' || part === '.' || part === '..') &&
    !/[\\\u0000-\u001f]/.test(cloudPath) &&
    !cloudPath.endsWith('.uploading')
  )
}

function assertCloudPath(cloudPath: string): void {
  if (!isValidCloudPath(cloudPath)) throw new WireError('INVALID_PARAM', `文件路径无效：${cloudPath}`)
}
