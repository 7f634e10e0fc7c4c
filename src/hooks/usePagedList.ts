import { useEffect, useState } from 'react'
import { MAX_PAGE_SIZE } from '../../types/common'
import type { FunctionName } from '../../types'
import { call, type ActionOf, type CallInput, type CallOutput } from '../services/cloud'
import { CloudError, toCloudError } from '../services/errors'
import { appendPage } from './appendPage'

type ItemOf<O> = O extends { items: (infer T)[] } ? T : never

export interface PagedList<T> {
  /** Every item loaded so far (pages 1…n), in the list's order. */
  items: T[]
  total: number
  /** Items of the list not loaded yet. */
  left: number
  loading: boolean
  error: CloudError | undefined
  /** Loads the next page after those shown. */
  more: () => void
  reload: () => void
  /** For a picker Field's `more`: 显示更多 in its option sheet. */
  sheet: { left: number; loading: boolean; load: () => void }
  /** The first page is still on its way (the picker waits; later pages load inside the open sheet). */
  first: boolean
}

/**
 * A list a picker offers, page by page (issue 13 §5: a picker with more than 50 items pages): the
 * first page at once, 显示更多 adds the next. Each call is one page — the function's cost does not
 * grow with the list. `input` without page/pageSize; `null` waits.
 */
export function usePagedList<F extends FunctionName, A extends ActionOf<F>>(
  fn: F,
  action: A,
  input: Omit<CallInput<F, A>, 'page' | 'pageSize'> | null,
): PagedList<ItemOf<CallOutput<F, A>>> {
  type Item = ItemOf<CallOutput<F, A>>
  const key = input === null ? null : JSON.stringify(input)
  // The page belongs to the input it was asked for: a new input starts again at page 1.
  const [at, setAt] = useState<{ key: string | null; page: number }>({ key, page: 1 })
  const page = at.key === key ? at.page : 1
  const [loaded, setLoaded] = useState<{ key: string | null; items: Item[]; total: number }>({
    key: null,
    items: [],
    total: 0,
  })
  const [loading, setLoading] = useState(input !== null)
  const [error, setError] = useState<CloudError>()
  const [tick, setTick] = useState(0)

  useEffect(() => {
    if (key === null) {
      setLoading(false)
      return
    }
    let live = true
    setLoading(true)
    setError(undefined)
    const ask = { ...(JSON.parse(key) as object), page, pageSize: MAX_PAGE_SIZE } as CallInput<F, A>
    call(fn, action, ask)
      .then((res) => {
        if (!live) return
        const out = res as unknown as { items: Item[]; total: number }
        setLoaded((prev) => ({
          key,
          items: appendPage(
            prev.key === key ? (prev.items as { id: string }[]) : [],
            out.items as { id: string }[],
            page,
          ) as Item[],
          total: out.total,
        }))
      })
      .catch((e: unknown) => live && setError(toCloudError(e)))
      .finally(() => live && setLoading(false))
    return () => {
      live = false
    }
  }, [fn, action, key, page, tick])

  const items = loaded.key === key ? loaded.items : []
  const total = loaded.key === key ? loaded.total : 0
  const left = Math.max(0, total - items.length)
  const more = () => setAt({ key, page: page + 1 })
  return {
    items,
    total,
    left,
    loading,
    error,
    more,
    // Again from page 1: what changed may be anywhere in the list.
    reload: () => {
      setAt({ key, page: 1 })
      setTick((t) => t + 1)
    },
    sheet: { left, loading, load: more },
    first: loading && items.length === 0,
  }
}
