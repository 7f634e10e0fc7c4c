import { COL } from '../../shared/collections'
import type { Handler } from '../../shared/dispatch'
import { ensure, notFound } from '../../shared/errors'
import { memberRecordId } from '../../shared/pseudonym'
import {
  findPartyBranchInTx,
  ids,
  listGrids,
  listHouseholds,
  putPartyBranchInTx,
  putPartyBranchVersionInTx,
  repo,
  type PartyBranchDoc,
} from '../repo'
import { partyBranchView } from '../views'

type MyGrid = {
  gridId: string
  gridName: string
  communityId: string
  via: 'staff' | 'building' | 'resident' | 'member'
  homeBuildingIds: string[]
}

/**
 * The grids the caller belongs to, for the grid page: grids they serve on or look after buildings of (from their grants, no read),
 * their households' grids (one read) and the grid their approved 报到 names (one read); names in one read.
 */
export const gridMine: Handler<'grid.grid.mine'> = {
  async run(ctx) {
    const { db, actor } = ctx
    const staff = actor.grants('grid_worker').map((g) => ({ gridId: g.scopeId, via: 'staff' as const }))
    const leads = actor.grants('building_leader').map((g) => ({ gridId: g.scopeId, via: 'building' as const }))
    const householdIds = actor.grants('resident').map((g) => g.scopeId)
    const [households, member] = await Promise.all([
      listHouseholds(db, householdIds),
      actor.grants('member').length ? repo.member(db, memberRecordId(actor.openid)) : Promise.resolve(null),
    ])
    const found = [
      ...staff,
      ...leads,
      ...households.map((h) => ({ gridId: h.gridId, via: 'resident' as const })),
      ...(member?.status === 'approved' && member.gridId ? [{ gridId: member.gridId, via: 'member' as const }] : []),
    ]
    // One entry per grid; the first reason wins (serving on it before living in it).
    const unique = found.filter((f, i) => found.findIndex((x) => x.gridId === f.gridId) === i)
    if (!unique.length) return { items: [] }
    const grids = new Map(
      (
        await listGrids(
          db,
          unique.map((u) => u.gridId),
        )
      ).map((g) => [g._id, g]),
    )
    const items: MyGrid[] = unique.flatMap((u) => {
      const g = grids.get(u.gridId)
      const homeBuildingIds = [
        ...new Set(households.filter((h) => h.gridId === u.gridId && h.buildingId).map((h) => h.buildingId)),
      ]
      return g ? [{ gridId: g._id, gridName: g.name, communityId: g.communityId, via: u.via, homeBuildingIds }] : []
    })
    return { items }
  },
}

/**
 * The secretary names the grid's Party branch. In one transaction the current head is copied to a
 * version record (superseded, with who and when) and the head rewritten: nothing earlier is lost,
 * and two changes at once cannot both build on the same version.
 */
export const branchSet: Handler<'grid.branch.set'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const grid = await repo.grid(db, input.gridId)
    if (!grid) throw notFound('网格')
    ensure(actor.isSecretaryOf(grid.communityId), '只能设置您所在社区网格的党支部')
    await ctx.checkText(input.name, input.secretaryName)
    const headId = ids.partyBranch(grid._id)
    const after = await ctx.transaction(async (tx) => {
      const prior = await findPartyBranchInTx(tx, grid._id)
      if (prior) {
        await putPartyBranchVersionInTx(tx, {
          ...prior,
          _id: ids.partyBranchVersion(grid._id, prior.version),
          kind: 'party_branch_version',
          headId,
          supersededAt: now,
          supersededBy: actor.openid,
        })
      }
      const next: PartyBranchDoc = {
        _id: headId,
        kind: 'party_branch',
        gridId: grid._id,
        communityId: grid.communityId,
        name: input.name,
        secretaryName: input.secretaryName || undefined,
        version: (prior?.version ?? 0) + 1,
        setBy: actor.openid,
        setByName: actor.name || '社区书记',
        setAt: now,
      }
      await putPartyBranchInTx(tx, next)
      const pick = (b: PartyBranchDoc | null) =>
        b ? { name: b.name, secretaryName: b.secretaryName ?? null, version: b.version } : null
      await ctx.audit(`${COL.gridStaff}/${headId}`, pick(prior), pick(next), tx)
      return next
    })
    return partyBranchView(after)
  },
}
