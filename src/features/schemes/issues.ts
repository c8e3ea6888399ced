import { schemeSchema, type Scheme } from '@mutual-aid/shared-rules'

/**
 * The rules' own schema (`schemeSchema`, the one every built-in version passes) run on the edited version, as problems
 * by path for the fields to show — the same check the function makes when the draft is saved.
 */
export function schemeIssues(scheme: Scheme): Record<string, string> {
  const parsed = schemeSchema.safeParse(scheme)
  if (parsed.success) return {}
  const out: Record<string, string> = {}
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join('.')
    out[key] ??= issue.message
  }
  return out
}
