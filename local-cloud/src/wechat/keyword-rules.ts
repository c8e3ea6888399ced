/**
 * WeChat's rules for subscribe-message values, by keyword type, from the subscribeMessage.send documentation
 * (订阅消息 → 参数值内容限制说明). A value that breaks its rule makes WeChat answer errcode 47003; so does an empty one.
 * Lengths count characters (code points), as WeChat does for Chinese text.
 */
export type KeywordType =
  | 'thing'
  | 'number'
  | 'letter'
  | 'symbol'
  | 'character_string'
  | 'time'
  | 'date'
  | 'amount'
  | 'phone_number'
  | 'car_number'
  | 'name'
  | 'phrase'

export const KEYWORD_TYPES: readonly KeywordType[] = [
  'thing', 'number', 'letter', 'symbol', 'character_string', 'time', 'date', 'amount', 'phone_number', 'car_number', 'name', 'phrase',
]

const HAN = /^\p{Script=Han}+$/u
const SYMBOLS = /^[^\p{L}\p{N}\s]+$/u

/** `15:01` or `15:01:30`, 24-hour. */
function isClock(text: string): boolean {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text)
  return !!m && Number(m[1]) <= 23 && Number(m[2]) <= 59 && (m[3] === undefined || Number(m[3]) <= 59)
}

/** `2019年10月1日` — a real calendar day. */
function isChineseDate(text: string): boolean {
  const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(text)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const day = new Date(Date.UTC(y, mo - 1, d))
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d
}

/** `date`: 年月日, optionally followed by a 24-hour time. */
function isDatePoint(text: string): boolean {
  const [date, clock, ...rest] = text.split(' ')
  return rest.length === 0 && isChineseDate(date) && (clock === undefined || isClock(clock))
}

/** `time`: a 24-hour time, optionally after a 年月日 date. */
function isTimePoint(text: string): boolean {
  const parts = text.split(' ')
  if (parts.length === 1) return isClock(parts[0])
  return parts.length === 2 && isChineseDate(parts[0]) && isClock(parts[1])
}

/** A point, or a range of two points joined by `~`. */
function pointOrRange(text: string, point: (t: string) => boolean): boolean {
  const parts = text.split('~').map((p) => p.trim())
  return parts.length <= 2 && parts.every(point)
}

const RULES: Record<KeywordType, { test: (v: string, chars: number) => boolean; rule: string }> = {
  thing: { test: (_v, n) => n <= 20, rule: '20 个以内字符（汉字、数字、字母或符号）' },
  number: { test: (v) => /^\d+(\.\d+)?$/.test(v) && v.replace('.', '').length <= 32, rule: '32 位以内数字，可带小数' },
  letter: { test: (v) => /^[A-Za-z]{1,32}$/.test(v), rule: '32 位以内字母' },
  symbol: { test: (v, n) => n <= 5 && SYMBOLS.test(v), rule: '5 位以内符号' },
  character_string: { test: (v) => /^[\x21-\x7e]{1,32}$/.test(v), rule: '32 位以内数字、字母或符号（不含汉字和空格）' },
  time: { test: (v) => pointOrRange(v, isTimePoint), rule: '24 小时制时间（可带年月日），如 15:01 或 2019年10月1日 15:01；时间段用 ~ 连接' },
  date: { test: (v) => pointOrRange(v, isDatePoint), rule: '年月日（可带 24 小时制时间），如 2019年10月1日；时间段用 ~ 连接' },
  amount: { test: (v) => /^[¥￥$€£]\d{1,10}(\.\d{1,2})?元?$/.test(v), rule: '1 个币种符号 + 10 位以内纯数字，可带小数，结尾可带“元”，不能有千位分隔符' },
  phone_number: { test: (v) => /^[0-9+\-()# ]{1,17}$/.test(v) && /\d/.test(v), rule: '17 位以内数字、符号' },
  car_number: { test: (v, n) => n <= 8 && /^[\p{Script=Han}A-Za-z0-9][A-Za-z0-9]*[\p{Script=Han}A-Za-z0-9]?$/u.test(v), rule: '8 位以内，首尾可为汉字，其余为字母或数字' },
  name: { test: (v, n) => (HAN.test(v) && n <= 10) || (/^[A-Za-z\p{P}\p{S} ]+$/u.test(v) && !/\p{Script=Han}/u.test(v) && n <= 20), rule: '10 个以内纯汉字，或 20 个以内纯字母或符号' },
  phrase: { test: (v, n) => HAN.test(v) && n <= 5, rule: '5 个以内汉字' },
}

/** Why `value` is not a valid `type` value, or null when WeChat accepts it. */
export function keywordProblem(type: KeywordType, value: unknown): string | null {
  if (typeof value !== 'string') return '值必须是字符串'
  if (value.length === 0) return '值不能为空'
  if (/[\u0000-\u001f\u007f]/.test(value)) return '值不能含控制字符'
  const { test, rule } = RULES[type]
  return test(value, [...value].length) ? null : `不符合 ${type} 类型的规则：${rule}`
}
