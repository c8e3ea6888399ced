/**
 * A bound on how deeply a JSON text nests, checked by scanning the text before it is parsed: a request nested
 * thousands of levels deep would otherwise overflow the stack of whatever walks it (EJSON decoding, mingo, the
 * structured clone that hands an event to a function worker) and stall or crash the emulator. MongoDB accepts at most
 * 100 levels of nesting in a BSON document, so that is the bound.
 */
export const MAX_NESTING = 100

/** The deepest `{`/`[` nesting of a JSON text (strings skipped). Linear, no recursion. */
export function jsonDepth(text: string): number {
  let depth = 0
  let max = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) {
      inString = true
    } else if (c === 0x7b || c === 0x5b) {
      depth++
      if (depth > max) max = depth
    } else if (c === 0x7d || c === 0x5d) {
      depth--
    }
  }
  return max
}
