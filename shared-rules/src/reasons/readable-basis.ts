/**
 * An article as a person reads it (also any text quoting one). The scheme data cites each rule's article together with the reading it rests on
 * (`第十八条 [I-4]`: interpretation 4 of DOMAIN.md, for whoever maintains the rules); the reading's marker is internal
 * and never shown to a worker, clerk or reviewer.
 *
 * @example readableBasis('第十八条 [I-4]') // '第十八条'
 * @example readableBasis('第六条 [I-16][I-5]') // '第六条'
 * @example readableBasis('台总工〔2021〕8号 四(二)1 [I-7]') // '台总工〔2021〕8号 四(二)1'
 */
export function readableBasis(basis: string): string {
  return basis.replace(/\s*\[I-\d+\]/g, '').trim()
}

