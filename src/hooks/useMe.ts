import { useCloud, type QueryOptions } from './useCloud'

/** The caller's profile, roles and household binding (org `me`). */
export function useMe(options: QueryOptions = { reloadOnShow: true }) {
  return useCloud('org', 'me', {}, options)
}
