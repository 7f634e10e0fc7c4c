/** The result envelope every cloud function returns, and the error codes it may carry. */
export const ERROR_CODES = [
  'UNKNOWN_ACTION',
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'CONTENT_REJECTED',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** One problem with the input, as zod reports it (path into the input, human message). */
export interface InputIssue {
  path: (string | number)[]
  message: string
}

export interface ErrorBody {
  code: ErrorCode
  message: string
  issues?: InputIssue[]
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody }

/** What a person sees for each code when the server sends no better message. */
export const ERROR_TEXT: Record<ErrorCode, string> = {
  UNKNOWN_ACTION: '未知的操作',
  INVALID_INPUT: '填写的内容有误',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '内容不存在或已被删除',
  CONFLICT: '状态已变化，请刷新后重试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  CONTENT_REJECTED: '内容未通过安全检测，请修改后再提交',
  INTERNAL: '服务暂时不可用，请稍后再试',
}
