import type { HandlerContext } from './context'

/**
 * Short-lived download URLs for stored files. Storage is ADMINONLY, so the app never reads a file directly: a
 * function checks who may see it and hands out these URLs (10 minutes by default).
 */
export async function tempUrls(ctx: HandlerContext, fileIDs: readonly string[], maxAgeSeconds = 600): Promise<Record<string, string>> {
  const ids = [...new Set(fileIDs)]
  if (ids.length === 0) return {}
  const res = await ctx.cloud.getTempFileURL({ fileList: ids.map((fileID) => ({ fileID, maxAge: maxAgeSeconds })) })
  const urls: Record<string, string> = {}
  for (const f of res.fileList ?? []) if (f.tempFileURL) urls[f.fileID] = f.tempFileURL
  return urls
}
