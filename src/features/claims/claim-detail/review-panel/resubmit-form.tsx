import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { ClaimDetail, ClaimFiles } from '@mutual-aid/contracts'
import { Button, Textarea } from '@/components/ui'
import { PhotoUploader } from '../../photo-uploader'
import { photoChecklist, resubmissionFiles } from '../claim-view'

export interface ResubmitFormProps {
  claim: ClaimDetail
  busy: boolean
  onCancel: () => void
  /** Keeps one item's pages in the cloud as they are gathered; resolves false if that failed. */
  onSaveItem: (item: string, ids: string[], note: string) => Promise<boolean>
  onSubmit: (note: string) => void
}

/** 补充材料: add or remove pages per checklist item (kept in the cloud as gathered), a note, and 重新提交. */
export function ResubmitForm({ claim: c, busy, onCancel, onSaveItem, onSubmit }: ResubmitFormProps) {
  const [files, setFiles] = useState<ClaimFiles>(() => resubmissionFiles(c))
  const [note, setNote] = useState(c.resubmission?.note ?? '')
  return (
    <View className="claims-section">
      <Text className="claims-section__title">补充材料</Text>
      <Text className="claims-section__hint">可在各项下增加照片或删除不清晰的照片；之前提交的版本会保留在记录中。</Text>
      {photoChecklist(c).map((item) => (
        <PhotoUploader
          key={item.key}
          item={item}
          folder={c.id}
          fileIDs={files[item.key] ?? []}
          onChange={async (ids) => {
            // Kept in the cloud as it is gathered: closing the app before 重新提交 loses nothing.
            const saved = await onSaveItem(item.key, ids, note)
            if (saved) setFiles((f) => ({ ...f, [item.key]: ids }))
            return saved
          }}
        />
      ))}
      <Textarea label="补充说明" value={note} onChange={setNote} placeholder="例如：已重新拍摄出院小结" maxLength={300} />
      <View className="claims-inline-actions">
        <Button variant="outline" onClick={onCancel}>取消</Button>
        <Button theme="primary" loading={busy} onClick={() => onSubmit(note)}>
          重新提交
        </Button>
      </View>
    </View>
  )
}
