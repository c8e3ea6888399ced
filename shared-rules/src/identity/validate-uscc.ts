/** GB 32100-2015 character set (no I, O, S, V, Z); the index is the character's value. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
/** Weights of positions 1–17 (3^(i) mod 31). */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** Result of {@link validateUscc}. */
export type UsccResult = { ok: true } | { ok: false; code: 'INVALID_USCC'; message: string }

/** The GB 32100 check character for the first 17 characters (already validated against the charset). */
export function usccCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]) * WEIGHTS[i]
  return CHARSET[(31 - (sum % 31)) % 31]
}

/**
 * Validate a unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from the
 * official set, a 6-digit administrative division code in positions 3–8 and the check character.
 * Spaces are ignored, letters may be lowercase.
 *
 * @example validateUscc('91350100M000100Y43') // { ok: true }
 */
export function validateUscc(code: string): UsccResult {
  const s = String(code ?? '').replace(/\s+/g, '').toUpperCase()
  if (s.length !== 18) return { ok: false, code: 'INVALID_USCC', message: '统一社会信用代码应为18位' }
  for (const ch of s) {
    if (!CHARSET.includes(ch)) {
      return { ok: false, code: 'INVALID_USCC', message: `统一社会信用代码含有不允许的字符“${ch}”（不使用 I、O、S、V、Z）` }
    }
  }
  if (!/^\d{6}$/.test(s.slice(2, 8))) {
    return { ok: false, code: 'INVALID_USCC', message: '统一社会信用代码第3到8位应为行政区划数字代码' }
  }
  if (usccCheckChar(s) !== s[17]) {
    return { ok: false, code: 'INVALID_USCC', message: '统一社会信用代码校验位不正确，请逐位核对营业执照或登记证书' }
  }
  return { ok: true }
}
