import type { Family, Scheme, SchemeId } from '@mutual-aid/shared-rules'

/**
 * A version being edited by the office before it is published: a copy of the version it was derived from (`baseId`),
 * changed by versioned saves (two office users editing one draft: the second save answers CONFLICT instead of
 * overwriting). Publishing copies `scheme` into `schemeVersions` and marks the draft `published`; it is read-only then.
 */
export interface SchemeDraftDoc {
  _id: string
  /** The id the version will be published under (the draft's `scheme.id`). */
  targetId: SchemeId
  baseId: SchemeId
  family: Family
  /** Always valid by `schemeSchema`: a save that does not validate is refused. */
  scheme: Scheme
  status: 'draft' | 'published' | 'discarded'
  version: number
  createdBy: string
  createdByName: string
  updatedBy: string
  updatedByName: string
  createdAt: Date
  updatedAt: Date
  publishedAt: Date | null
}
