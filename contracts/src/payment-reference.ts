/**
 * The transfer remark (转账附言) a unit quotes when it pays a declaration, so the office can match the money to it.
 * The office chooses its parts on 缴费账户 (the rule below); the declaration's code always ends it. Each declaration
 * keeps the remark it was issued with (`paymentReference` on the enrolment document): a later change of the rule
 * applies to declarations made after it.
 */
import { z } from 'zod'

/**
 * Banks cut or refuse longer remarks. Counted the way bank systems store text, in GBK: a Chinese character 2 bytes, a
 * letter or digit 1 — 60 bytes is 30 Chinese characters, the common limit of counter and online-banking remark fields.
 */
export const REMARK_LIMIT_BYTES = 60
/** The declaration code's tail: always in the remark, so every payment can be matched to its declaration. */
export const REMARK_CODE_LENGTH = 8
/** The year's digits. */
const YEAR_BYTES = 4

/** Bytes of `text` in GBK / GB18030: 1 for ASCII, 2 for a Chinese character, 4 for a character outside the BMP. */
export function remarkBytes(text: string): number {
  let bytes = 0
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0
    bytes += code < 0x80 ? 1 : code <= 0xffff ? 2 : 4
  }
  return bytes
}

/** The longest remark a rule can make: every name character Chinese (2 bytes). */
export function remarkMaxBytes(rule: PaymentReferenceRule): number {
  return rule.unitNameChars * 2 + (rule.year ? YEAR_BYTES : 0) + remarkBytes(rule.word) + REMARK_CODE_LENGTH
}

/**
 * What the office chooses: how many characters of the unit's name lead the remark (0 = none), whether the year
 * follows, and a fixed word (e.g. 互助费; '' = none). Then the declaration code's last 8 characters, always.
 */
export const paymentReferenceRuleSchema = z
  .object({
    unitNameChars: z.number({ error: '请填写单位名称取几个字' }).int('单位名称的字数应为整数').min(0, '单位名称的字数不能小于 0').max(20, '单位名称最多取 20 个字'),
    year: z.boolean(),
    // Banks refuse punctuation and symbols in a remark on some channels: Chinese characters, letters and digits only.
    word: z
      .string()
      .trim()
      .max(10, '固定文字最多 10 个字')
      .regex(/^[\u4e00-\u9fa5A-Za-z0-9]*$/, '固定文字只能用汉字、字母和数字（银行不收标点和符号）'),
  })
  .superRefine((rule, ctx) => {
    const bytes = remarkMaxBytes(rule)
    if (bytes <= REMARK_LIMIT_BYTES) return
    ctx.addIssue({
      code: 'custom',
      path: ['unitNameChars'],
      message: `附言最长 ${REMARK_LIMIT_BYTES / 2} 个汉字（${REMARK_LIMIT_BYTES} 字节），按这样设置最长要 ${bytes} 字节：请减少单位名称的字数或缩短固定文字。`,
    })
  })
export type PaymentReferenceRule = z.infer<typeof paymentReferenceRuleSchema>

/** The rule until the office sets one — also the rule every declaration issued before rules were editable was given. */
export const DEFAULT_PAYMENT_REFERENCE_RULE: PaymentReferenceRule = { unitNameChars: 14, year: true, word: '互助费' }

/** What a remark is made of: the unit's name, the declaration's year and its id. */
export interface RemarkSource {
  unitName: string
  year: number
  enrolmentId: string
}

/**
 * The remark for one declaration under `rule`: the name without spaces cut to the rule's characters (and further if
 * rare characters would pass the byte limit), the year, the word, the code — never over REMARK_LIMIT_BYTES.
 *
 * @example paymentReference(DEFAULT_PAYMENT_REFERENCE_RULE, { unitName: '明湖精密机械有限公司', year: 2021, enrolmentId: 'enr-7f3a9c21' })
 * // '明湖精密机械有限公司2021互助费7F3A9C21'
 */
export function paymentReference(rule: PaymentReferenceRule, source: RemarkSource): string {
  const code = source.enrolmentId.replace(/[^0-9a-zA-Z]/g, '').slice(-REMARK_CODE_LENGTH).toUpperCase()
  const tail = `${rule.year ? source.year : ''}${rule.word}${code}`
  const name = Array.from(source.unitName.replace(/\s+/g, '')).slice(0, rule.unitNameChars)
  while (name.length > 0 && remarkBytes(name.join('') + tail) > REMARK_LIMIT_BYTES) name.pop()
  return `${name.join('')}${tail}`
}
