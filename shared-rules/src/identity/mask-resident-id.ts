/** Characters of a resident ID kept on each side by {@link maskResidentId} (DOMAIN §4: `4201**********1234`). */
const KEPT = 4
/** The length of a resident ID (GB 11643-1999); only then do the kept ends miss the birth date (characters 7–14). */
const ID_LENGTH = 18

/**
 * Mask a resident ID for display (sensitive personal information, DOMAIN §4): of an 18-character ID the first 4
 * (part of the region code) and last 4 (sequence and check digit) are kept, the middle — birth date included — is `*`.
 * Anything else is masked entirely: on a shorter or longer string the kept ends could be birth digits (a 17-character
 * ID without its check digit would show the last birth digit). Whitespace is dropped; length is kept in characters
 * (code points), so nothing is cut in half.
 *
 * @example maskResidentId('420102199001011234') // '4201**********1234'
 * @example maskResidentId('42010219900101123') // '*****************'
 */
export function maskResidentId(id: string): string {
  const chars = Array.from(String(id ?? '').replace(/\s+/g, ''))
  if (chars.length !== ID_LENGTH) return '*'.repeat(chars.length)
  return chars.slice(0, KEPT).join('') + '*'.repeat(ID_LENGTH - 2 * KEPT) + chars.slice(-KEPT).join('')
}
