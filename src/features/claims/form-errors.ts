import { submitFactsSchema, type ClaimKind, type DraftFacts } from '@mutual-aid/contracts'

/**
 * Field → first problem, from the same schema the function checks on submit, so the form says exactly what the
 * cloud would refuse. Keys are dot paths (`payee.account`).
 */
export function factsErrors(kind: ClaimKind, facts: DraftFacts, filedAs?: 'worker' | 'clerk' | 'beneficiary'): Record<string, string> {
  const parsed = submitFactsSchema(kind, filedAs).safeParse(facts)
  if (parsed.success) return {}
  const out: Record<string, string> = {}
  for (const issue of parsed.error.issues) {
    const key = issue.path.join('.')
    if (!(key in out)) out[key] = issue.message
  }
  return out
}

/** Date fields are typed as text `YYYY-MM-DD`: an unfinished one is left out of the facts instead of failing. */
export function dateOrUndefined(text: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? text.trim() : undefined
}
