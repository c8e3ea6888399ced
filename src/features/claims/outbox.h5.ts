import { currentOpenid } from '@/services/cloud'

export interface OutboxEntry {
  touser: string
  templateId: string
  page?: string
  data: Record<string, { value: string }>
  sentAt?: string
}

/** Locally (h5 on the emulator) the subscribe messages that WeChat would have pushed, from `GET /local/outbox`. */
export async function loadOutbox(): Promise<OutboxEntry[] | null> {
  const me = currentOpenid()
  if (!me) return null
  try {
    const res = await fetch(`/local/outbox?touser=${encodeURIComponent(me)}`)
    if (!res.ok) return null
    const body = (await res.json()) as unknown
    return Array.isArray(body) ? (body as OutboxEntry[]) : null
  } catch {
    return null
  }
}
