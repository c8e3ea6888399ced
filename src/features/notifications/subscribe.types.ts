import type { SubscribeMoment } from '@mutual-aid/contracts'

export type { SubscribeMoment, TemplateKey } from '@mutual-aid/contracts'

/** Asks the user to allow the notices of one tap (`SUBSCRIBE_ON[moment]` in @mutual-aid/contracts). */
export type RequestSubscriptions = (moment: SubscribeMoment) => Promise<void>
