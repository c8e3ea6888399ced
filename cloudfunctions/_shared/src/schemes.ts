import {
  BUILT_IN_REGISTRY, applyAnnouncedFees, createSchemeRegistry, type FeeRule, type Scheme, type SchemeId, type SchemeRegistry,
} from '@mutual-aid/shared-rules'
import { findAll } from './db'
import { AppError } from './errors'
import type { SdkHandle } from './sdk'

/**
 * Fees the office announced for a scheme version whose document left them to a later notice (TZ 2022 四(一)2:
 * "2022年度缴费标准将另行通知"). One document per version (`_id` = the scheme id), written once and never changed:
 * quotes, declarations and payments already made rest on it. The office's announcement form writes it (issue 14);
 * until then it is inserted by the console or a script, and checked here on every read.
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

/** The scheme versions one call works with: the built-in data plus what the office configured. */
export interface Schemes {
  registry: SchemeRegistry
  /**
   * The version itself, ready to use — or a refusal when its stored configuration does not validate (a version must
   * never be quoted with fees that are not what the office announced).
   */
  use(scheme: Scheme): Scheme
}

/**
 * Loads the scheme versions for this call: every built-in version, with the fees announced for it applied (validated
 * by the same rules as the built-in data). Read on every call, not cached: many instances run at once and an
 * announcement must reach the next quote everywhere. Published versions (issue 14) join the registry here too.
 */
export async function loadSchemes(db: SdkHandle): Promise<Schemes> {
  const announced = await findAll<AnnouncedFeesDoc>(db, 'schemeFees', {}, 1000)
  const problems = new Map<string, string>()
  const versions = BUILT_IN_REGISTRY.schemes.map((scheme) => {
    const doc = announced.find((d) => d._id === scheme.id)
    if (!doc) return scheme
    const applied = applyAnnouncedFees(scheme, doc.fees)
    if (applied.ok) return applied.scheme
    problems.set(scheme.id, applied.message)
    return scheme
  })
  return {
    registry: createSchemeRegistry(versions),
    use(scheme) {
      const problem = problems.get(scheme.id)
      if (problem) {
        console.error(`[schemes] stored fees of ${scheme.id} do not validate: ${problem}`)
        throw new AppError('SCHEME_CONFIG_INVALID', `${scheme.name}的缴费标准配置有误（${problem}），暂不能报价或申报。请联系互助办核对后重新公布。`)
      }
      return scheme
    },
  }
}
