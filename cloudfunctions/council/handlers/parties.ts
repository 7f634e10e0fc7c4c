import type { Handler } from '../../shared/dispatch'
import { ensure, notFound } from '../../shared/errors'
import { searchParties } from '../parties'
import { repo } from '../repo'

/** The secretary's picker: one type of the community's parties, found by part of the name, a page at a time. */
export const partySearch: Handler<'council.party.search'> = {
  async run(ctx) {
    const { db, actor, input } = ctx
    ensure(actor.isSecretaryOf(input.communityId), '只能从您所在社区的名单中选择')
    const community = await repo.community(db, input.communityId)
    if (!community) throw notFound('社区')
    return searchParties(db, community, input.type, input.q || undefined, input)
  },
}
