import { ERROR_CODES, ERROR_TEXT, type ErrorCode, type InputIssue } from '../../types/envelope'

/** A failed cloud call as the page sees it: a contract error code, a Chinese message, input issues. */
export class CloudError extends Error {
  readonly code: ErrorCode
  readonly issues: InputIssue[]

  constructor(code: ErrorCode, message?: string, issues: InputIssue[] = []) {
    super(message && message.trim() ? message : ERROR_TEXT[code])
    this.name = 'CloudError'
    this.code = code
    this.issues = issues
  }
}

export const NETWORK_MESSAGE = '网络异常，请稍后再试'

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}

/** Any thrown value as a CloudError, so pages show one kind of error. */
export function toCloudError(e: unknown): CloudError {
  if (e instanceof CloudError) return e
  return new CloudError('INTERNAL', NETWORK_MESSAGE)
}

/** Field → first message, from the issues of an INVALID_INPUT error (top-level path segment). */
export function issuesByField(issues: InputIssue[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : '_'
    if (!(key in out)) out[key] = issue.message
  }
  return out
}
