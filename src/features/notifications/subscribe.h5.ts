import { SUBSCRIBE_ON, localTemplateId, type SubscribeMoment } from '@mutual-aid/contracts'
import { currentSessionToken } from '@/services/cloud.h5'
import type { RequestSubscriptions } from './subscribe.types'

export type { SubscribeMoment, TemplateKey } from './subscribe.types'

/**
 * The browser has no WeChat dialog: asking here stands for tapping 允许 — the local cloud grants one send of each
 * template to the signed-in user (`POST /local/subscribe`), exactly what WeChat would allow after that tap. Nothing the
 * user is doing waits on it or fails with it: the in-app inbox gets every notice anyway.
 */
export const requestSubscriptions: RequestSubscriptions = async (moment: SubscribeMoment) => {
  const token = currentSessionToken()
  if (!token) return
  try {
    await fetch('/local/subscribe', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ tmplIds: SUBSCRIBE_ON[moment].map(localTemplateId) }),
    })
  } catch {
    // Offline: the inbox still gets every notice.
  }
}
