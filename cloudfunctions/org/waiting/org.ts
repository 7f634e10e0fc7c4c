import type { HomeGroupView } from '../../../types/org'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import type { BindingDoc } from '../repo'
import { iso, newest, none } from './newest'
import { PAGES } from './pages'

/** Household bindings waiting for the secretary of the communities. */
export function pendingBindings(db: Database, communityIds: string[]): Promise<HomeGroupView> {
  if (!communityIds.length) return Promise.resolve(none('bindings', PAGES.bindings))
  const q = db.collection(COL.bindings).where({ communityId: db.command.in(communityIds), status: 'pending' })
  return newest<BindingDoc>('bindings', PAGES.bindings, q, [['createdAt', 'desc']], (b) => ({
    id: b._id,
    title: b.address,
    detail: `申请人 ${b.applicantName}`,
    at: iso(b.createdAt),
    overdue: false,
    route: PAGES.bindings,
  }))
}
