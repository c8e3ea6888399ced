import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { documentTypeOf, type ClaimDetail, type PageCheck } from '@mutual-aid/contracts'
import { formatDateTimeCn } from '@/components/format'
import { Photo, toast } from '@/components/ui'
import { PageCheckNote } from '../page-check-note'
import { openReceipt } from '../receipt-files'
import { factChanges, materialLabels } from './claim-view'

/** An e-receipt (PDF/OFD) opens as a document: wx.openDocument on a phone, a new tab in a browser. */
function ReceiptTile({ id, url }: { id: string; url: string | undefined }) {
  const type = documentTypeOf(id) ?? 'pdf'
  return (
    <View
      className="claims-receipt"
      data-testid="receipt-tile"
      onClick={() => {
        if (!url) return toast('链接已过期，请返回后重新打开本页', 'warning')
        void openReceipt(url, type).catch((err: Error) => toast(err.message || '打开失败，请稍后重试', 'error'))
      }}
    >
      <Text>{type.toUpperCase()}</Text>
    </View>
  )
}

/**
 * Every version of the materials, newest first, each item's photos through their temporary links; for reviewers, a
 * note on any page that no longer matches what was submitted (`checks`).
 */
export function ClaimMaterials({ claim: c, urls, checks }: { claim: ClaimDetail; urls: Record<string, string>; checks: Record<string, PageCheck> }) {
  const labels = materialLabels(c)
  return (
    <View className="claims-section">
      <Text className="claims-section__title">材料与更正记录</Text>
      {[...c.materials].reverse().map((m) => {
        const before = c.materials.find((x) => x.n === m.n - 1)
        const changes = before ? factChanges(c.kind, before.facts, m.facts) : []
        return (
        <View key={m.n} className="claims-gap-bottom" data-version={m.n}>
          <Text className="claims-section__hint">
            第 {m.n} 版 · {formatDateTimeCn(m.at)}
            {m.note ? ` · ${m.note}` : ''}
            {m.n === c.materials.length ? '（当前）' : ''}
          </Text>
          {changes.length > 0 ? (
            <Text className="claims-version-changes" data-testid="version-changes">
              {`本版更正了申请信息：\n${changes.map((ch) => `${ch.label}：${ch.before} → ${ch.after}`).join('\n')}`}
            </Text>
          ) : null}
          {Object.entries(m.files).map(([key, ids]) => (
            <View key={key}>
              <Text className="claims-section__hint">
                {labels[key] ?? key}（{ids.length} 页）
              </Text>
              <View className="claims-thumbs">
                {ids.map((id, i) =>
                  documentTypeOf(id) ? (
                    <ReceiptTile key={id} id={id} url={urls[id]} />
                  ) : urls[id] ? (
                    <Photo
                      key={id}
                      className="claims-thumbs__img"
                      src={urls[id]}
                      alt={`${labels[key] ?? key} 第 ${i + 1} 页`}
                      onClick={() => void Taro.previewImage({ urls: ids.filter((x) => !documentTypeOf(x)).map((x) => urls[x]).filter(Boolean), current: urls[id] })}
                    />
                  ) : (
                    <View key={id} className="claims-thumbs__img" />
                  ),
                )}
              </View>
              <PageCheckNote ids={ids} checks={checks} />
            </View>
          ))}
        </View>
        )
      })}
      <Text className="claims-section__hint">材料仅申请人和审核人员可见，链接 10 分钟内有效；PDF/OFD 为电子票据，点击打开。</Text>
    </View>
  )
}
