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
