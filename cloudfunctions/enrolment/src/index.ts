import cloud from 'wx-server-sdk'
import { enrolmentContract } from '@mutual-aid/contracts'
import { createMain, timer } from '@cloud-shared/create-main'
import { resumeOperations } from '@cloud-shared/operation'
import { deliverPending } from '@cloud-shared/outbox'
import { activateOperation } from './activate'
import { declareOperation } from './declare-operation'
import { prepare } from './prepare'
import { people } from './people'
import { submit } from './submit'
import { review } from './review'
import { recordPayment } from './payment'
import { list } from './list'
import { get } from './get'
import { certificate } from './certificate'
import { myCoverage } from './my-coverage'
import { addNewHires } from './new-hires'
import { replace } from './replace'
import { receiptUrl } from './receipt-url'
import { badges } from './badges'
import { paymentSettings, setPaymentSettings } from './payment-settings'

/** Enrolment (网上申报): prepare, declare, review, payment, coverage certificate, new hires, replacement. */
/**
 * The `resume` timer finishes what calls cut off left: declarations still being written, activations still starting
 * coverage and telling people, and notices still in the outbox.
 */
const resume = timer({
  async run(ctx) {
    const operations = await resumeOperations(ctx, [declareOperation, activateOperation])
    return { ...operations, delivered: await deliverPending(ctx) }
  },
})

export const main = createMain(
  enrolmentContract,
  cloud,
  { prepare, people, submit, review, recordPayment, list, get, certificate, myCoverage, addNewHires, replace, receiptUrl, badges, paymentSettings, setPaymentSettings },
  { timers: { resume } },
)
