import { useMe } from '../../../hooks/useMe'
import { useCloud } from '../../../hooks/useCloud'

/** The caller's street: from any of their role grants, else the first street of the deployment. */
export function useStreet() {
  const me = useMe()
  const fromRoles = me.data?.roles.find((g) => g.streetId)?.streetId
  const streets = useCloud('org', 'street.list', me.data && !fromRoles ? { pageSize: 1 } : null)
  const streetId = fromRoles ?? streets.data?.items[0]?.id
  return {
    me,
    streetId,
    loading: me.loading || streets.loading,
    error: me.error ?? streets.error,
    reload: () => {
      me.reload()
      streets.reload()
    },
  }
}
