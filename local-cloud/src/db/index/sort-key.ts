/**
 * Index keys encoded as strings whose plain code-unit order (`<`, or `Array.prototype.sort()` with no comparator) is
 * exactly the order `tupleComparator` gives their key tuples: a start's index build encodes each key once and sorts
 * strings inside V8, instead of calling a JS comparator over tuples some 20 million times per million documents
 * (measured: most of a city-scale start went there).
 *
 * One field, ascending: a type character (mingo's SORT_ORDER rank, so types order as in the comparator), then
 *   - number, date: 4 code units of the IEEE-754 bits made order-preserving (sign bit flipped; all bits flipped for
 *     negatives) — exact for every orderable number (-0 and NaN are not orderable, see index-key.ts);
 *   - string: its code units (the order JS's `<` uses) with 0x0000 and 0x0001 escaped as 0x0001 0x0001 / 0x0001
 *     0x0002, then a 0x0000 terminator, so a prefix sorts before a longer string;
 *   - boolean: one unit, 0 or 1;
 *   - null: nothing more.
 * Each field's encodings are prefix-free, so a descending field is encoded by complementing every unit (0xFFFF - u),
 * which reverses their order. The natural position follows (as a number, always ascending), which makes every key
 * unique, and then the caller's ordinal (2 units) so the sorted strings lead back to their documents.
 */
import { typeRank, type ScalarKey } from './index-key'

const bits = new DataView(new ArrayBuffer(8))

/** 4 code units that order like `value` among all non-NaN numbers (−0 excluded by the caller). */
function numberUnits(value: number): string {
  bits.setFloat64(0, value)
  let a = bits.getUint16(0)
  let b = bits.getUint16(2)
  let c = bits.getUint16(4)
  let d = bits.getUint16(6)
  if (a & 0x8000) {
    a = ~a & 0xffff
    b = ~b & 0xffff
    c = ~c & 0xffff
    d = ~d & 0xffff
  } else {
    a |= 0x8000
  }
  return String.fromCharCode(a, b, c, d)
}

const NEEDS_ESCAPE = /[\u0000\u0001]/

function stringUnits(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return `${value}\u0000`
  return `${value.replace(/\u0001/g, '\u0001\u0002').replace(/\u0000/g, '\u0001\u0001')}\u0000`
}

/** One field's value in ascending form. */
function ascending(value: ScalarKey): string {
  const rank = String.fromCharCode(typeRank(value))
  if (value === null) return rank
  switch (typeof value) {
    case 'number':
      return rank + numberUnits(value)
    case 'string':
      return rank + stringUnits(value)
    case 'boolean':
      return rank + (value ? '\u0001' : '\u0000')
    default:
      return rank + numberUnits(value.getTime())
  }
}

function complement(units: string): string {
  const out = new Array<number>(units.length)
  for (let i = 0; i < units.length; i++) out[i] = 0xffff - units.charCodeAt(i)
  // fromCharCode with a spread is limited by the argument count; index keys are short, but chunk to be safe.
  let text = ''
  for (let i = 0; i < out.length; i += 4096) text += String.fromCharCode(...out.slice(i, i + 4096))
  return text
}

/**
 * The sort string of key values `values` (one per field, as OrderedIndex.keyOf gives them) with these directions, at
 * natural position `pos`, carrying `ordinal` (0 ≤ ordinal < 2³²) in its last two units.
 */
export function sortKey(values: readonly unknown[], directions: readonly (1 | -1)[], pos: number, ordinal: number): string {
  let key = ''
  for (let i = 0; i < directions.length; i++) {
    const part = ascending(values[i] as ScalarKey)
    key += directions[i] === 1 ? part : complement(part)
  }
  return key + numberUnits(pos) + String.fromCharCode(ordinal >>> 16, ordinal & 0xffff)
}

/** The ordinal `sortKey` put at the end of `key`. */
export function ordinalOf(key: string): number {
  return key.charCodeAt(key.length - 2) * 0x10000 + key.charCodeAt(key.length - 1)
}
