import { useEffect, useState } from 'react'
import { DatePicker, Input } from '@/components/ui'
import type { FieldKind } from './fields'
import { fromText, toText } from './number-text'

export interface ValueFieldProps {
  label: string
  kind: FieldKind
  value: unknown
  /** Called with the value the text stands for (fen for yuan, a number, `null` for an empty optional field). */
  onChange: (value: unknown) => void
  /** A problem the schema found with the stored value. */
  error?: string
  tips?: string
}

/**
 * One value of a scheme version, typed as people read it (yuan, %, days) and stored as the rules read it (fen,
 * numbers). The text is kept while it is being typed, so `12.` or an empty field is not rewritten under the finger;
 * text that cannot be read shows why and changes nothing.
 */
export function ValueField({ label, kind, value, onChange, error, tips }: ValueFieldProps) {
  const [text, setText] = useState(() => toText(kind, value))
  const [own, setOwn] = useState<string | undefined>()
  // A reload (another user's save, a JSON import) replaces what is shown.
  useEffect(() => {
    const parsed = fromText(kind, text)
    if (!('value' in parsed) || parsed.value !== value) {
      setText(toText(kind, value))
      setOwn(undefined)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, kind])

  if (kind === 'date') {
    return <DatePicker label={label} value={typeof value === 'string' ? value : null} onChange={(v) => onChange(v)} error={error} />
  }
  const suffix = kind === 'yuan' || kind === 'optionalYuan' ? '元' : kind === 'percent' ? '%' : undefined
  return (
    <Input
      label={label}
      value={text}
      type={kind === 'text' ? 'text' : kind === 'percent' || kind === 'yuan' || kind === 'optionalYuan' ? 'digit' : 'number'}
      suffix={suffix}
      // The documents' labels are long (they name the article's case): above the field, never squeezed beside it.
      layout="vertical"
      error={own ?? error}
      tips={tips}
      onChange={(next) => {
        setText(next)
        const parsed = fromText(kind, next)
        if ('error' in parsed) return setOwn(parsed.error)
        setOwn(undefined)
        onChange(parsed.value)
      }}
    />
  )
}
