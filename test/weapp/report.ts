/** The weapp host's report: pages × roles, the flows' steps, and what each phone asked of WeChat. */
import { TDESIGN_COMPONENTS } from '../../src/components/ui/native-components'
import type { HostRun } from './context'

export function writeReport(run: HostRun): string {
  const lines: string[] = ['# weapp host report', '']
  const roles = [...new Set(run.visits.map((v) => v.role))]
  const pages = [...new Set(run.visits.map((v) => v.page))]
  lines.push('## Pages × roles', '', `| page | ${roles.join(' | ')} |`, `|---|${roles.map(() => '---').join('|')}|`)
  for (const page of pages) {
    const cells = roles.map((role) => {
      const v = run.visits.find((x) => x.page === page && x.role === role)
      return v ? (v.ok ? '✓' : '✗') : ''
    })
    lines.push(`| ${page} | ${cells.join(' | ')} |`)
  }
  const failedVisits = run.visits.filter((v) => !v.ok)
  if (failedVisits.length) {
    lines.push('', '### Failed visits', '')
    for (const v of failedVisits) lines.push(`- **${v.page} · ${v.role}**`, ...v.problems.map((p) => `  - ${p.split('\n')[0]}`))
  }
  lines.push('', '### What each visit showed', '')
  for (const v of run.visits) lines.push(`- ${v.page} · ${v.role}: ${v.shows}`)

  lines.push('', '## Flows', '', '| flow | step | result | time |', '|---|---|---|---|')
  for (const s of run.steps) lines.push(`| ${s.group} | ${s.name} | ${s.ok ? '✓' : '✗'} | ${(s.ms / 1000).toFixed(1)} s |`)
  for (const s of run.steps.filter((x) => !x.ok)) lines.push('', `### ✗ ${s.group}: ${s.name}`, '', '```', s.detail, '```')

  const subscribe = run.phones.flatMap((p) => p.subscribeRequests)
  lines.push('', '## Subscribe requests', '', `${subscribe.length} requests, ${subscribe.filter((r) => r.inTap).length} inside a tap.`, '')
  for (const r of subscribe) lines.push(`- ${r.page}: ${r.tmplIds.join(', ')} ${r.inTap ? '(in tap)' : '(NOT in a tap)'}`)

  const rendered = new Map<string, Set<string>>()
  for (const p of run.phones) for (const [route, tags] of p.renderedComponents) rendered.set(route, new Set([...(rendered.get(route) ?? []), ...tags]))
  lines.push('', '## Native components rendered per page', '')
  for (const [route, tags] of [...rendered].sort()) lines.push(`- ${route}: ${[...tags].filter((t) => t in TDESIGN_COMPONENTS).sort().join(', ') || '—'}`)

  const warnings = run.phones.flatMap((p) => p.warnings)
  lines.push('', `## Warnings (${warnings.length})`, '')
  for (const w of warnings.slice(0, 50)) lines.push(`- [${w.kind}] ${w.page}: ${w.message.split('\n')[0]}`)
  return `${lines.join('\n')}\n`
}
