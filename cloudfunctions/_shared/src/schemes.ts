import {
  BUILT_IN_REGISTRY, applyAnnouncedFees, createSchemeRegistry, parseScheme, type FeeRule, type Scheme, type SchemeId, type SchemeRegistry,
} from '@mutual-aid/shared-rules'
import { findAll } from './db'
import { AppError } from './errors'
import type { SdkHandle } from './sdk'

/**
 * Fees the office announced for a scheme version whose document left them to a later notice (TZ 2022 四(一)2:
 * "2022年度缴费标准将另行通知"). One document per version (`_id` = the scheme id), written once by the `schemes`
 * function's `announceFees` and never changed: quotes, declarations and payments already made rest on it. Checked here
 * on every read.
 */
export interface AnnouncedFeesDoc {
  _id: SchemeId
  schemeId: SchemeId
  fees: FeeRule[]
  /** The notice that announced the fees, e.g. `台总工〔2021〕xx号`. */
  notice: string
  announcedOn: string
  announcedBy: string
  createdAt: Date
}

/**
 * A version the office published (issue 14): `_id` = the scheme id, written once in the same transaction that marks
 * its draft published, never changed or removed (participations and claims name it: 第二十六条). `slot` makes the
 * database refuse a second version for the same TZ year or the same WH effective date, whichever id it carries.
 */
export interface PublishedVersionDoc {
  _id: SchemeId
  schemeId: SchemeId
  family: Scheme['family']
  /** `TZ-2023` (one version per activity year) or `WH-2022-01-01` (one per effective date). */
  slot: string
  scheme: Scheme
  /** The version it was copied from, and the draft it was edited in. */
  baseId: SchemeId
  draftId: string
  publishedOn: string
  publishedBy: string
  publishedByName: string
  createdAt: Date
}

/** The unique slot of a version: a TZ activity year, or a WH effective date. */
export function versionSlot(s: Scheme): string {
  return s.family === 'TZ' ? `TZ-${s.year}` : `WH-${s.effectiveFrom}`
}

/** The scheme versions one call works with: the built-in data plus what the office configured. */
export interface Schemes {
  registry: SchemeRegistry
  /**
   * The version itself, ready to quote with — or a refusal when its stored fees do not validate (a version must never
   * be quoted with fees that are not what the office announced).
   */
  use(scheme: Scheme): Scheme
  /**
   * The version a stored document names (a participation's, a claim's `schemeId`), as loaded: built-in or published,
   * with announced fees. A version that is named but does not load (its stored data no longer validates) is a
   * configuration refusal, never a silent fallback to other rules.
   */
  get(id: SchemeId): Scheme
  /** Versions stored but not loaded, with why (shown to the office). */
  problems: ReadonlyMap<string, string>
  /** Whether a version is one of the data files in code (not published by the office). */
  isBuiltIn(id: string): boolean
}

/**
 * Loads the scheme versions for this call: every built-in version and every version the office published (validated
 * by the same schema as the built-in data), with the fees announced for them applied. Read on every call, not cached:
 * many instances run at once and a publication or an announcement must reach the next call everywhere.
 */
export async function loadSchemes(db: SdkHandle): Promise<Schemes> {
  const [announced, published] = await Promise.all([
    findAll<AnnouncedFeesDoc>(db, 'schemeFees', {}, 1000),
    findAll<PublishedVersionDoc>(db, 'schemeVersions', {}, 1000),
  ])
  const versionProblems = new Map<string, string>()
  const feeProblems = new Map<string, string>()
  const stored: Scheme[] = []
  for (const doc of published) {
    const parsed = parseScheme(doc.scheme)
    if (BUILT_IN_REGISTRY.has(doc._id)) versionProblems.set(doc._id, '与程序内置的方案版本同名')
    else if (!parsed.ok) versionProblems.set(doc._id, parsed.message)
    else if (parsed.scheme.id !== doc._id) versionProblems.set(doc._id, `记录编号 ${doc._id} 与方案编号 ${parsed.scheme.id} 不一致`)
    else stored.push(parsed.scheme)
  }
  const versions = [...BUILT_IN_REGISTRY.schemes, ...stored].map((scheme) => {
    const doc = announced.find((d) => d._id === scheme.id)
    if (!doc) return scheme
    const applied = applyAnnouncedFees(scheme, doc.fees)
    if (applied.ok) return applied.scheme
    feeProblems.set(scheme.id, applied.message)
    return scheme
  })
  for (const [id, problem] of versionProblems) console.error(`[schemes] stored version ${id} does not load: ${problem}`)
  const registry = createSchemeRegistry(versions)
  return {
    registry,
    problems: new Map([...versionProblems, ...[...feeProblems].map(([id, p]) => [id, `缴费标准：${p}`] as const)]),
    isBuiltIn: (id) => BUILT_IN_REGISTRY.has(id),
    use(scheme) {
      const problem = feeProblems.get(scheme.id)
      if (problem) {
        console.error(`[schemes] stored fees of ${scheme.id} do not validate: ${problem}`)
        throw new AppError('SCHEME_CONFIG_INVALID', `${scheme.name}的缴费标准配置有误（${problem}），暂不能报价或申报。请联系互助办核对后重新公布。`)
      }
      return scheme
    },
    get(id) {
      const found = registry.find(id)
      if (found) return found
      const problem = versionProblems.get(id)
      throw new AppError(
        'SCHEME_CONFIG_INVALID',
        problem
          ? `方案版本 ${id} 的数据有误（${problem}），暂不能办理。请联系互助办核对。`
          : `未找到方案版本 ${id}，暂不能办理。请联系互助办核对。`,
      )
    },
  }
}
