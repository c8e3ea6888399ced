import type { z } from 'zod'

/** One Chinese sentence naming the first problems of a rejected input, for the person who filled the form. */
export function describeZodError(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length ? `「${issue.path.join('.')}」` : ''
    return `${where}${issue.message}`
  })
  return `提交的信息有误：${parts.join('；')}。请修改后重试。`
}
