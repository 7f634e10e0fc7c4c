import Taro from '@tarojs/taro'
import type { z } from 'zod'
import type { CONTRACT, FunctionName } from '../../types'
import type { Envelope } from '../../types/envelope'
import { CloudError, NETWORK_MESSAGE, isErrorCode } from './errors'
import { getLocalIdentity } from './identity'

export { CloudError } from './errors'

const LOCAL_SIGN_IN = '请先在“身份切换”中选择一位演示人员'

type Contract = typeof CONTRACT
export type ActionOf<F extends FunctionName> = keyof Contract[F] & string
type Spec<F extends FunctionName, A extends ActionOf<F>> = Contract[F][A] extends {
  input: z.ZodTypeAny
  output: z.ZodTypeAny
}
  ? Contract[F][A]
  : never
/** What the caller passes: the action's input schema before defaults and transforms. */
export type CallInput<F extends FunctionName, A extends ActionOf<F>> = z.input<Spec<F, A>['input']>
/** What the caller gets back: the action's parsed output. */
export type CallOutput<F extends FunctionName, A extends ActionOf<F>> = z.output<Spec<F, A>['output']>

/** Reads an envelope; returns the data or throws the CloudError it carries. */
function unwrap<T>(raw: unknown): T {
  const env = raw as Envelope<T> | null | undefined
  if (env && typeof env === 'object' && env.ok === true) return env.data
  if (env && typeof env === 'object' && env.ok === false && env.error) {
    const code = isErrorCode(env.error.code) ? env.error.code : 'INTERNAL'
    throw new CloudError(code, env.error.message, Array.isArray(env.error.issues) ? env.error.issues : [])
  }
  throw new CloudError('INTERNAL')
}

async function transport(fn: string, action: string, input: unknown): Promise<unknown> {
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.cloud.callFunction({ name: fn, data: { action, input } })
    return res.result
  }
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  const openid = getLocalIdentity()
  if (openid) headers['x-wx-openid'] = openid
  const res = await fetch(`/cloud/${fn}`, { method: 'POST', headers, body: JSON.stringify({ action, input }) })
  return res.json()
}

/**
 * THE client: calls action `action` of cloud function `fn`. Returns the action's data or throws a
 * CloudError (network failures become INTERNAL with a Chinese message).
 */
export async function call<F extends FunctionName, A extends ActionOf<F>>(
  fn: F,
  action: A,
  input: CallInput<F, A>,
): Promise<CallOutput<F, A>> {
  let raw: unknown
  try {
    raw = await transport(fn, action, input)
  } catch {
    throw new CloudError('INTERNAL', NETWORK_MESSAGE)
  }
  try {
    return unwrap<CallOutput<F, A>>(raw)
  } catch (e) {
    // The local runtime knows no one until a demo identity is chosen; say so instead of "open in WeChat".
    if (process.env.TARO_ENV === 'h5' && e instanceof CloudError && e.code === 'UNAUTHENTICATED') {
      throw new CloudError('UNAUTHENTICATED', LOCAL_SIGN_IN)
    }
    throw e
  }
}
