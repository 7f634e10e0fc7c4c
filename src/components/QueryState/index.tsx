import type { ReactNode } from 'react'
import Loading from '../Loading'
import ErrorState from '../ErrorState'
import type { CloudError } from '../../services/errors'

export interface QueryStateProps<T> {
  data: T | undefined
  error: CloudError | undefined
  loading: boolean
  reload: () => void
  /** Rendered once data is there. */
  children: (data: T) => ReactNode
  loadingText?: string
  /** Extra way out shown under the error (e.g. choose a local identity). */
  errorExtra?: ReactNode
}

/** Loading → error (with 重试) → content, the same way on every screen. */
export default function QueryState<T>({
  data,
  error,
  loading,
  reload,
  children,
  loadingText,
  errorExtra,
}: QueryStateProps<T>) {
  if (error) {
    return (
      <ErrorState message={error.message} onRetry={reload}>
        {errorExtra}
      </ErrorState>
    )
  }
  if (loading && data === undefined) return <Loading text={loadingText} />
  if (data === undefined) return null
  return <>{children(data)}</>
}
