/**
 * Index keys encoded as strings whose plain order (`Array.prototype.sort()` with no comparator) is exactly the order
 * `tupleComparator` gives their key tuples: a start's index build encodes each key once and sorts strings inside
 * V8, instead of calling a JS comparator over tuples some 20 million times per million documents (measured: most of
 * a city-scale start went there). Every character is a byte (0–255), so V8 stores the key as a flat one-byte string
 * and compares it like memcmp (a two-byte or concatenated string sorted twice as slowly, measured).
 *
 * One field, ascending: a type byte (mingo's SORT_ORDER rank, so types order as in the comparator), then
 *   - number, date: the 8 bytes of the IEEE-754 value made order-preserving (sign bit flipped; all bits flipped for
 *     negatives) — exact for every orderable number (−0 and NaN are not orderable, see index-key.ts);
 *   - string: each UTF-16 code unit (the order JS's `<` uses) in 1–3 bytes as UTF-8 writes code points, which keeps
 *     the units' order; units 0 and 1 escaped as 01 01 / 01 02; then a 00 terminator, so a prefix sorts first;
 *   - boolean: one byte, 0 or 1;
 *   - null: nothing more.
 * Each field's encodings are prefix-free, so a descending field is written with every byte complemented (255 − b),
 * which reverses their order. The natural position follows (as a number, always ascending), which makes every key
 * unique, and then the caller's ordinal (4 bytes) so the sorted strings lead back to their documents.
 */
import { typeRank } from './index-key'

let buffer = Buffer.allocUnsafe(1024)
let length = 0
let flip = 0
const bits = new DataView(new ArrayBuffer(8))

function byte(b: number): void {
  if (length === buffer.length) {
    const bigger = Buffer.allocUnsafe(buffer.length * 2)
    buffer.copy(bigger)
    buffer = bigger
  }
  buffer[length++] = b ^ flip
}

function number(value: number): void {
  bits.setFloat64(0, value)
  const negative = (bits.getUint8(0) & 0x80) !== 0
  for (let i = 0; i < 8; i++) {
    const b = bits.getUint8(i)
    byte(negative ? ~b & 0xff : i === 0 ? b | 0x80 : b)
  }
}

function string(value: string): void {
  for (let i = 0; i < value.length; i++) {
    const u = value.charCodeAt(i)
    if (u < 2) {
      byte(1)
      byte(u + 1)
    } else if (u < 0x80) {
      byte(u)
    } else if (u < 0x800) {
      byte(0xc0 | (u >> 6))
      byte(0x80 | (u & 0x3f))
    } else {
      byte(0xe0 | (u >> 12))
      byte(0x80 | ((u >> 6) & 0x3f))
      byte(0x80 | (u & 0x3f))
    }
  }
  byte(0)
}

function field(value: unknown): void {
  byte(typeRank(value))
  if (value === null || value === undefined) return
  switch (typeof value) {
    case 'number':
      return number(value)
    case 'string':
      return string(value)
    case 'boolean':
      return byte(value ? 1 : 0)
    default:
      return number((value as Date).getTime())
  }
}

/**
 * The sort string of key values `values` (one per field, as OrderedIndex.keyOf gives them: orderable scalars) with
 * these directions, at natural position `pos`, carrying `ordinal` (0 ≤ ordinal < 2³²) in its last four bytes.
 */
export function sortKey(values: readonly unknown[], directions: readonly (1 | -1)[], pos: number, ordinal: number): string {
  length = 0
  for (let i = 0; i < directions.length; i++) {
    flip = directions[i] === 1 ? 0 : 0xff
    field(values[i])
  }
  flip = 0
  number(pos)
  byte(ordinal >>> 24)
  byte((ordinal >>> 16) & 0xff)
  byte((ordinal >>> 8) & 0xff)
  byte(ordinal & 0xff)
  return buffer.toString('latin1', 0, length)
}

/** The ordinal `sortKey` put at the end of `key`. */
export function ordinalOf(key: string): number {
  const n = key.length
  return ((key.charCodeAt(n - 4) << 24) >>> 0) + (key.charCodeAt(n - 3) << 16) + (key.charCodeAt(n - 2) << 8) + key.charCodeAt(n - 1)
}
