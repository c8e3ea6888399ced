import { COMMON_ERROR_CODES, type ErrorCode, type RuleRefusal } from '@mutual-aid/contracts'

/**
 * A refusal raised inside a handler. `createMain` turns it into `{ ok: false, code, message }`;
 * anything else thrown is a bug and answers INTERNAL. Codes come from the contract's catalogue.
 */
export class AppError extends Error {
  readonly code: string

  constructor(
    code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.code = code
    this.name = 'AppError'
  }

  /** A refusal the rules decided (a closed window, a quote that cannot be made), passed on with their code. */
  static fromRule(refusal: RuleRefusal, message = refusal.message): AppError {
    // The rules' reason codes are their own catalogue, not the functions' (so not an ErrorCode).
    return Object.assign(new AppError('INVALID_INPUT', message), { code: refusal.code })
  }
}

/** The refusal codes every function shares, by name (`Codes.FORBIDDEN`). */
export const Codes = Object.fromEntries(Object.keys(COMMON_ERROR_CODES).map((k) => [k, k])) as {
  [K in keyof typeof COMMON_ERROR_CODES]: K
}

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
