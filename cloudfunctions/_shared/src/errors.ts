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

/** The text of an error the SDK raised (it carries `errCode`/`errMsg`, or `code`/`message`), for matching. */
export function sdkErrorText(err: unknown): string {
  if (err === null || typeof err !== 'object') return String(err)
  const e = err as { code?: unknown; errCode?: unknown; errMsg?: unknown; message?: unknown }
  return [e.code, e.errCode, e.errMsg, e.message].filter((v) => v !== undefined && v !== null).join(' ')
}

/** A unique-index violation, as CloudBase (and the local emulator) report it. */
export function isDuplicateKey(err: unknown): boolean {
  return /DUPLICATE|E11000|duplicate key/i.test(sdkErrorText(err))
}
