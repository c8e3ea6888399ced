/** What the `enrolment` function answers, as the app reads it (instants arrive as ISO strings). */
import { z } from 'zod'
import type { QuoteLine } from '@mutual-aid/shared-rules'
import { dateSchema, familySchema, fileCheckSchema, instantSchema, cursorPageOf, personStatusSchema, productSchema, schemeIdSchema, schemeRulesSchema, sexSchema, unitTypeSchema } from '../common'
import { payeeAccountSchema } from '../settings'

const staffReportViewSchema = z.object({ month: z.string(), headcount: z.number().int() }).nullable()

export const enrolmentStatusSchema = z.enum(['draft', 'submitted', 'returned', 'approved', 'paid'])
export const enrolmentKindSchema = z.enum(['annual', 'new_hire', 'replacement'])

/** A fee line as the rules quote it; its shape is the rules package's (checked for its core, passed through whole). */
export const quoteLineSchema = z.custom<QuoteLine>(
  (v) => typeof v === 'object' && v !== null && Number.isInteger((v as QuoteLine).amountFen) && typeof (v as QuoteLine).basis === 'string',
  '缴费明细格式不正确',
)

export const preparedPersonSchema = z.object({
  _id: z.string(),
  name: z.string(),
  idMasked: z.string(),
  sex: sexSchema,
  status: personStatusSchema,
  hireDate: dateSchema,
  previous: z.boolean(),
  current: z.object({ enrolmentId: z.string().nullable(), status: z.string(), here: z.boolean() }).nullable(),
  firstTime: z.boolean(),
})
export type PreparedPerson = z.infer<typeof preparedPersonSchema>

export const preparedDeclarationSchema = z.object({
  today: dateSchema,
  year: z.number().int(),
  unit: z.object({ _id: z.string(), name: z.string(), unitType: unitTypeSchema, finance: z.boolean(), family: familySchema, staffReport: staffReportViewSchema }),
  scheme: z.object({
    id: schemeIdSchema,
    name: z.string(),
    family: familySchema,
    products: z.array(z.object({ id: productSchema, name: z.string() })),
    shares: z.object({ min: z.number().int(), max: z.number().int() }).nullable(),
  }),
  /** The scheme version as the enrolment function quotes with it (announced fees applied): pass it to the rules. */
  rules: schemeRulesSchema,
  window: z.object({
    ok: z.boolean(),
    code: z.string().optional(),
    message: z.string().optional(),
    basis: z.string().optional(),
    from: dateSchema.nullable(),
    to: dateSchema.nullable(),
  }),
  renewal: z.object({ previousEnd: dateSchema, graceEnd: dateSchema }).nullable(),
  /** When coverage would start if paid today; `null` when that buys no day of the period (`window` says why). */
  coverageStartEstimate: dateSchema.nullable(),
  previousPlan: z.object({ shares: z.number().int().nullable(), products: z.array(productSchema) }).nullable(),
  firstTimeUnit: z.boolean(),
  enrolments: z.array(
    z.object({
      _id: z.string(),
      kind: enrolmentKindSchema,
      status: enrolmentStatusSchema,
      version: z.number().int(),
      shares: z.number().int().nullable(),
      products: z.array(productSchema),
      participantCount: z.number().int(),
      totalFen: z.number().int(),
      returnReason: z.string().nullable(),
      coverageStart: dateSchema.nullable(),
    }),
  ),
  /**
   * The roster's figures, counted on the server (the people themselves come a page at a time from `people`):
   * its revision (what `submit`'s allExcept names), staff in service, who can be declared now and how they split by
   * first-time and sex (the quote's inputs), last period's participants here, this period's active ones here.
   */
  roster: z.object({
    revision: z.number().int(),
    inService: z.number().int(),
    declarable: z.number().int(),
    groups: z.array(z.object({ firstTime: z.boolean(), sex: sexSchema, count: z.number().int() })),
    previous: z.number().int(),
    activeHere: z.number().int(),
    /**
     * A returned declaration being corrected: the declarable people not in it (unticked when the form opens), or null
     * when there are more than a page can name (then the form opens with everyone).
     */
    notInReturned: z.array(preparedPersonSchema).nullable(),
  }),
  /** The ratio and quote for everyone declarable with last period's plan (or the scheme's defaults), as `submit` computes them. */
  initial: z.object({
    participants: z.number().int(),
    staff: z.number().int(),
    ratioOk: z.boolean(),
    requiredMin: z.number().int().nullable(),
    totalFen: z.number().int().nullable(),
  }),
})
export type PreparedDeclaration = z.infer<typeof preparedDeclarationSchema>

export const preparedPeoplePageSchema = cursorPageOf(preparedPersonSchema)
export type PreparedPeoplePage = z.infer<typeof preparedPeoplePageSchema>

export const quoteAnswerSchema = z.object({ participantCount: z.number().int(), totalFen: z.number().int(), lines: z.array(quoteLineSchema) })
export type QuoteAnswer = z.infer<typeof quoteAnswerSchema>

export const declarationSummarySchema = z.object({
  _id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  family: familySchema,
  schemeId: schemeIdSchema,
  year: z.number().int(),
  kind: enrolmentKindSchema,
  status: enrolmentStatusSchema,
  participantCount: z.number().int(),
  totalFen: z.number().int(),
  submittedAt: instantSchema.nullable(),
  coverageStart: dateSchema.nullable(),
  returnReason: z.string().nullable(),
  version: z.number().int(),
})
export type DeclarationSummary = z.infer<typeof declarationSummarySchema>

export const declarationDetailSchema = z.object({
  today: dateSchema,
  // The stored declaration as it is (its total is `quote.totalFen`), less the staff OPENIDs.
  enrolment: declarationSummarySchema.omit({ totalFen: true }).extend({
    submittedAt: instantSchema.nullish().transform((v) => v ?? null),
    coverageStart: dateSchema.nullish().transform((v) => v ?? null),
    returnReason: z.string().nullish().transform((v) => v ?? null),
    schemeName: z.string(),
    unitType: unitTypeSchema,
    shares: z.number().int().nullable(),
    products: z.array(productSchema),
    staffCount: z.number().int(),
    firstTimeCount: z.number().int().optional(),
    replacedCount: z.number().int(),
    quote: z.object({ totalFen: z.number().int(), lines: z.array(quoteLineSchema), coverageStartEstimate: dateSchema.optional() }),
    payment: z.object({ amountFen: z.number().int(), paidOn: dateSchema, reference: z.string(), receiptFileID: z.string().nullish() }).optional(),
    coverageEnd: dateSchema.nullish(),
    reviewedAt: instantSchema.nullish(),
  }),
  /**
   * Where and how the unit pays (the office's account for the scheme, the amount, the reference to quote in the
   * transfer's remark), from the office's payment settings; null once the payment is recorded (or never declared).
   * `demo`: the office has stored no account yet and these are the documented demo defaults.
   */
  payTo: payeeAccountSchema.extend({ amountFen: z.number().int(), reference: z.string(), demo: z.boolean() }).nullable(),
  participants: cursorPageOf(
    z.object({
      _id: z.string(),
      name: z.string(),
      idMasked: z.string(),
      sex: sexSchema,
      firstTime: z.boolean(),
      products: z.array(productSchema),
      shares: z.number().int(),
      status: z.string(),
      coverageStart: dateSchema.nullable(),
      coverageEnd: dateSchema.nullable(),
    }),
  ),
})
export type DeclarationDetail = z.infer<typeof declarationDetailSchema>

export const coverageWindowViewSchema = z.object({ from: dateSchema, to: dateSchema, benefit: z.string(), amountFen: z.number().int(), basis: z.string() })
export type CoverageWindowView = z.infer<typeof coverageWindowViewSchema>

export const coverageItemSchema = z.object({
  participationId: z.string(),
  unitId: z.string(),
  name: z.string(),
  idMasked: z.string(),
  schemeId: schemeIdSchema,
  schemeName: z.string(),
  family: familySchema,
  year: z.number().int(),
  shares: z.number().int().nullable(),
  firstTime: z.boolean(),
  status: z.enum(['pending', 'active', 'void']),
  coverageStart: dateSchema.nullable(),
  coverageEnd: dateSchema.nullable(),
  products: z.array(
    z.object({
      product: productSchema,
      name: z.string(),
      phase: z.string(),
      dayNumber: z.number().int().nullable(),
      summary: z.string(),
      fullFrom: dateSchema.nullable(),
      windows: z.array(coverageWindowViewSchema),
    }),
  ),
})
export type CoverageItem = z.infer<typeof coverageItemSchema>

export const myCoverageSchema = z.object({
  today: dateSchema,
  person: z.object({ name: z.string(), idMasked: z.string(), unitName: z.string() }),
  items: z.array(coverageItemSchema),
})

export const certificateViewSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('unit'),
    today: dateSchema,
    year: z.number().int(),
    unit: z.object({ _id: z.string(), name: z.string(), uscc: z.string(), unitType: unitTypeSchema }),
    scheme: z.object({ id: schemeIdSchema, name: z.string(), document: z.string() }).nullable(),
    batches: z.array(
      z.object({
        enrolmentId: z.string(),
        kind: enrolmentKindSchema,
        products: z.array(z.object({ id: productSchema, name: z.string() })),
        shares: z.number().int().nullable(),
        coverageStart: dateSchema,
        coverageEnd: dateSchema,
        participantCount: z.number().int(),
        firstTimeCount: z.number().int(),
        paidFen: z.number().int(),
        paidOn: dateSchema.nullable(),
        firstTimeWindows: z.array(coverageWindowViewSchema),
      }),
    ),
    participants: z.object({
      total: z.number().int(),
      nextCursor: z.string().nullable(),
      firstTime: z.number().int(),
      items: z.array(
        z.object({
          name: z.string(),
          idMasked: z.string(),
          firstTime: z.boolean(),
          products: z.array(productSchema),
          shares: z.number().int(),
          coverageStart: dateSchema,
          coverageEnd: dateSchema,
        }),
      ),
    }),
  }),
  z.object({ kind: z.literal('person'), today: dateSchema, year: z.number().int(), unit: z.object({ name: z.string(), uscc: z.string() }), coverage: coverageItemSchema }),
])
export type CertificateView = z.infer<typeof certificateViewSchema>

export const submittedDeclarationSchema = quoteAnswerSchema.extend({ enrolmentId: z.string(), status: enrolmentStatusSchema })
export const addedBatchSchema = quoteAnswerSchema.extend({ enrolmentId: z.string() })
export type SubmittedDeclaration = z.infer<typeof submittedDeclarationSchema>
export type AddedBatch = z.infer<typeof addedBatchSchema>
export const reviewedSchema = z.object({ status: enrolmentStatusSchema, version: z.number().int() })
export const paymentRecordedSchema = z.object({ status: enrolmentStatusSchema, version: z.number().int(), coverageStart: dateSchema.optional(), coverageEnd: dateSchema.optional() })
/** The receipt's link, and whether it is still the receipt recorded with the payment (its hash). */
export const receiptUrlSchema = z.object({ url: z.string(), check: fileCheckSchema.default('unrecorded') })
export const declarationPageSchema = cursorPageOf(declarationSummarySchema)
