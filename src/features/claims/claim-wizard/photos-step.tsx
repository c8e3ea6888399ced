import { View } from '@tarojs/components'
import { Button } from '@/components/ui'
import { PhotoUploader } from '../photo-uploader'
import type { ClaimWizard } from './use-claim-wizard'

/** Step 3 — photos per checklist item, each page saved with the draft as it finishes uploading. */
export function PhotosStep({ wizard }: { wizard: ClaimWizard }) {
  const { state, view } = wizard
  if (!state.draft) return null
  const folder = state.draft.id
  return (
    <>
      <View className="claims-notice">
        请按下列清单逐项上传，每项可一次选多张照片；医院开具的电子票据、电子报告可直接上传 PDF 或 OFD 文件。照片会在手机上压缩后上传，仅审核人员可查看。已上传的材料会自动保存，退出后可继续填写。
      </View>
      <View className="claims-section">
        {view.checklist.map((item) => (
          <PhotoUploader key={item.key} item={item} folder={folder} fileIDs={state.files[item.key] ?? []} urls={wizard.fileUrls} onChange={(ids) => wizard.savePhotos(item.key, ids)} />
        ))}
      </View>
      <View className="claims-actions">
        <Button variant="outline" onClick={() => wizard.go('facts')}>
          修改信息
        </Button>
        <Button theme="primary" onClick={wizard.toSubmit}>
          下一步
        </Button>
      </View>
    </>
  )
}
