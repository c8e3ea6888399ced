import { Text, View } from '@tarojs/components'
import { UNIT_TYPES, type DayWindow, type DiseaseDef, type FeeRule, type Product, type Scheme } from '@mutual-aid/shared-rules'
import { CellGroup, Checkbox } from '@/components/ui'
import { SAME_FOR_EVERY_UNIT_TYPE, SECTIONS, WINDOW_LISTS } from './fields'
import { getAt, pathKey, setAt, type Path } from './paths'
import { ValueField } from './value-field'
import { FeeRulesEditor } from './fee-rules-editor'
import { DiseaseListEditor } from './disease-list-editor'
import { WindowListEditor } from './window-list-editor'

export interface SchemeEditorProps {
  scheme: Scheme
  onChange: (scheme: Scheme) => void
  /** The schema's problems by path (`critical.severeFen`), shown on their fields. */
  issues: Record<string, string>
}

/** Issues under `prefix`, keyed by the rest of their path. */
function under(issues: Record<string, string>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(issues)) if (k.startsWith(`${prefix}.`)) out[k.slice(prefix.length + 1)] = v
  return out
}

/**
 * The whole version on a phone: its sections of dated and numbered fields (each citing the article it rests on), its
 * fees, its benefit windows (WH) and its disease lists. Every change goes through `onChange` as a new version object;
 * the page validates it with the rules' own schema and shows the problems here.
 */
export function SchemeEditor({ scheme, onChange, issues }: SchemeEditorProps) {
  const set = (path: Path, value: unknown) => {
    let next = setAt(scheme, path, value)
    // WH 第四条 sets one rule for every unit type.
    if (scheme.family === 'WH' && SAME_FOR_EVERY_UNIT_TYPE.includes(pathKey(path))) {
      for (const t of UNIT_TYPES) next = setAt(next, ['participation', t, path[2]], value)
    }
    onChange(next)
  }
  return (
    <View className="schemes-editor">
      {SECTIONS[scheme.family].map((section) => (
        <CellGroup key={section.title} title={section.title} theme="card">
          {section.fields.map((f) => {
            const basis = f.basis ? getAt(scheme, f.basis) : undefined
            const tips = [typeof basis === 'string' ? `依据：${basis}` : '', f.hint ?? ''].filter(Boolean).join('；')
            return <ValueField key={pathKey(f.path)} label={f.label} kind={f.kind} value={getAt(scheme, f.path)} onChange={(v) => set(f.path, v)} error={issues[pathKey(f.path)]} tips={tips || undefined} />
          })}
        </CellGroup>
      ))}

      <CellGroup title={`缴费标准（${scheme.feesBasis}）`} theme="card">
        <Checkbox
          label="缴费标准另行公布"
          description="勾选后本版本发布时不含缴费标准，由互助办在“方案管理”中另行公布后才能申报"
          checked={scheme.fees === null}
          onChange={(pending) => set(['fees'], pending ? null : defaultFees(scheme))}
        />
        {scheme.fees ? <FeeRulesEditor rules={scheme.fees} onChange={(rules: FeeRule[]) => set(['fees'], rules)} errors={under(issues, 'fees')} /> : null}
        {issues.fees ? <Text className="schemes-error">{issues.fees}</Text> : null}
      </CellGroup>

      {scheme.family === 'WH'
        ? WINDOW_LISTS.map((w) => (
            <WindowListEditor
              key={pathKey(w.path)}
              title={w.title}
              windows={getAt(scheme, w.path) as DayWindow[]}
              onChange={(next) => set(w.path, next)}
              errors={under(issues, pathKey(w.path))}
            />
          ))
        : null}

      {(Object.keys(scheme.diseases) as Product[]).map((product) => (
        <DiseaseListEditor
          key={product}
          product={product}
          diseases={scheme.diseases[product] as DiseaseDef[]}
          onChange={(next) => set(['diseases', product], next)}
          errors={under(issues, `diseases.${product}`)}
        />
      ))}
    </View>
  )
}

/** Fees to start from when the office sets them in the version itself: one zero rule per product, in its family's form. */
function defaultFees(s: Scheme): FeeRule[] {
  const basis = s.feesBasis
  if (s.family === 'WH') return s.products.map((p) => ({ per: 'share_month' as const, product: p.id, firstTimeFen: 0, renewingFen: 0, basis }))
  return s.products.map((p) =>
    p.id === 'inpatient'
      ? { per: 'person_month' as const, product: p.id, byUnitType: { agency: 0, institution: 0, social_org: 0, soe: 0, private_non_enterprise: 0, private: 0 }, financeFen: 0, basis }
      : { per: 'person_period' as const, product: p.id, fen: 0, ...(p.id === 'female' ? { onlySex: 'female' as const } : {}), basis },
  )
}
