import type * as PinyinPro from 'pinyin-pro'
import { prefixOf, type SortSpec } from './keyset'
import type { SdkHandle } from './sdk'

/**
 * The sort key of a person's name (`nameKey` on `people` and `participations`): lists are paged on it so a roster
 * reads in the order a Chinese clerk expects — 拼音 A→Z, then tone (1–4, neutral last), then the character — instead
 * of by code point (where 张 sorts after 王 and 李 before both only by accident).
 *
 * Built character by character, so the key of a name's beginning is the beginning of the name's key: a search for
 * "张" is the key range of "张", served by the same index that orders the list (`keyPrefixOf`). Each character is one
 * segment:
 *
 *     syllable (a–z, ü as v) + tone digit (1–4, 5 neutral; 0 for a letter or other sign) + code point (5 hex digits)
 *
 * The tone digit ends the syllable (digits sort before letters, so "a" comes before "an"), and the fixed-width code
 * point breaks ties between characters read alike and keeps the key plain ASCII — the database compares strings as
 * UTF-8 bytes and JavaScript as UTF-16 units, which disagree beyond U+FFFF, but never on ASCII.
 *
 * The first character is read as a surname (曾 zēng, 单 shàn, 区 ōu, 解 xiè, 仇 qiú, 查 zhā …: pinyin-pro's surname
 * readings); the others by their usual single reading (a given name is not a word, so no word context).
 *
 * `NAME_KEY_VERSION` names this recipe: a change to it (or to the dictionary) bumps the version, and the roster's
 * timer recomputes every stored key (`cloudfunctions/roster/src/name-key-operation.ts`).
 */
export const NAME_KEY_VERSION = 'pinyin-pro-3.29.4/1'

let loaded: typeof PinyinPro | null = null

/**
 * pinyin-pro, loaded on first use: its dictionary is a third of a megabyte, which a call that sorts nothing (a plain
 * list page) should not parse on a cold start. The function build puts it in its own file beside the bundle
 * (scripts/build-functions.ts, SPLIT_LIBRARIES); `require` keeps the key synchronous for the document builders.
 */
function pinyinPro(): typeof PinyinPro {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily and synchronously (see above)
  loaded ??= require('pinyin-pro') as typeof PinyinPro
  return loaded
}

const SYLLABLE = /^([a-zü]+)([0-5])$/

function segment(char: string, reading: string): string {
  const point = (char.codePointAt(0) ?? 0).toString(16).padStart(5, '0')
  const m = SYLLABLE.exec(reading)
  if (m) return `${m[1].replace(/ü/g, 'v')}${m[2] === '0' ? '5' : m[2]}${point}`
  // Not a Chinese character: a Latin letter sorts among the syllables that begin with it, anything else (· in
  // 买买提·艾力, a space, a digit) before every letter.
  const letter = /^[A-Za-z]$/.test(char) ? char.toLowerCase() : ''
  return `${letter}0${point}`
}

/** The sort key of `name` (see above). The same name always gives the same key. */
export function nameKeyOf(name: string): string {
  const chars = Array.from(name.normalize('NFC').trim())
  if (!chars.length) return ''
  const { pinyin } = pinyinPro()
  const options = { toneType: 'num', type: 'array' } as const
  return chars
    .map((char, i) => {
      const reading = pinyin(char, i === 0 ? { ...options, surname: 'head' } : options)[0] ?? char
      return segment(char, reading)
    })
    .join('')
}

/** A list of people by name (pinyin order); `_id` breaks ties between namesakes. Indexed after the list's filter fields. */
export const BY_NAME_KEY: SortSpec = [
  ['nameKey', 'asc'],
  ['_id', 'asc'],
]

/** "Whose name begins with `text`" as a range of `nameKey` — the range the list's own index serves (see `prefixOf`). */
export function namePrefixOf(db: SdkHandle, text: string): { where: Record<string, unknown>; also: Record<string, unknown>[] } {
  return prefixOf(db, 'nameKey', nameKeyOf(text))
}
