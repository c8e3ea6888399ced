/**
 * The proposal page's account check (use-proposal.ts): each field's own message goes under it, because the page's
 * error notice sits below the fold, under the fixed 确认领取 bar — a tap with the account missing seemed to do nothing.
 */
import { payeeSchema } from '@mutual-aid/contracts'
import { payeeFieldErrors } from '@/features/claims/proposal/use-proposal'

jest.mock('@tarojs/taro', () => require('../helpers/fake-taro-page'))
jest.mock('@/components/ui', () => ({ toast: jest.fn(), confirm: jest.fn() }))
jest.mock('@/features/notifications', () => ({ requestSubscriptions: jest.fn(async () => undefined) }))
jest.mock('@/features/claims/api', () => ({ claimsApi: {} }))

const errorsOf = (payee: { name: string; bank: string; account: string }) => {
  const checked = payeeSchema.safeParse(payee)
  return checked.success ? {} : payeeFieldErrors(checked.error.issues)
}

describe('payeeFieldErrors', () => {
  it.each([
    [{ name: '余静', bank: '', account: '' }, { bank: '请填写开户银行', account: '银行账号应为 8–30 位数字' }],
    [{ name: '', bank: '中国工商银行台州分行', account: '6222020000000000099' }, { name: '请填写收款人姓名' }],
    [{ name: '余静', bank: '中国工商银行台州分行', account: '6222-0200' }, { account: '银行账号应为 8–30 位数字' }],
    [{ name: '余静', bank: '中国工商银行台州分行', account: '6222020000000000099' }, {}],
  ])('%o → %o', (payee, expected) => {
    expect(errorsOf(payee)).toEqual(expected)
  })

  it('keeps the first message of a field and ignores paths outside the form', () => {
    expect(payeeFieldErrors([
      { path: ['bank'], message: '第一条' },
      { path: ['bank'], message: '第二条' },
      { path: [], message: '整体' },
    ])).toEqual({ bank: '第一条' })
  })
})
