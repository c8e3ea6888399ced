/** The people's participations by ID hash (shared with the roster's kept counts, `_shared/src/roster-counts.ts`). */
export { participationsByHash } from '@cloud-shared/participations-by-hash'
