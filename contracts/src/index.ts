/**
 * @mutual-aid/contracts — the contract between the mini-program and the cloud functions: what each action takes
 * and answers, the envelope, roles, error codes and labels. Both sides import it; it imports only zod and
 * @mutual-aid/shared-rules, never the app or a function.
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
