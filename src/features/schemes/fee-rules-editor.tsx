import { Text, View } from '@tarojs/components'
import type { FeeRule, Product, UnitType } from '@mutual-aid/shared-rules'
import { PRODUCT_LABEL, UNIT_TYPE_LABEL } from '@mutual-aid/contracts'
import { ValueField } from './value-field'

export interface FeeRulesEditorProps {
  rules: readonly FeeRule[]
  onChange: (rules: FeeRule[]) => void
  /** Problems by index path within the rules (`0.byUnitType.private`). */
  errors?: Record<string, string>
}

const UNIT_TYPES: UnitType[] = ['agency', 'institution', 'social_org', 'soe', 'private_non_enterprise', 'private']

/**
 * The fee rules of a version, one block per product, in the units the documents use: per share per month (WH 第六条),
 * per person per month by unit type (TZ inpatient), or per person per period (TZ critical and women's products).
 */
export function FeeRulesEditor({ rules, onChange, errors = {} }: FeeRulesEditorProps) {
  const set = (i: number, patch: Partial<FeeRule>) => onChange(rules.map((r, j) => (j === i ? ({ ...r, ...patch } as FeeRule) : r)))
  return (
    <View className="schemes-fees">
      {rules.map((rule, i) => (
        <View key={`${rule.product}-${i}`} className="schemes-block" data-fee={rule.product}>
          <Text className="schemes-block__title">
            {PRODUCT_LABEL[rule.product as Product]} · {rule.per === 'share_month' ? '按份按月' : rule.per === 'person_month' ? '按人按月' : rule.onlySex === 'female' ? '女职工每人每期' : '每人每期'}
          </Text>
          <Text className="schemes-block__basis">依据：{rule.basis}</Text>
          {rule.per === 'share_month' ? (
            <>
              <ValueField label="首次参加（元/份/月）" kind="yuan" value={rule.firstTimeFen} onChange={(v) => set(i, { firstTimeFen: v as number })} error={errors[`${i}.firstTimeFen`]} />
              <ValueField label="续保（元/份/月）" kind="yuan" value={rule.renewingFen} onChange={(v) => set(i, { renewingFen: v as number })} error={errors[`${i}.renewingFen`]} />
            </>
          ) : null}
          {rule.per === 'person_month' ? (
            <>
              {UNIT_TYPES.map((t) => (
                <ValueField
                  key={t}
                  label={`${UNIT_TYPE_LABEL[t]}（元/人/月）`}
                  kind="yuan"
                  value={rule.byUnitType[t]}
                  onChange={(v) => set(i, { byUnitType: { ...rule.byUnitType, [t]: v as number } })}
                  error={errors[`${i}.byUnitType.${t}`]}
                />
              ))}
              <ValueField label="其中银行、保险机构（元/人/月）" kind="yuan" value={rule.financeFen} onChange={(v) => set(i, { financeFen: v as number })} error={errors[`${i}.financeFen`]} />
            </>
          ) : null}
          {rule.per === 'person_period' ? (
            <ValueField label={rule.onlySex === 'female' ? '女职工（元/人/期）' : '每人（元/人/期）'} kind="yuan" value={rule.fen} onChange={(v) => set(i, { fen: v as number })} error={errors[`${i}.fen`]} />
          ) : null}
        </View>
      ))}
    </View>
  )
}
