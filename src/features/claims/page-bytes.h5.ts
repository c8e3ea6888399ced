/** The bytes of a compressed page before upload (H5: the `blob:` URL the canvas produced). */
export async function readPageBytes(filePath: string): Promise<ArrayBuffer> {
  const res = await fetch(filePath)
  if (!res.ok) throw new Error('无法读取这张图片，请重新选择')
  return res.arrayBuffer()
}
