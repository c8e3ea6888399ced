/** Escapes a user's search text for `db.RegExp`, so `.` or `(` in a name is matched as typed, not as a pattern. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
