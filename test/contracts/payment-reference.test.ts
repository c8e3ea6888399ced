/**
 * The transfer remark rule the office edits on 缴费账户: within the bank's 60 bytes (30 Chinese characters), the
 * declaration code always at the end, the default rule giving the remark every earlier declaration was issued with.
 */
import fc from 'fast-check'
import {
  DEFAULT_PAYMENT_REFERENCE_RULE,
  REMARK_LIMIT_BYTES,
  paymentReference,
  paymentReferenceRuleSchema,
  remarkBytes,
  type PaymentReferenceRule,
} from '@mutual-aid/contracts'

const HAIYUE = { unitName: '海悦电子科技有限公司', year: 2021, enrolmentId: 'enr-7f3a9c21' }

describe('remarkBytes', () => {
  it.each([
    ['', 0],
    ['2021', 4],
    ['互助费', 6],
    ['A互1', 4],
    ['𠀀', 4], // outside the BMP: 4 bytes in GB18030
  ])('%s is %i bytes', (text, bytes) => expect(remarkBytes(text)).toBe(bytes))
})

describe('paymentReference', () => {
  it.each<[string, PaymentReferenceRule, typeof HAIYUE, string]>([
    ['the default rule: the remark declarations were issued with before the rule was editable', DEFAULT_PAYMENT_REFERENCE_RULE, HAIYUE, '海悦电子科技有限公司2021互助费7F3A9C21'],
    ['a long name cut to 14 characters', DEFAULT_PAYMENT_REFERENCE_RULE, { ...HAIYUE, unitName: '台州市椒江区海门街道明湖精密机械制造有限公司' }, '台州市椒江区海门街道明湖精密2021互助费7F3A9C21'],
    ['spaces in the name dropped', DEFAULT_PAYMENT_REFERENCE_RULE, { ...HAIYUE, unitName: '海悦 电子' }, '海悦电子2021互助费7F3A9C21'],
    ['4 characters of the name, another word', { unitNameChars: 4, year: true, word: '职工互助' }, HAIYUE, '海悦电子2021职工互助7F3A9C21'],
    ['no name, no year, no word: the code alone', { unitNameChars: 0, year: false, word: '' }, HAIYUE, '7F3A9C21'],
    ['the code from the id without its dashes, upper case', { unitNameChars: 0, year: true, word: '' }, { ...HAIYUE, enrolmentId: 'enr-ab-12-cd-34' }, '2021AB12CD34'],
  ])('%s', (_why, rule, source, expected) => expect(paymentReference(rule, source)).toBe(expected))

  it('cuts rare characters (4 bytes) further so the remark stays within the limit', () => {
    const rule: PaymentReferenceRule = { unitNameChars: 20, year: true, word: '互助' }
    const remark = paymentReference(rule, { ...HAIYUE, unitName: '𠀀'.repeat(20) })
    expect(remarkBytes(remark)).toBeLessThanOrEqual(REMARK_LIMIT_BYTES)
    expect(remark.endsWith('2021互助7F3A9C21')).toBe(true)
  })

  it('any valid rule and any name: within 60 bytes, ending with the declaration code', () => {
    const rules = fc
      .record({ unitNameChars: fc.integer({ min: 0, max: 20 }), year: fc.boolean(), word: fc.stringMatching(/^[\u4e00-\u9fa5A-Za-z0-9]{0,10}$/) })
      .filter((r) => paymentReferenceRuleSchema.safeParse(r).success)
    const names = fc.string({ unit: fc.constantFrom('海', '悦', 'A', '1', ' ', '（', '𠀀'), maxLength: 40 })
    fc.assert(
      fc.property(rules, names, fc.integer({ min: 2000, max: 2099 }), fc.stringMatching(/^enr-[0-9a-z]{8,12}$/), (rule, unitName, year, enrolmentId) => {
        const remark = paymentReference(rule, { unitName, year, enrolmentId })
        const code = enrolmentId.replace(/[^0-9a-zA-Z]/g, '').slice(-8).toUpperCase()
        expect(remarkBytes(remark)).toBeLessThanOrEqual(REMARK_LIMIT_BYTES)
        expect(remark.endsWith(code)).toBe(true)
      }),
    )
  })
})

describe('paymentReferenceRuleSchema', () => {
  it('accepts the default and the longest name that fits', () => {
    expect(paymentReferenceRuleSchema.safeParse(DEFAULT_PAYMENT_REFERENCE_RULE).success).toBe(true)
    // 20 × 2 + 4 + 6 + 8 = 58 bytes
    expect(paymentReferenceRuleSchema.safeParse({ unitNameChars: 20, year: true, word: '互助费' }).success).toBe(true)
  })

  it.each<[string, unknown, RegExp]>([
    ['over 60 bytes: 20 name characters + year + a 5-character word (62)', { unitNameChars: 20, year: true, word: '职工互助费' }, /附言最长 30 个汉字（60 字节）.*62 字节/],
    ['more than 20 name characters', { unitNameChars: 21, year: false, word: '' }, /最多取 20 个字/],
    ['a negative count', { unitNameChars: -1, year: true, word: '' }, /不能小于 0/],
    ['a fraction', { unitNameChars: 1.5, year: true, word: '' }, /整数/],
    ['punctuation in the word', { unitNameChars: 4, year: true, word: '互助费-2021' }, /只能用汉字、字母和数字/],
    ['a word over 10 characters', { unitNameChars: 0, year: true, word: '职工医疗互助会员年度缴费款' }, /最多 10 个字/],
  ])('refuses %s with a message that says what to change', (_why, rule, message) => {
    const parsed = paymentReferenceRuleSchema.safeParse(rule)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.map((i) => i.message).join(' ')).toMatch(message)
  })
})
