/** Longest side of an uploaded page, in pixels: readable for a reviewer, small enough for a hospital-ward network. */
export const MAX_SIDE_PX = 1600

/** A photo ready to upload: a local path (weapp temp file / h5 blob: URL) and its size after compression. */
export interface CompressedPhoto {
  filePath: string
  width: number
  height: number
}

/** The size that fits `width`×`height` inside `max` on the long side, keeping the aspect ratio (never enlarges). */
export function fitWithin(width: number, height: number, max = MAX_SIDE_PX): { width: number; height: number } {
  const long = Math.max(width, height)
  if (long <= max || long === 0) return { width, height }
  const scale = max / long
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}
