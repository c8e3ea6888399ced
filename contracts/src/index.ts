/**
 * @mutual-aid/contracts — the contract between the mini-program and the cloud functions: what each action takes
 * and answers, the envelope, roles, error codes and labels. Both sides import it; it imports only zod and
 * @mutual-aid/shared-rules, never the app, a function or the emulator.
 */
export type { Envelope, Failure } from './envelope'
export {
  TEMPLATES,
  TEMPLATE_KEYS,
  MAX_TEMPLATES_PER_REQUEST,
  SUBSCRIBE_ON,
  localTemplateId,
  wxAmount,
  wxDate,
  wxThing,
} from './templates'
export type { KeywordType, SubscribeMoment, TemplateDefinition, TemplateFields, TemplateKey } from './templates'
export { envelopeSchema } from './envelope'
export * from './action'
export * from './common'
export * from './processing'
export * from './field-bounds'
export * from './settings'
export * from './payment-reference'
export * from './roles'
export * from './labels'
export * from './error-codes'
export * from './auth'
export * from './units'
export * from './roster'
export * from './enrolment'
export * from './claims'
export * from './messages'
export * from './schemes'
export * from './reminders'
export * from './fund'
export * from './settlements'

import { authContract } from './auth'
import { claimsContract } from './claims'
import { enrolmentContract } from './enrolment'
import { fundContract } from './fund'
import { messagesContract } from './messages'
import { remindersContract } from './reminders'
import { rosterContract } from './roster'
import { schemesContract } from './schemes'
import { settlementsContract } from './settlements'
import { unitsContract } from './units'

/** Every deployed function's contract, by name. */
export const FUNCTION_CONTRACTS = {
  auth: authContract,
  units: unitsContract,
  roster: rosterContract,
  enrolment: enrolmentContract,
  claims: claimsContract,
  messages: messagesContract,
  schemes: schemesContract,
  reminders: remindersContract,
  fund: fundContract,
  settlements: settlementsContract,
} as const
