import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { FunctionName } from '../../types'
import { call, type ActionOf, type CallInput, type CallOutput } from '../services/cloud'
import { CloudError, toCloudError } from '../services/errors'

export interface CloudQuery<T> {
  data: T | undefined
  error: CloudError | undefined
  loading: boolean
  reload: () => void
}

export interface QueryOptions {
  /** Fetch again each time the page is shown again (e.g. after coming back from a form). */
  reloadOnShow?: boolean
}

/**
 * Pull to refresh: on a page whose config sets `enablePullDownRefresh`, a pull loads every query of
 * the page again, and the spinner stops when the last of them is back (or after 10 s, whatever happens).
 */
let pulling = 0
let pullTimer: ReturnType<typeof setTimeout> | undefined
function pullStarted() {
  if (pulling++ === 0) pullTimer = setTimeout(() => pullsDone(true), 10_000)
}
function pullsDone(all = false) {
  if (pulling === 0) return
  pulling = all ? 0 : pulling - 1
  if (pulling > 0) return
  clearTimeout(pullTimer)
  void Taro.stopPullDownRefresh()
}

/**
 * Loads `fn/action` with `input` and keeps { data, error, loading }. Pass `null` as input to wait
 * (e.g. until a community is chosen). A newer request always wins over an older one.
 */
export function useCloud<F extends FunctionName, A extends ActionOf<F>>(
  fn: F,
  action: A,
  input: CallInput<F, A> | null,
  options: QueryOptions = {},
): CloudQuery<CallOutput<F, A>> {
  const [data, setData] = useState<CallOutput<F, A>>()
  const [error, setError] = useState<CloudError>()
  const [loading, setLoading] = useState(input !== null)
  const [tick, setTick] = useState(0)
  const seq = useRef(0)
  const key = input === null ? null : JSON.stringify(input)
  const pulled = useRef(false)

  useEffect(() => {
    if (key === null) {
      setLoading(false)
      setData(undefined)
      return
    }
    const mine = ++seq.current
    setLoading(true)
    setError(undefined)
    call(fn, action, JSON.parse(key) as CallInput<F, A>)
      .then((d) => {
        if (mine === seq.current) setData(d)
      })
      .catch((e: unknown) => {
        if (mine === seq.current) setError(toCloudError(e))
      })
      .finally(() => {
        if (mine !== seq.current) return
        setLoading(false)
        if (pulled.current) {
          pulled.current = false
          pullsDone()
        }
      })
  }, [fn, action, key, tick])

  const reload = useCallback(() => setTick((t) => t + 1), [])

  const live = useRef(key)
  live.current = key
  usePullDownRefresh(() => {
    if (live.current === null || pulled.current) return
    pulled.current = true
    pullStarted()
    reload()
  })

  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current && options.reloadOnShow) reload()
    shown.current = true
  })

  return { data, error, loading, reload }
}

export interface CloudMutation<F extends FunctionName, A extends ActionOf<F>> {
  /** Sends the action; resolves to the data, or undefined after setting `error`. Never throws. */
  run: (input: CallInput<F, A>) => Promise<CallOutput<F, A> | undefined>
  sending: boolean
  error: CloudError | undefined
  reset: () => void
}

/** A write: one request at a time (a second tap while sending is ignored). */
export function useMutation<F extends FunctionName, A extends ActionOf<F>>(fn: F, action: A): CloudMutation<F, A> {
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<CloudError>()
  const busy = useRef(false)

  const run = useCallback(
    async (input: CallInput<F, A>) => {
      if (busy.current) return undefined
      busy.current = true
      setSending(true)
      setError(undefined)
      try {
        return await call(fn, action, input)
      } catch (e) {
        setError(toCloudError(e))
        return undefined
      } finally {
        busy.current = false
        setSending(false)
      }
    },
    [fn, action],
  )

  const reset = useCallback(() => setError(undefined), [])
  return { run, sending, error, reset }
}
