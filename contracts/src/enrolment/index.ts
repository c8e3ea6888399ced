/** The `enrolment` function: declare, review, payment, coverage certificate, new hires, replacement. */
import { z } from 'zod'
import { noInput } from '../common'
import { paymentSettingsSchema } from '../settings'
import { defineFunction } from '../action'
import { orProcessing } from '../processing'
import {
  certificateSchema,
  enrolmentGetSchema,
  enrolmentListSchema,
  enrolmentPeopleSchema,
  enrolmentPrepareSchema,
  enrolmentRefSchema,
  enrolmentReviewSchema,
  enrolmentSubmitSchema,
  newHireSchema,
  paymentSchema,
  replacementSchema,
} from './requests'
import {
  addedBatchSchema,
  certificateViewSchema,
  declarationDetailSchema,
  declarationPageSchema,
  myCoverageSchema,
  paymentRecordedSchema,
  preparedDeclarationSchema,
  preparedPeoplePageSchema,
  receiptUrlSchema,
  reviewedSchema,
  submittedDeclarationSchema,
} from './responses'

export * from './requests'
export * from './responses'

export const enrolmentContract = defineFunction('enrolment', {
  prepare: { input: enrolmentPrepareSchema, output: preparedDeclarationSchema },
  /** The declaration page's people, a page at a time (each with their standing this and last period). */
  people: { input: enrolmentPeopleSchema, output: preparedPeoplePageSchema },
  submit: { input: enrolmentSubmitSchema, output: orProcessing(submittedDeclarationSchema) },
  review: { input: enrolmentReviewSchema, output: reviewedSchema },
  recordPayment: { input: paymentSchema, output: orProcessing(paymentRecordedSchema) },
  list: { input: enrolmentListSchema, output: declarationPageSchema },
  /**
   * Home-page badges over the declarations in the caller's scope: sent back for correction (clerk), waiting for the
   * agent's review, approved and waiting for the contribution to arrive (clerk pays, office records it).
   */
  badges: {
    input: noInput,
    output: z.object({ returned: z.number().int().min(0), waitingReview: z.number().int().min(0), awaitingPayment: z.number().int().min(0) }),
  },
  get: { input: enrolmentGetSchema, output: declarationDetailSchema },
  certificate: { input: certificateSchema, output: certificateViewSchema },
  myCoverage: { input: noInput, output: myCoverageSchema },
  addNewHires: { input: newHireSchema, output: orProcessing(addedBatchSchema) },
  replace: { input: replacementSchema, output: orProcessing(addedBatchSchema.extend({ replacedCount: z.number().int() })) },
  receiptUrl: { input: enrolmentRefSchema, output: receiptUrlSchema },
  /** The accounts units pay into (staff); `demo` while the office has stored none. */
  paymentSettings: { input: noInput, output: z.object({ settings: paymentSettingsSchema, demo: z.boolean(), version: z.number().int() }) },
  /** The office stores the accounts (optimistic: `version` is the one it read; 0 when none was stored). */
  setPaymentSettings: {
    input: z.object({ settings: paymentSettingsSchema, version: z.number().int().min(0) }),
    output: z.object({ version: z.number().int() }),
  },
})
