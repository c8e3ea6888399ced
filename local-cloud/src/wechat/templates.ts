/**
 * The subscribe-message templates the emulator knows, loaded from the project's definition (`--templates`, default
 * contracts/src/templates.ts: `TEMPLATES` of `{ keywords, page }` by key). A template's id is the one configured in
 * `SUBSCRIBE_TEMPLATES` (the same JSON the functions read), and the local default `local-<key>` as well.
 */
import { pathToFileURL } from 'node:url'
import { z } from 'zod'
import { KEYWORD_TYPES, type KeywordType } from './keyword-rules'

export interface KnownTemplate {
  key: string
  id: string
  title: string
  keywords: Readonly<Record<string, KeywordType>>
  page: string
}

const definitions = z.record(
  z.string(),
  z.object({
    title: z.string().default(''),
    keywords: z.record(z.string(), z.enum(KEYWORD_TYPES as [KeywordType, ...KeywordType[]])),
    page: z.string().min(1),
  }),
)

export class TemplateRegistry {
  private readonly byTemplateId = new Map<string, KnownTemplate>()

  constructor(templates: KnownTemplate[]) {
    for (const t of templates) this.byTemplateId.set(t.id, t)
  }

  get(templateId: string): KnownTemplate | undefined {
    return this.byTemplateId.get(templateId)
  }

  get size(): number {
    return new Set([...this.byTemplateId.values()].map((t) => t.key)).size
  }
}

/** Reads the definitions module; ids from `SUBSCRIBE_TEMPLATES` in `env` plus `local-<key>`. */
export async function loadTemplates(file: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<TemplateRegistry> {
  if (!file) return new TemplateRegistry([])
  const mod = (await import(pathToFileURL(file).href)) as { TEMPLATES?: unknown; default?: { TEMPLATES?: unknown } }
  const parsed = definitions.safeParse(mod.TEMPLATES ?? mod.default?.TEMPLATES)
  if (!parsed.success) throw new Error(`${file}: TEMPLATES 无效：${parsed.error.issues[0]?.message ?? ''}`)
  let configured: Record<string, unknown> = {}
  if (env.SUBSCRIBE_TEMPLATES) {
    try {
      configured = JSON.parse(env.SUBSCRIBE_TEMPLATES) as Record<string, unknown>
    } catch {
      throw new Error('SUBSCRIBE_TEMPLATES 不是有效的 JSON（应为 {"模板键":"模板 id", …}）')
    }
  }
  const known: KnownTemplate[] = []
  for (const [key, def] of Object.entries(parsed.data)) {
    const ids = new Set([`local-${key}`])
    if (typeof configured[key] === 'string' && configured[key] !== '') ids.add(configured[key] as string)
    for (const id of ids) known.push({ key, id, title: def.title, keywords: def.keywords, page: def.page })
  }
  return new TemplateRegistry(known)
}
