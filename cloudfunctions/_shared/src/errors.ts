/**
 * A refusal raised inside a handler. `createMain` turns it into `{ ok: false, code, message }`;
 * anything else thrown is a bug and answers INTERNAL.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

/** Stable refusal codes shared by every function. Feature-specific codes live with their feature. */
export const Codes = {
  INVALID_INPUT: 'INVALID_INPUT',
  UNKNOWN_ACTION: 'UNKNOWN_ACTION',
  NOT_SIGNED_IN: 'NOT_SIGNED_IN',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INTERNAL: 'INTERNAL',
} as const

export const forbidden = (message = '您没有权限进行此操作。如需办理，请联系所在单位工会或互助办。') =>
  new AppError(Codes.FORBIDDEN, message)

export const notFound = (what: string) => new AppError(Codes.NOT_FOUND, `未找到${what}，请刷新后重试。`)

export const conflict = (message = '该记录已被他人修改，请刷新后查看最新内容再操作。') =>
  new AppError(Codes.CONFLICT, message)
