/**
 * Payment instructions (issue 13 item 10): after declaring, the clerk is told where and how to pay — the office's
 * account for the scheme, the amount and the remark to quote — from the office's payment settings, with the
 * documented demo accounts until the office stores its own.
 */
import { DEFAULT_PAYMENT_REFERENCE_RULE, DEFAULT_PAYMENT_SETTINGS, paymentSettingsSchema } from '@mutual-aid/contracts'
import { AGENT, CLERK_TZ, CLERK_WH, OFFICE, WORKER_WH, startSuite, type Suite } from './helpers'

let s: Suite
/** A copy of the WH unit's paid 2021 declaration, approved and not yet paid. */
const APPROVED = 'enr-payto-approved'

const REAL = {
  WH: { accountName: '某市总工会职工医疗互助办公室', bank: '中国工商银行某市分行营业部', accountNumber: '3202 0010 0900 0012 345', phone: '027-12345678' },
  TZ: { accountName: '某市职工服务中心', bank: '中国农业银行某市分行', accountNumber: '1912 0101 0400 1234 5', phone: '0576-1234567' },
}

beforeAll(async () => {
  s = await startSuite()
  const list = await s.ok('enrolment', OFFICE, 'list', { limit: 50 })
  const paid = list.items.find((e: any) => e.status === 'paid' && e.family === 'WH')
  const doc = (await s.db.collection('enrolments').doc(paid._id).get()).data
  const { _id, payment, ...rest } = doc
  void _id
  void payment
  await s.db.collection('enrolments').add({ data: { ...rest, _id: APPROVED, status: 'approved', kind: 'new_hire', coverageStart: null, coverageEnd: null } })
})

afterAll(async () => {
  await s?.emu.stop()
})

describe('payment settings', () => {
  it('are the documented demo accounts until the office stores its own', async () => {
    expect(await s.ok('enrolment', CLERK_WH, 'paymentSettings')).toEqual({ settings: DEFAULT_PAYMENT_SETTINGS, demo: true, version: 0 })
    const detail = await s.ok('enrolment', CLERK_WH, 'get', { enrolmentId: APPROVED })
    expect(detail.payTo).toMatchObject({ ...DEFAULT_PAYMENT_SETTINGS.WH, demo: true, amountFen: detail.enrolment.quote.totalFen })
    expect(detail.payTo.reference).toMatch(/2021互助费[0-9A-Z]{1,8}$/)
    expect(detail.payTo.reference.length).toBeLessThanOrEqual(30)
  })

  it.each([
    ['a clerk', CLERK_WH],
    ['an agent', AGENT],
    ['a worker', WORKER_WH],
  ])('%s may not change them, and nothing changes', async (_who, openid) => {
    const answer = await s.call('enrolment', openid, 'setPaymentSettings', { settings: REAL, version: 0 })
    expect(answer.ok).toBe(false)
    expect((await s.ok('enrolment', OFFICE, 'paymentSettings')).demo).toBe(true)
  })

  it('refuses an account number with letters, with a clear message', async () => {
    const answer = await s.call('enrolment', OFFICE, 'setPaymentSettings', { settings: { ...REAL, WH: { ...REAL.WH, accountNumber: '62220abc' } }, version: 0 })
    expect(answer).toMatchObject({ ok: false })
    expect(answer.message).toMatch(/账号/)
    expect((await s.ok('enrolment', OFFICE, 'paymentSettings')).demo).toBe(true)
  })

  it('refuses a remark rule the bank would cut (over 60 bytes), saying what to shorten; nothing changes', async () => {
    const referenceRule = { unitNameChars: 20, year: true, word: '职工医疗互助费' }
    const answer = await s.call('enrolment', OFFICE, 'setPaymentSettings', { settings: { ...REAL, referenceRule }, version: 0 })
    expect(answer).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(answer.message).toMatch(/附言最长 30 个汉字（60 字节）.*66 字节.*减少单位名称的字数/)
    expect(await s.ok('enrolment', OFFICE, 'paymentSettings')).toMatchObject({ demo: true, version: 0 })
  })

  it('settings saved without a remark rule (from before it was editable) have the default rule', async () => {
    expect(DEFAULT_PAYMENT_SETTINGS.referenceRule).toEqual(DEFAULT_PAYMENT_REFERENCE_RULE)
    expect(paymentSettingsSchema.parse({ WH: REAL.WH, TZ: REAL.TZ }).referenceRule).toEqual(DEFAULT_PAYMENT_REFERENCE_RULE)
  })

  it('the office stores them once per version: of two saves of the same version, one wins', async () => {
    const [a, b] = await Promise.all([
      s.call('enrolment', OFFICE, 'setPaymentSettings', { settings: REAL, version: 0 }),
      s.call('enrolment', OFFICE, 'setPaymentSettings', { settings: { ...REAL, TZ: { ...REAL.TZ, phone: '0576-7654321' } }, version: 0 }),
    ])
    expect([a.ok, b.ok].sort()).toEqual([false, true])
    const loser = a.ok ? b : a
    expect(loser.code).toBe('CONFLICT')
    const stored = await s.ok('enrolment', CLERK_TZ, 'paymentSettings')
    expect(stored).toMatchObject({ demo: false, version: 1 })
  })

  it('a later change is audited with the accounts it replaced and the new ones', async () => {
    const current = await s.ok('enrolment', OFFICE, 'paymentSettings')
    const next = { ...current.settings, TZ: { ...current.settings.TZ, accountNumber: '1912 0101 0400 9999 9' } }
    expect(await s.ok('enrolment', OFFICE, 'setPaymentSettings', { settings: next, version: current.version })).toEqual({ version: current.version + 1 })
    const entries = (await s.db.collection('audit').where({ action: 'settings.payment.set' }).get()).data.sort((a: any, b: any) => new Date(a.at).getTime() - new Date(b.at).getTime())
    expect(entries).toHaveLength(2)
    expect(entries[0]).toMatchObject({ openid: OFFICE, before: { version: 0, demo: true } })
    expect(entries[1].before).toMatchObject({ version: current.version, TZ: current.settings.TZ })
    expect(entries[1].after).toMatchObject({ version: current.version + 1, TZ: next.TZ })
    expect((await s.ok('enrolment', CLERK_TZ, 'paymentSettings')).settings.TZ.accountNumber).toBe('1912 0101 0400 9999 9')
  })

  it('the declaration then shows the stored account of its scheme; a paid one shows none', async () => {
    const detail = await s.ok('enrolment', CLERK_WH, 'get', { enrolmentId: APPROVED })
    expect(detail.payTo).toMatchObject({ ...REAL.WH, demo: false })
    const list = await s.ok('enrolment', OFFICE, 'list', { status: 'paid', limit: 5 })
    const paid = await s.ok('enrolment', OFFICE, 'get', { enrolmentId: list.items[0]._id })
    expect(paid.payTo).toBeNull()
  })
})
