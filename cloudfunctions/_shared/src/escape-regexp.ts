/**
 * Escapes a user's search text for `db.RegExp`, so `.` or `(` in a name is matched as typed, not as a pattern.
 * Control characters (a NUL byte above all, which BSON and MongoDB refuse inside a pattern) become `\xNN` escapes, so
 * such a search simply finds nothing instead of failing.
 */
export function escapeRegExp(s: string): string {
  return s
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
}
