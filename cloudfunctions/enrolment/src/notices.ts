import { wxAmount, wxDate, wxThing } from '@mutual-aid/contracts'
import { formatYuan } from '@mutual-aid/shared-rules'
import type { HandlerContext } from '@cloud-shared/context'
import { notify, type Notice } from '@cloud-shared/notify'
import { clerksOf } from '@cloud-shared/unit-scope'
import type { EnrolmentDoc } from './model'

// Said after "2021 年度": the annual kind is just 申报 there (never "2021 年度年度申报").
const KIND = { annual: '申报', new_hire: '新入职增员', replacement: '参保对象替换' } as const

/**
 * What the unit's clerks are told about a declaration (returned, approved, paid), once per declaration version and
 * clerk. The agent's return reason is never copied into the message (it may be long or name people): the message
 * points to the declaration, where the clerk reads it.
 */
export function clerkNotices(ctx: HandlerContext, e: EnrolmentDoc, event: 'approved' | 'returned' | 'paid', clerks: string[]): Notice[] {
  const what = `${e.year} 年度${KIND[e.kind]}（${e.participantCount} 人）`
  const text = {
    approved: { title: '申报已审核通过', body: `${what}已由代理单位审核通过，请按 ${formatYuan(e.quote.totalFen)} 缴纳互助费；收款账户和转账附言见申报详情。`, status: '审核通过' },
    returned: { title: '申报被退回', body: `${what}被代理单位退回。请打开申报查看退回原因，修改后重新提交。`, status: '已退回' },
    paid: {
      title: e.payment ? '缴费已确认' : '已生效',
      body: e.payment
        ? `${what}的互助费 ${formatYuan(e.payment.amountFen)} 已确认到账，保障自 ${e.coverageStart} 起生效，至 ${e.coverageEnd}。`
        : `${what}无需补缴费用，保障自 ${e.coverageStart} 起生效，至 ${e.coverageEnd}。`,
      status: '已生效',
    },
  }[event]
  const today = ctx.clock.today()
  return clerks.map((openid): Notice => {
    const base = { id: `${e._id}:v${e.version}:${event}`, openid, title: text.title, body: text.body, page: `packages/enrol/declaration/index?id=${e._id}`, ref: { entity: 'enrolments', id: e._id } }
    if (event === 'paid') {
      return {
        ...base,
        template: 'enrolmentPaid',
        fields: { thing1: wxThing(what), amount2: wxAmount(e.payment?.amountFen ?? 0), date3: wxDate(e.coverageStart ?? today) },
      } as Notice<'enrolmentPaid'>
    }
    // The agent's reason stays in the app (it may be long or name people): the message points to it.
    const next = event === 'returned' ? '请查看退回原因，修改后重新提交' : '请按核定金额缴纳互助费'
    return { ...base, template: 'enrolmentReviewed', fields: { thing1: wxThing(what), phrase2: text.status, thing3: next } } as Notice<'enrolmentReviewed'>
  })
}

/** Tells the unit's clerks now (each notice once, under its deterministic id). */
export async function noticeClerks(ctx: HandlerContext, e: EnrolmentDoc, event: 'approved' | 'returned' | 'paid'): Promise<void> {
  for (const notice of clerkNotices(ctx, e, event, await clerksOf(ctx, e.unitId))) await notify(ctx, notice)
}
