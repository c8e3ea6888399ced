export interface OutboxEntry {
  touser: string
  templateId: string
  page?: string
  data: Record<string, { value: string }>
  sentAt?: string
}

/** In WeChat the pushed notices arrive as real service notifications; there is no local outbox. */
export async function loadOutbox(): Promise<OutboxEntry[] | null> {
  return null
}
