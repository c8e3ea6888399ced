import type { Scheme } from '@mutual-aid/shared-rules'
import type { Schemes, AnnouncedFeesDoc, PublishedVersionDoc } from '@cloud-shared/schemes'
import type { VersionSummary } from '@mutual-aid/contracts'

/** A version as the office's list shows it: where it comes from, its dates, and where its fees stand. */
export function versionSummary(
  s: Scheme,
  schemes: Schemes,
  announced: ReadonlyMap<string, AnnouncedFeesDoc>,
  published: ReadonlyMap<string, PublishedVersionDoc>,
): VersionSummary {
  const announcement = announced.get(s.id)
  const tz = s.family === 'TZ' ? s : null
  return {
    id: s.id,
    family: s.family,
    name: s.name,
    document: s.document,
    effectiveFrom: s.effectiveFrom,
    source: schemes.isBuiltIn(s.id) ? 'built_in' : 'published',
    year: tz ? tz.year : null,
    activity: tz ? { from: tz.activity.from, to: tz.activity.to } : null,
    enrolment: tz ? { from: tz.enrolment.from, to: tz.enrolment.to } : null,
    fees: s.fees === null ? 'pending' : announcement ? 'announced' : 'document',
    feesNotice: announcement?.notice ?? null,
    publishedOn: published.get(s.id)?.publishedOn ?? null,
  }
}
