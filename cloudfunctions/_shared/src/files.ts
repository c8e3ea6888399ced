import { createHash } from 'node:crypto'
import type { HandlerContext } from './context'

/** getTempFileURL and deleteFile take at most 50 files per call on CloudBase. */
export const MAX_FILES_PER_CALL = 50

/**
 * Short-lived download URLs for stored files. Storage is ADMINONLY, so the app never reads a file directly: a
 * function checks who may see it and hands out these URLs (10 minutes by default).
 */
export async function tempUrls(ctx: HandlerContext, fileIDs: readonly string[], maxAgeSeconds = 600): Promise<Record<string, string>> {
  const ids = [...new Set(fileIDs)]
  const urls: Record<string, string> = {}
  // CloudBase hands out at most 50 links per getTempFileURL call.
  for (let i = 0; i < ids.length; i += MAX_FILES_PER_CALL) {
    const chunk = ids.slice(i, i + MAX_FILES_PER_CALL)
    const res = await ctx.cloud.getTempFileURL({ fileList: chunk.map((fileID) => ({ fileID, maxAge: maxAgeSeconds })) })
    for (const f of res.fileList ?? []) if (f.tempFileURL) urls[f.fileID] = f.tempFileURL
  }
  return urls
}

/** Largest stored file a function downloads to check (photos are compressed far below; the emulator's upload limit). */
export const MAX_CHECKED_FILE_BYTES = 10 * 1024 * 1024

/** A stored file's content, or null when it is missing or larger than {@link MAX_CHECKED_FILE_BYTES}. */
export async function downloadChecked(ctx: HandlerContext, fileID: string): Promise<Buffer | null> {
  try {
    const res = (await ctx.cloud.downloadFile({ fileID })) as { fileContent?: unknown }
    const content = Buffer.isBuffer(res?.fileContent) ? res.fileContent : null
    return content && content.length <= MAX_CHECKED_FILE_BYTES ? content : null
  } catch {
    return null
  }
}

export const sha256Hex = (content: Buffer): string => createHash('sha256').update(content).digest('hex')

/**
 * A stored file against the sha-256 recorded when it was accepted as evidence: `ok`, `changed`, `missing`, or
 * `unrecorded` when no hash was recorded (evidence accepted before hashes were kept).
 */
export async function checkFile(ctx: HandlerContext, fileID: string, recorded: string | undefined): Promise<'ok' | 'changed' | 'missing' | 'unrecorded'> {
  const content = await downloadChecked(ctx, fileID)
  if (!content) return 'missing'
  if (!recorded) return 'unrecorded'
  return sha256Hex(content) === recorded ? 'ok' : 'changed'
}
