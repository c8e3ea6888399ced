import type { z } from 'zod'
import { isCleanText } from '@mutual-aid/contracts'

/** A path segment as the message may show it: a record key the caller sent may be long or hold control characters. */
function segment(part: PropertyKey): string {
  const text = String(part)
  return text.length <= 40 && isCleanText(text) ? text : '…'
}

/** One Chinese sentence naming the first problems of a rejected input, for the person who filled the form. */
export function describeZodError(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length ? `「${issue.path.map(segment).join('.')}」` : ''
    return `${where}${issue.message}`
  })
  return `提交的信息有误：${parts.join('；')}。请修改后重试。`
}
