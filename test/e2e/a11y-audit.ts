/**
 * Accessibility audit of every screen the e2e suite photographs (issue 13 item 12): axe-core run in the page, with
 * the violations of impact serious or critical collected per screen. The runner prints the figures and fails one
 * step when any screen has such a violation.
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

export interface ScreenAudit {
  screen: string
  /** rule id → number of offending elements, serious and critical only. */
  serious: Record<string, number>
  /** rule id → the first offending elements' selectors (up to 3), so a failure says where to look. */
  where: Record<string, string[]>
  /** All violations' rule ids (any impact), for the summary. */
  all: string[]
}

interface AxeViolation {
  id: string
  impact: string | null
  nodes: { target: unknown[] }[]
}

export async function auditScreen(page: Page, screen: string): Promise<ScreenAudit> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined')
  if (!loaded) await page.addScriptTag({ content: AXE_SOURCE })
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe
    // Only what is on screen: Taro keeps earlier pages of the stack in the DOM, hidden.
    const result = await axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target })) }))
  })
  const serious: Record<string, number> = {}
  const where: Record<string, string[]> = {}
  for (const v of violations as AxeViolation[]) {
    if (v.impact !== 'serious' && v.impact !== 'critical') continue
    serious[v.id] = (serious[v.id] ?? 0) + v.nodes.length
    where[v.id] = [...(where[v.id] ?? []), ...v.nodes.map((n) => n.target.map(String).join(' >> '))].slice(0, 3)
  }
  return { screen, serious, where, all: (violations as AxeViolation[]).map((v) => `${v.id}(${v.impact})`) }
}
