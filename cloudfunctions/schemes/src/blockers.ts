import type { Scheme } from '@mutual-aid/shared-rules'
import type { Schemes } from '@cloud-shared/schemes'

/**
 * What stops a draft from being published today, in sentences the office can act on (empty = it can be published).
 * A version is effective by date and never changes a running period (第二十四条、第二十六条): a WH revision takes effect
 * after today; a TZ version is for a year that has none yet, and its enrolment window has not closed. Its id and its
 * slot (TZ year, WH effective date) must be free — the database refuses a second one anyway.
 */
export function publishBlockers(s: Scheme, schemes: Schemes, today: string): string[] {
  const out: string[] = []
  if (schemes.registry.has(s.id) || schemes.problems.has(s.id)) out.push(`方案编号 ${s.id} 已被使用，请改用新的编号。`)
  const family = schemes.registry.schemes.filter((x) => x.family === s.family && x.id !== s.id)
  if (s.family === 'TZ') {
    const same = family.find((x) => x.family === 'TZ' && x.year === s.year)
    if (same) out.push(`${s.year} 年度已有方案版本（${same.name}），同一年度只能有一个版本。`)
    if (s.enrolment.to < today) out.push(`参保截止日期 ${s.enrolment.to} 已过，不能再发布该年度的方案。`)
  } else {
    if (s.effectiveFrom <= today) out.push(`施行日期 ${s.effectiveFrom} 须晚于今天（${today}）：已开始的保障期按原办法执行（第二十六条）。`)
    const same = family.find((x) => x.effectiveFrom === s.effectiveFrom)
    if (same) out.push(`已有自 ${s.effectiveFrom} 起施行的版本（${same.name}）。`)
  }
  return out
}
