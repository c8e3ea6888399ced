/**
 * Mask a resident ID for display: first 4 and last 4 characters kept, the middle as `*`
 * (sensitive personal information, DOMAIN §4). Short or odd input is masked entirely but for
 * what can be shown safely.
 *
 * @example maskResidentId('420102199001011234') // '4201**********1234'
 */
export function maskResidentId(id: string): string {
  const s = String(id ?? '').replace(/\s+/g, '')
  if (s.length <= 8) return '*'.repeat(s.length)
  return s.slice(0, 4) + '*'.repeat(s.length - 8) + s.slice(-4)
}
