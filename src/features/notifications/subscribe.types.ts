/** The subscribe-message templates (the same keys as `TemplateKey` in cloudfunctions/_shared/src/notify.ts). */
export type SubscriptionKey =
  | 'enrolmentReviewed'
  | 'enrolmentPaid'
  | 'coverageStarted'
  | 'claimReceived'
  | 'claimNeedsMaterials'
  | 'claimDecided'
