/** The `enrolment` function: declare, review, payment, coverage certificate, new hires, replacement. */
import { z } from 'zod'
import { noInput } from '../common'
import { defineFunction } from '../action'
import { orProcessing } from '../processing'
import {
  certificateSchema,
  enrolmentGetSchema,
  enrolmentListSchema,
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
  receiptUrlSchema,
  reviewedSchema,
  submittedDeclarationSchema,
} from './responses'

export * from './requests'
export * from './responses'

export const enrolmentContract = defineFunction('enrolment', {
  prepare: { input: enrolmentPrepareSchema, output: preparedDeclarationSchema },
  submit: { input: enrolmentSubmitSchema, output: orProcessing(submittedDeclarationSchema) },
  review: { input: enrolmentReviewSchema, output: reviewedSchema },
  recordPayment: { input: paymentSchema, output: orProcessing(paymentRecordedSchema) },
  list: { input: enrolmentListSchema, output: declarationPageSchema },
  get: { input: enrolmentGetSchema, output: declarationDetailSchema },
  certificate: { input: certificateSchema, output: certificateViewSchema },
  myCoverage: { input: noInput, output: myCoverageSchema },
  addNewHires: { input: newHireSchema, output: orProcessing(addedBatchSchema) },
  replace: { input: replacementSchema, output: orProcessing(addedBatchSchema.extend({ replacedCount: z.number().int() })) },
  receiptUrl: { input: enrolmentRefSchema, output: receiptUrlSchema },
})
