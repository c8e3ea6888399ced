import { Text, View } from '@tarojs/components'
import { REMARK_LIMIT_BYTES, paymentReference, remarkBytes, remarkMaxBytes, type PaymentReferenceRule } from '@mutual-aid/contracts'
import { CellGroup, Checkbox, Input, Stepper } from '@/components/ui'

/** The example the preview is made for: a long name, so the office sees where it is cut. */
const EXAMPLE = { unitName: '台州市海悦电子科技股份有限公司', year: 2021, enrolmentId: 'enr-7f3a9c21' }

export interface RuleErrors {
  unitNameChars?: string
  word?: string
}

/** The remark an example declaration would be given under `rule`, for the preview and the confirmation. */
export const exampleReference = (rule: PaymentReferenceRule): string => paymentReference(rule, EXAMPLE)

/**
 * 转账附言: what the office puts in the remark a unit quotes when it pays — how many characters of the unit's name,
 * the year, a fixed word — with the declaration code always last. The preview shows an example and the longest remark
 * the rule can make against the bank's limit.
 */
export function ReferenceRuleEditor({ rule, errors, onChange }: { rule: PaymentReferenceRule; errors: RuleErrors; onChange: (rule: PaymentReferenceRule) => void }) {
  const example = exampleReference(rule)
  const longest = remarkMaxBytes(rule)
  return (
    <View className="payment-settings__rule">
      <CellGroup title="转账附言">
        <View className="enrol-row">
          <View className="enrol-row__main">
            <Text className="enrol-row__name">单位名称取前几个字</Text>
            <Text className="enrol-row__sub">0 表示不写单位名称，最多 20 个字</Text>
          </View>
          <Stepper label="单位名称取前几个字" value={rule.unitNameChars} min={0} max={20} onChange={(unitNameChars) => onChange({ ...rule, unitNameChars })} />
        </View>
        <Checkbox label="写上申报年度" description="如 2021" checked={rule.year} onChange={(year) => onChange({ ...rule, year })} />
        <Input
          label="固定文字"
          value={rule.word}
          onChange={(word) => onChange({ ...rule, word })}
          placeholder="如 互助费，可不填"
          tips="只用汉字、字母和数字，最多 10 个字"
          error={errors.word}
        />
        <View className="enrol-row">
          <View className="enrol-row__main">
            <Text className="enrol-row__name">申报编号末 8 位</Text>
            <Text className="enrol-row__sub">总在最后，不能去掉：核对到账时靠它找到对应申报</Text>
          </View>
        </View>
      </CellGroup>
      <View className={`enrol-card payment-settings__preview${errors.unitNameChars ? ' payment-settings__preview--error' : ''}`}>
        <Text className="enrol-card__title">附言示例</Text>
        <Text className="enrol-card__line payment-settings__example">{example}</Text>
        <Text className="enrol-card__line">
          {`例为“${EXAMPLE.unitName}” ${EXAMPLE.year} 年度的申报，${remarkBytes(example)} 字节。按这样设置，附言最长 ${longest} 字节；银行附言上限 ${REMARK_LIMIT_BYTES} 字节（${REMARK_LIMIT_BYTES / 2} 个汉字）。`}
        </Text>
        {errors.unitNameChars ? <Text className="enrol-card__line payment-settings__rule-error">{errors.unitNameChars}</Text> : null}
        <Text className="enrol-card__line">已经申报的单位仍按申报时给出的附言转账；修改后的规则用于此后的申报。</Text>
      </View>
    </View>
  )
}
