import { action } from '@cloud-shared/create-main'
import { findById } from '@cloud-shared/db'
import { notFound } from '@cloud-shared/errors'
import { loadSchemes } from '@cloud-shared/schemes'
import { DEFAULT_PAYMENT_REFERENCE_RULE, enrolmentGetSchema, paymentReference } from '@mutual-aid/contracts'
import { unitInScope } from '@cloud-shared/unit-scope'
import { countWhere, keysetPage } from '@cloud-shared/keyset'
import { BY_NAME_KEY, namePrefixOf } from '@cloud-shared/name-key'
import { loadPaymentSettings } from '@cloud-shared/settings'
import type { EnrolmentDoc, ParticipationDoc } from './model'

/** One declaration with its quote, review and payment, and a searchable page of its participants in pinyin order (IDs masked). */
export const get = action({
  access: ['clerk', 'agent', 'office'],
  input: enrolmentGetSchema,
  async run(ctx, input) {
    const e = await findById<EnrolmentDoc>(ctx.db, 'enrolments', input.enrolmentId)
    if (!e) throw notFound('该申报')
    const unit = await unitInScope(ctx, e.unitId)
    // Searched by the beginning of a name (an index range; a regular expression would read the whole declaration).
    const prefix = input.query ? namePrefixOf(ctx.db, input.query) : { where: {}, also: [] }
    const where: Record<string, unknown> = { enrolmentId: e._id, ...prefix.where }
    const [total, page] = await Promise.all([
      countWhere(ctx.db, 'participations', where, prefix.also),
      keysetPage<ParticipationDoc>(ctx.db, 'participations', where, BY_NAME_KEY, { cursor: input.cursor, limit: input.limit ?? 50, also: prefix.also }),
    ])
    const scheme = (await loadSchemes(ctx.db)).get(e.schemeId)
    // Declared and not yet paid: tell the clerk where and how to pay (the agent and office see the same).
    const unpaid = e.status === 'submitted' || e.status === 'approved'
    const accounts = unpaid ? await loadPaymentSettings(ctx.db) : null
    // The remark it was issued with; one issued before the rule was editable had the default rule's, as shown then.
    const reference = e.paymentReference ?? paymentReference(DEFAULT_PAYMENT_REFERENCE_RULE, { unitName: unit.name, year: e.year, enrolmentId: e._id })
    const payTo = accounts ? { ...accounts.settings[e.family], amountFen: e.quote.totalFen, reference, demo: accounts.demo } : null
    return {
      today: ctx.clock.today(),
      enrolment: {
        ...e,
        unitName: unit.name,
        unitType: unit.unitType,
        finance: unit.finance,
        schemeName: scheme.name,
        replacedParticipationIds: undefined,
        // Staff OPENIDs stay inside the office (the audit log keeps who did what).
        submittedBy: undefined,
        reviewedBy: undefined,
        payment: e.payment ? { ...e.payment, recordedBy: undefined } : undefined,
        replacedCount: e.replacedParticipationIds?.length ?? 0,
      },
      payTo,
      participants: {
        total,
        nextCursor: page.nextCursor,
        items: page.docs.map((p) => ({
          _id: p._id,
          name: p.name,
          idMasked: p.idMasked ?? '',
          sex: p.sex,
          firstTime: p.firstTime,
          products: p.products,
          shares: p.shares,
          status: p.status,
          coverageStart: p.coverageStart,
          coverageEnd: p.coverageEnd,
        })),
      },
    }
  },
})
