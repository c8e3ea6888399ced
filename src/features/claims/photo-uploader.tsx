import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { Button, Tag, toast } from '@/components/ui'
import { sha256 } from 'js-sha256'
import { claimPagePath } from '@mutual-aid/contracts'
import { uploadFile } from '@/services/cloud'
import { compressPhoto } from './compress'
import { randomId } from './ids'
import { readPageBytes } from './page-bytes'

export interface ChecklistItem {
  key: string
  label: string
  required: boolean
  basis: string
}

interface Pending {
  id: string
  /** The compressed local file, kept so a failed upload can be retried without choosing the photo again. */
  filePath: string | null
  sourcePath: string
  progress: number
  error: string | null
}

export interface PhotoUploaderProps {
  item: ChecklistItem
  /** Storage folder: the draft id (new claim) or the claim id (pages added on resubmission). */
  folder: string
  fileIDs: readonly string[]
  /** Called with the new list after each page finishes uploading or is removed; the parent saves it. */
  onChange: (fileIDs: string[]) => Promise<boolean> | boolean
  disabled?: boolean
}

/** Photos a person may pick at once (wx.chooseMedia allows up to 20; nine fit one screen of thumbnails). */
const PICK_AT_ONCE = 9

/**
 * One checklist item: its pages (one or more photos from camera or album, `chooseMedia`), each shown as a thumbnail,
 * compressed on the device to at most 1600 px and uploaded with progress under a name made from its content's hash; a
 * failed page keeps its photo and offers 重试. Pages saved in an earlier visit show as numbered tiles (the photos
 * themselves open only through the claim's temporary links once it is submitted).
 */
export function PhotoUploader({ item, folder, fileIDs, onChange, disabled }: PhotoUploaderProps) {
  const [pending, setPending] = useState<Pending[]>([])
  // The latest saved list, so concurrent uploads of several pages append instead of overwriting each other.
  const saved = useRef<string[]>([...fileIDs])
  saved.current = [...fileIDs]
  const queue = useRef<Promise<unknown>>(Promise.resolve())
  // The compressed local copy of each page uploaded in this visit, for its thumbnail.
  const localCopies = useRef(new Map<string, string>())

  const patch = (id: string, change: Partial<Pending>) =>
    setPending((list) => list.map((p) => (p.id === id ? { ...p, ...change } : p)))

  async function uploadOne(p: Pending): Promise<void> {
    try {
      let filePath = p.filePath
      if (!filePath) {
        filePath = (await compressPhoto(p.sourcePath)).filePath
        patch(p.id, { filePath })
      }
      // The page is stored under its content's sha-256: a path names one content, so the cloud can tell if a page was
      // overwritten after it was submitted (cloudfunctions/claims/src/evidence.ts).
      const hash = sha256(await readPageBytes(filePath))
      const { fileID } = await uploadFile({
        cloudPath: claimPagePath(folder, item.key, hash, 'jpg'),
        filePath,
        onProgress: (progress) => patch(p.id, { progress }),
      })
      // Save one page at a time (the draft is versioned).
      const run = queue.current.then(async () => {
        const next = [...saved.current, fileID]
        const okSaved = await onChange(next)
        if (!okSaved) throw new Error('保存失败，请重试')
        saved.current = next
      })
      queue.current = run.catch(() => undefined)
      await run
      localCopies.current.set(fileID, filePath)
      setPending((list) => list.filter((x) => x.id !== p.id))
    } catch (err) {
      patch(p.id, { error: (err as Error)?.message || '上传失败，请重试', progress: 0 })
    }
  }

  async function choose(): Promise<void> {
    let paths: string[]
    try {
      // The original: compressPhoto scales it once, to exactly the size a reviewer needs.
      const res = await Taro.chooseMedia({ count: PICK_AT_ONCE, mediaType: ['image'], sizeType: ['original'], sourceType: ['camera', 'album'] })
      paths = res.tempFiles.map((f) => f.tempFilePath)
    } catch {
      return // cancelled, or the privacy agreement was declined
    }
    const added: Pending[] = paths.map((sourcePath) => ({ id: randomId(10), filePath: null, sourcePath, progress: 0, error: null }))
    setPending((list) => [...list, ...added])
    await Promise.all(added.map((p) => uploadOne(p)))
  }

  async function remove(fileID: string): Promise<void> {
    const next = saved.current.filter((id) => id !== fileID)
    const okSaved = await onChange(next)
    if (!okSaved) toast('删除失败，请重试', 'error')
  }

  const count = fileIDs.length
  return (
    <View className="claim-photos" data-item={item.key}>
      <View className="claim-photos__head">
        <Text className="claim-photos__label">
          {item.label}
          {item.required ? <Text className="claim-photos__required">（必传）</Text> : <Text className="claim-photos__optional">（如有）</Text>}
        </Text>
        {count > 0 ? (
          <Tag theme="success" size="small">已传 {count} 页</Tag>
        ) : item.required ? (
          <Tag theme="warning" size="small">待上传</Tag>
        ) : null}
      </View>
      <View className="claim-photos__pages">
        {fileIDs.map((id, i) => (
          <View key={id} className="claim-photos__page claim-photos__page--done">
            {localCopies.current.has(id) ? <Image className="claim-photos__thumb" src={localCopies.current.get(id) ?? ''} mode="aspectFill" /> : null}
            <Text>第 {i + 1} 页 ✓</Text>
            {!disabled ? (
              <Text className="claim-photos__remove" onClick={() => void remove(id)}>
                删除
              </Text>
            ) : null}
          </View>
        ))}
        {pending.map((p) => (
          <View key={p.id} className={`claim-photos__page ${p.error ? 'claim-photos__page--error' : ''}`}>
            <Image className="claim-photos__thumb" src={p.filePath ?? p.sourcePath} mode="aspectFill" />
            {p.error ? (
              <>
                <Text>{p.error}</Text>
                <Text className="claim-photos__retry" onClick={() => { patch(p.id, { error: null }); void uploadOne(p) }}>
                  重试
                </Text>
              </>
            ) : (
              <Text>上传中 {p.progress}%</Text>
            )}
          </View>
        ))}
      </View>
      {!disabled ? (
        <Button size="small" variant="outline" theme="primary" onClick={() => void choose()}>
          拍照或从相册选择
        </Button>
      ) : null}
    </View>
  )
}
