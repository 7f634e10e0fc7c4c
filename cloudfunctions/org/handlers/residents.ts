import type { Handler } from '../../shared/dispatch'
import { COL } from '../../shared/collections'
import { ensure, notFound } from '../../shared/errors'
import { fetchPage } from '../../shared/paging'
import { withSearch } from '../../shared/search'
import { org, type BindingDoc, type HouseholdDoc } from '../repo'
import { bindingView } from '../views'
import { BINDING_SEARCH } from './bindings'

/** The secretary's lists of people and homes, searchable (issue 13 §5): one count and one get a page. */

/** Verified residents of the community, the newest first, by name or address. */
export const residentList: Handler<'org.resident.list'> = {
  run(ctx) {
    const { db, actor, input } = ctx
    ensure(actor.isSecretaryOf(input.communityId), '只能查看您所在社区的住户')
    const q = db.collection(COL.bindings).where(withSearch(db, { communityId: input.communityId, status: 'verified' }, input.q, BINDING_SEARCH))
    return fetchPage<BindingDoc, ReturnType<typeof bindingView>>(q, input, [['createdAt', 'desc']], (b) => bindingView(b, actor.openid))
  },
}

/** Households of the community whose address contains the words (3号楼 501), in address order. */
export const householdSearch: Handler<'org.household.search'> = {
  async run(ctx) {
    const { db, actor, input } = ctx
    const community = await org.community(db, input.communityId)
    if (!community) throw notFound('社区')
    ensure(actor.administersCommunity(community), '只能查找您管理的社区的房屋')
    const q = db.collection(COL.households).where(withSearch(db, { communityId: community._id }, input.q, ['address']))
    return fetchPage<HouseholdDoc, { id: string; buildingId: string; room: string; address: string; floorAreaDm2: number }>(q, input, [['address', 'asc']], (h) => ({
      id: h._id, buildingId: h.buildingId, room: h.room, address: h.address, floorAreaDm2: h.floorAreaDm2,
    }))
  },
}
