import { useMemo } from 'react'
import type { Role } from '../../../../types/roles'
import { useMe } from '../../../hooks/useMe'
import { beijingQuarter, beijingYear } from '../../../services/time'

/**
 * The community a page works on, from the caller's grants: a secretary's or member's community, a
 * resident's or liaison's community (denormalised on the grant). The first matching role wins.
 */
export function useCommunity(order: Role[] = ['secretary', 'member', 'resident', 'unit_liaison']) {
  const me = useMe({ reloadOnShow: false })
  const picked = useMemo(() => {
    const roles = me.data?.roles ?? []
    for (const role of order) {
      const g = roles.find((r) => r.role === role)
      if (g) {
        const communityId = g.scopeType === 'community' ? g.scopeId : g.communityId
        if (communityId) return { role, communityId, grant: g }
      }
    }
    return undefined
  }, [me.data])
  const has = (role: Role) => (me.data?.roles ?? []).some((r) => r.role === role)
  return { me, picked, communityId: picked?.communityId, has }
}

/** The Beijing year and quarter now (services/time). */
export const thisYear = () => beijingYear()
export const thisQuarter = () => beijingQuarter()

/** The quarter before a key: 2026Q1 → 2025Q4. */
export function quarterBefore(key: string): string {
  const [y, q] = key.split('Q').map(Number)
  return q === 1 ? `${y - 1}Q4` : `${y}Q${q - 1}`
}

/** Letters: this quarter, or the one just ended (the server refuses older ones). */
export const letterQuarters = () => [thisQuarter(), quarterBefore(thisQuarter())]

/** Grades: this year, and last year until the end of March (the server's rule, shown before it refuses). */
export const gradeYears = (): number[] => (thisQuarter().endsWith('Q1') ? [thisYear(), thisYear() - 1] : [thisYear()])

/** Dashboard and ledgers: this year and last. */
export const recordYears = () => [thisYear(), thisYear() - 1]
