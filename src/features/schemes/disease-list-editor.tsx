import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { DiseaseDef, Product } from '@mutual-aid/shared-rules'
import { PRODUCT_LABEL } from '@mutual-aid/contracts'
import { Button, Input, confirm } from '@/components/ui'

export interface DiseaseListEditorProps {
  product: Product
  diseases: readonly DiseaseDef[]
  onChange: (diseases: DiseaseDef[]) => void
  errors?: Record<string, string>
}

/** The next free code of a list (`TZC28` → `TZC29`), keeping the list's own prefix. */
function nextCode(diseases: readonly DiseaseDef[], product: Product): string {
  const prefix = diseases[0]?.code.replace(/\d+$/, '') ?? product.slice(0, 2).toUpperCase()
  const numbers = diseases.map((d) => Number(/(\d+)$/.exec(d.code)?.[1] ?? 0))
  const n = Math.max(0, ...numbers) + 1
  return `${prefix}${String(n).padStart(2, '0')}`
}

/**
 * A product's covered diseases as the document prints them: rename one, remove one (with a confirmation: claims of
 * that disease are then refused under this version), or add one with the list's article. Codes stay: claims name them.
 */
export function DiseaseListEditor({ product, diseases, onChange, errors = {} }: DiseaseListEditorProps) {
  const [adding, setAdding] = useState('')
  const basis = diseases[diseases.length - 1]?.basis ?? ''
  return (
    <View className="schemes-block" data-diseases={product}>
      <Text className="schemes-block__title">
        {PRODUCT_LABEL[product]} · 约定疾病（{diseases.length} 种）
      </Text>
      {basis ? <Text className="schemes-block__basis">依据：{basis}</Text> : null}
      {diseases.map((d, i) => (
        <View key={d.code} className="schemes-row">
          <View className="schemes-row__main">
            <Input
              label={`${d.code}${d.mild ? '（轻症）' : ''}`}
              value={d.name}
              onChange={(name) => onChange(diseases.map((x, j) => (j === i ? { ...x, name } : x)))}
              error={errors[`${i}.name`] ?? errors[`${i}.code`]}
            />
          </View>
          <Button
            size="small"
            variant="text"
            theme="danger"
            onClick={async () => {
              const ok = await confirm({ title: '删除约定疾病', content: `从本版本的清单中删除“${d.name}”？发布后，按本版本参加的职工因该疾病申请将不予给付。`, danger: true })
              if (ok) onChange(diseases.filter((_x, j) => j !== i))
            }}
          >
            删除
          </Button>
        </View>
      ))}
      <View className="schemes-row">
        <View className="schemes-row__main">
          <Input label="新增疾病名称" value={adding} onChange={setAdding} placeholder="按文件原文填写" />
        </View>
        <Button
          size="small"
          variant="outline"
          disabled={adding.trim().length === 0}
          onClick={() => {
            onChange([...diseases, { code: nextCode(diseases, product), name: adding.trim(), basis }])
            setAdding('')
          }}
        >
          添加
        </Button>
      </View>
    </View>
  )
}
