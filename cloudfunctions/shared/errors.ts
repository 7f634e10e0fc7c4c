import type { ErrorCode, InputIssue } from '../../types/envelope'

/** An expected failure: becomes `{ ok: false, error: { code, message } }` with this exact text. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: InputIssue[],
  ) {
    super(message)
    this.name = 'DomainError'
  }
}

export const forbidden = (message = '您没有权限进行此操作') => new DomainError('FORBIDDEN', message)
export const notFound = (what = '内容') => new DomainError('NOT_FOUND', `${what}不存在`)
export const conflict = (message: string) => new DomainError('CONFLICT', message)
export const invalid = (message: string, path: (string | number)[] = []) =>
  new DomainError('INVALID_INPUT', message, [{ path, message }])

/** Throw FORBIDDEN unless the condition holds (scope checks read as one line each). */
export function ensure(condition: unknown, message?: string): asserts condition {
  if (!condition) throw forbidden(message)
}

/** The SDK reports database errors as { errCode, errMsg }; these helpers read them. */
export const sdkErrCode = (e: unknown): number | undefined =>
  typeof e === 'object' && e !== null && 'errCode' in e ? Number((e as { errCode: unknown }).errCode) : undefined

export const isDuplicateKey = (e: unknown): boolean =>
  sdkErrCode(e) === -502001 || /duplicate key|E11000/i.test(String((e as { errMsg?: string })?.errMsg ?? e))

export const isTransactionConflict = (e: unknown): boolean =>
  sdkErrCode(e) === -501001 || /transaction conflict/i.test(String((e as { errMsg?: string })?.errMsg ?? e))
