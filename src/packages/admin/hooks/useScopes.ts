import { useEffect, useMemo, useState } from 'react'
import type { Role } from '../../../../types/roles'
import { useMe } from '../../../hooks/useMe'
import { grantsOf } from '../../../services/roles'
import type { ScopeOption } from '../components/ScopeSwitch'

/** The scopes (communities, streets) where the caller holds `role`, and the one chosen on this page. */
export function useScopes(role: Role) {
  const me = useMe({ reloadOnShow: false })
  const options: ScopeOption[] = useMemo(
    () => grantsOf(me.data?.roles, role).map((g) => ({ id: g.scopeId, name: g.scopeName })),
    [me.data, role],
  )
  const [scopeId, setScopeId] = useState<string>()
  useEffect(() => {
    if (!scopeId && options.length > 0) setScopeId(options[0].id)
  }, [options, scopeId])
  return { me, options, scopeId, setScopeId }
}
