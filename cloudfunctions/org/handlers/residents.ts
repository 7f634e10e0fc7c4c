import type { Handler } from '../../shared/dispatch'
import { ensure, notFound } from '../../shared/errors'
import { repo } from '../repo'
import { listHouseholdsMatching, listResidents } from '../repo/bindings'
import { bindingView } from '../views'

/** The secretary's lists of people and homes, searchable (issue 13 §5): one count and one get a page. */

/** Verified residents of the community, the newest first, by name or address. */
export const residentList: Handler<'org.resident.list'> = {
  run(ctx) {
    const { db, actor, input } = ctx
    ensure(actor.isSecretaryOf(input.communityId), '只能查看您所在社区的住户')
    return listResidents(db, input.communityId, input.q, input, (b) => bindingView(b, actor.openid))
  },
}

/** Households of the community whose address contains the words (3号楼 501), in address order. */
export const householdSearch: Handler<'org.household.search'> = {
  async run(ctx) {
    const { db, actor, input } = ctx
    const community = await repo.community(db, input.communityId)
    if (!community) throw notFound('社区')
    ensure(actor.administersCommunity(community), '只能查找您管理的社区的房屋')
    return listHouseholdsMatching(db, community._id, input.q, input, (h) => ({
      id: h._id,
      buildingId: h.buildingId,
      room: h.room,
      address: h.address,
      floorAreaDm2: h.floorAreaDm2,
    }))
  },
}
