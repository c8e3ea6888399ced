import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { buttonA11y } from '@/components/a11y'
import { Button, Photo, Tag, confirm, toast } from '@/components/ui'
import { sha256 } from 'js-sha256'
import { claimPagePath, documentTypeOf, type DocumentExtension } from '@mutual-aid/contracts'
import { uploadFile } from '@/services/cloud'
import { compressPhoto } from './compress'
import { randomId } from './ids'
import { readPageBytes } from './page-bytes'
import { withAdded, withReplaced, without } from './page-list'
import { openReceipt, pickReceipts, receiptProblem } from './receipt-files'

export interface ChecklistItem {
  key: string
  label: string
  required: boolean
  basis: string
}

interface Pending {
  id: string
  /** A photo to compress, or an electronic receipt uploaded as it is. */
  kind: 'photo' | 'receipt'
  /** The local file to upload (compressed photo, or the receipt), kept so a failed upload retries without picking again. */
  filePath: string | null
  sourcePath: string
  ext: DocumentExtension | 'jpg'
  name: string
  progress: number
  error: string | null
  /** The page this one retakes (its index among the saved pages), or null for a new page. */
  replaces: number | null
}

export interface PhotoUploaderProps {
  item: ChecklistItem
  /** Storage folder: the draft id (new claim) or the claim id (pages added on resubmission). */
  folder: string
  fileIDs: readonly string[]
  /** Temporary links of pages saved in an earlier visit (the function's draft or claim links), for their thumbnails. */
  urls?: Readonly<Record<string, string>>
  /** Called with the new list once a batch has uploaded, or a page was removed or retaken; the parent saves it. */
  onChange: (fileIDs: string[]) => Promise<boolean> | boolean
  disabled?: boolean
}

/** Photos a person may pick at once (wx.chooseMedia allows up to 20; nine fit one screen of thumbnails). */
const PICK_AT_ONCE = 9
/** Uploads running at once: a ward's phone network carries two or three well; more only slows each one. */
const PARALLEL_UPLOADS = 3

/** Runs `work` over `items`, at most `limit` at a time; every item settles (a failure does not stop the others). */
async function settleAll<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await work(items[next++])
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

/**
 * Checklist items a hospital may issue electronically (电子票据, e-settlement statements, e-reports and records): their
 * pages may be PDF/OFD files as well as photos. Identity papers and certificates of other offices are photographed.
 */
const ELECTRONIC_ITEMS: readonly string[] = ['inpatient_receipts', 'settlement_statement', 'discharge_summary', 'diagnostic_reports', 'diagnosis_proof', 'medical_record', 'surgery_report', 'other']

/** Whether an item's pages may be electronic files (PDF/OFD). */
export function takesFiles(item: Pick<ChecklistItem, 'key'>): boolean {
  return ELECTRONIC_ITEMS.includes(item.key)
}

/**
 * One checklist item: its pages — photos from camera or album (`chooseMedia`, several at once) and, for receipts, PDF/OFD
 * files (`chooseMessageFile` on a phone, a file input in a browser). A batch uploads in parallel, each page under a name
 * made from its content's hash (photos compressed on the device first), and is saved with the draft ONCE when the
 * batch is done — one versioned save, never several racing. Every page shows as a thumbnail (pages of an earlier visit
 * through their temporary links) with 删除 and 重拍; a failed page keeps its file and offers 重试.
 */
export function PhotoUploader({ item, folder, fileIDs, urls = {}, onChange, disabled }: PhotoUploaderProps) {
  const acceptsFiles = takesFiles(item)
  const [pending, setPending] = useState<Pending[]>([])
  // The compressed local copy of each page uploaded in this visit, for its thumbnail before any link exists.
  const localCopies = useRef(new Map<string, string>())
  const latest = useRef(fileIDs)
  latest.current = fileIDs

  const patch = (id: string, change: Partial<Pending>) => setPending((list) => list.map((p) => (p.id === id ? { ...p, ...change } : p)))

  /** Uploads one page; its fileID, or null (the page shows its error and 重试). */
  async function upload(p: Pending): Promise<string | null> {
    try {
      let filePath = p.filePath
      if (!filePath) {
        filePath = p.kind === 'photo' ? (await compressPhoto(p.sourcePath)).filePath : p.sourcePath
        patch(p.id, { filePath })
        p.filePath = filePath
      }
      // The page is stored under its content's sha-256: a path names one content, so the cloud can tell if a page was
      // overwritten after it was submitted (cloudfunctions/claims/src/evidence.ts).
      const hash = sha256(await readPageBytes(filePath))
      const { fileID } = await uploadFile({
        cloudPath: claimPagePath(folder, item.key, hash, p.ext),
        filePath,
        onProgress: (progress) => patch(p.id, { progress }),
      })
      if (p.kind === 'photo') localCopies.current.set(fileID, filePath)
      patch(p.id, { progress: 100 })
      return fileID
    } catch (err) {
      patch(p.id, { error: (err as Error)?.message || '上传失败，请重试', progress: 0 })
      return null
    }
  }

  /** Uploads a batch in parallel, then saves every page that made it with one change of the list. */
  async function uploadBatch(batch: Pending[]): Promise<void> {
    const done = new Map<string, string>()
    await settleAll(batch, PARALLEL_UPLOADS, async (p) => {
      const fileID = await upload(p)
      if (fileID) done.set(p.id, fileID)
    })
    if (done.size === 0) return
    let next = [...latest.current]
    const added: string[] = []
    for (const p of batch) {
      const fileID = done.get(p.id)
      if (!fileID) continue
      if (p.replaces !== null) next = withReplaced(next, p.replaces, fileID)
      else added.push(fileID)
    }
    next = withAdded(next, added)
    const saved = await onChange(next)
    if (!saved) {
      for (const p of batch) if (done.has(p.id)) patch(p.id, { error: '保存失败，请点重试', progress: 0 })
      return
    }
    setPending((list) => list.filter((x) => !done.has(x.id)))
  }

  function newPending(kind: Pending['kind'], sourcePath: string, ext: Pending['ext'], name: string, replaces: number | null = null): Pending {
    return { id: randomId(10), kind, filePath: null, sourcePath, ext, name, progress: 0, error: null, replaces }
  }

  async function choosePhotos(replaces: number | null = null): Promise<void> {
    let paths: string[]
    try {
      // The original: compressPhoto scales it once, to exactly the size a reviewer needs.
      const res = await Taro.chooseMedia({ count: replaces === null ? PICK_AT_ONCE : 1, mediaType: ['image'], sizeType: ['original'], sourceType: ['camera', 'album'] })
      paths = res.tempFiles.map((f) => f.tempFilePath)
    } catch {
      return // cancelled, or the privacy agreement was declined
    }
    const batch = paths.map((path, i) => newPending('photo', path, 'jpg', `照片 ${i + 1}`, replaces))
    setPending((list) => [...list, ...batch])
    await uploadBatch(batch)
  }

  async function chooseReceipts(): Promise<void> {
    const picked = await pickReceipts()
    const refused = picked.map((f) => receiptProblem(f)).filter((m): m is string => m !== null)
    if (refused.length > 0) toast(refused[0], 'warning')
    // Files that are neither PDF nor OFD are named above, never silently dropped.
    const batch = picked.filter((f) => f.ext && !receiptProblem(f)).map((f) => newPending('receipt', f.filePath, f.ext as DocumentExtension, f.name))
    if (batch.length === 0) return
    setPending((list) => [...list, ...batch])
    await uploadBatch(batch)
  }

  async function remove(fileID: string, n: number): Promise<void> {
    const sure = await confirm({ title: `删除第 ${n} 页？`, content: `将从「${item.label}」中删除这一页。`, confirmText: '删除', danger: true })
    if (!sure) return
    const okSaved = await onChange(without(latest.current, fileID))
    if (!okSaved) toast('删除失败，请重试', 'error')
  }

  async function open(fileID: string): Promise<void> {
    const doc = documentTypeOf(fileID)
    const url = urls[fileID]
    if (doc) {
      if (!url) return toast('文件已保存；提交后可在申请详情中打开', 'info')
      return openReceipt(url, doc).catch((err: Error) => toast(err.message || '打开失败，请稍后重试', 'error'))
    }
    const src = localCopies.current.get(fileID) ?? url
    if (src) void Taro.previewImage({ urls: [src], current: src })
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
        {fileIDs.map((id, i) => {
          const doc = documentTypeOf(id)
          const src = localCopies.current.get(id) ?? urls[id]
          return (
            <View key={id} className="claim-photos__page claim-photos__page--done" data-page={i + 1}>
              {/* Named by what it shows: the photo's alt text, or the file type with the page (read, not shown). */}
              <View className="claim-photos__tile" {...buttonA11y('', () => void open(id))} onClick={() => void open(id)}>
                {doc ? (
                  <View className="claim-photos__doc">
                    <Text className="claim-photos__doc-type">{doc.toUpperCase()}</Text>
                    <Text>电子文件</Text>
                    <Text className="ma-visually-hidden">{`${item.label} 第 ${i + 1} 页`}</Text>
                  </View>
                ) : src ? (
                  <Photo className="claim-photos__thumb" src={src} alt={`${item.label} 第 ${i + 1} 页`} />
                ) : (
                  <View className="claim-photos__thumb claim-photos__thumb--loading">
                    <Text>照片</Text>
                    <Text className="ma-visually-hidden">{`${item.label} 第 ${i + 1} 页`}</Text>
                  </View>
                )}
              </View>
              <Text className="claim-photos__caption">第 {i + 1} 页</Text>
              {!disabled ? (
                <View className="claim-photos__page-actions">
                  {!doc ? (
                    <Text className="claim-photos__link" {...buttonA11y(`重拍第 ${i + 1} 页`, () => void choosePhotos(i))} onClick={() => void choosePhotos(i)}>
                      重拍
                    </Text>
                  ) : null}
                  <Text className="claim-photos__remove" {...buttonA11y(`删除第 ${i + 1} 页`, () => void remove(id, i + 1))} onClick={() => void remove(id, i + 1)}>
                    删除
                  </Text>
                </View>
              ) : null}
            </View>
          )
        })}
        {pending.map((p) => (
          <View key={p.id} className={`claim-photos__page ${p.error ? 'claim-photos__page--error' : ''}`}>
            <View className="claim-photos__tile">
              {p.kind === 'photo' ? (
                <Photo className="claim-photos__thumb" src={p.filePath ?? p.sourcePath} alt={`${item.label}，上传中的${p.name}`} />
              ) : (
                <View className="claim-photos__doc">
                  <Text className="claim-photos__doc-type">{p.ext.toUpperCase()}</Text>
                  <Text className="claim-photos__doc-name">{p.name}</Text>
                </View>
              )}
            </View>
            {p.error ? (
              <>
                <Text className="claim-photos__caption claim-photos__caption--error">{p.error}</Text>
                <Text
                  className="claim-photos__retry"
                  onClick={() => {
                    patch(p.id, { error: null })
                    void uploadBatch([{ ...p, error: null }])
                  }}
                >
                  重试
                </Text>
              </>
            ) : (
              <Text className="claim-photos__caption">{p.progress >= 100 ? '正在保存…' : `上传中 ${p.progress}%`}</Text>
            )}
          </View>
        ))}
      </View>
      {!disabled ? (
        <View className="claim-photos__actions">
          <Button size="small" variant="outline" theme="primary" onClick={() => void choosePhotos()}>
            拍照或从相册选择（可多张）
          </Button>
          {acceptsFiles ? (
            <Button size="small" variant="outline" theme="primary" onClick={() => void chooseReceipts()}>
              {item.key === 'inpatient_receipts' ? '上传电子票据（PDF/OFD）' : '上传电子文件（PDF/OFD）'}
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
