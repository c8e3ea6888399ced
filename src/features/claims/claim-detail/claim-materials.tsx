import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { ClaimDetail, PageCheck } from '@mutual-aid/contracts'
import { formatDateTimeCn } from '@/components/format'
import { PageCheckNote } from '../page-check-note'
import { materialLabels } from './claim-view'

/**
 * Every version of the materials, newest first, each item's photos through their temporary links; for reviewers, a
 * note on any page that no longer matches what was submitted (`checks`).
 */
export function ClaimMaterials({ claim: c, urls, checks }: { claim: ClaimDetail; urls: Record<string, string>; checks: Record<string, PageCheck> }) {
  const labels = materialLabels(c)
  return (
    <View className="claims-section">
      <Text className="claims-section__title">材料照片</Text>
      {[...c.materials].reverse().map((m) => (
        <View key={m.n} className="claims-gap-bottom">
          <Text className="claims-section__hint">
            第 {m.n} 版 · {formatDateTimeCn(m.at)}
            {m.note ? ` · ${m.note}` : ''}
            {m.n === c.materials.length ? '（当前）' : ''}
          </Text>
          {Object.entries(m.files).map(([key, ids]) => (
            <View key={key}>
              <Text className="claims-section__hint">
                {labels[key] ?? key}（{ids.length} 页）
              </Text>
              <View className="claims-thumbs">
                {ids.map((id) =>
                  urls[id] ? (
                    <Image
                      key={id}
                      className="claims-thumbs__img"
                      src={urls[id]}
                      mode="aspectFill"
                      onClick={() => void Taro.previewImage({ urls: ids.map((x) => urls[x]).filter(Boolean), current: urls[id] })}
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
      ))}
      <Text className="claims-section__hint">照片仅申请人和审核人员可见，链接 10 分钟内有效。</Text>
    </View>
  )
}
