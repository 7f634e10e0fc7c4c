import type { HouseholdDetailView, PlaceKind, RevisionView } from '../../../types/org'
import { addressOf } from '../../shared/address'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import type { Transaction } from '../../shared/db-types'
import type { Ctx, Handler } from '../../shared/dispatch'
import { conflict, ensure, invalid, notFound } from '../../shared/errors'
import { FUNCTION_TIMEOUT_MS } from '../../shared/idempotency'
import { stripUndefined } from '../../shared/person'
import { dm2Text } from '../domain/register'
import { repo, type BuildingDoc, type HouseholdDoc } from '../repo'
import {
  countActiveStaffOfGrid,
  countBuildingsInUse,
  countCurrentBindingsOfBuilding,
  countHouseholdsOfBuilding,
  countPlacesNamed,
  findCommunityInTx,
  findHouseholdInTx,
  findPlace,
  findPlaceInTx,
  listOpenAreaVoteTitles,
  listRevisions,
  PLACE_COLLECTION,
  putRevisionInTx,
  updateCommunityInTx,
  updateHouseholdInTx,
  updateHouseholdNames,
  updateHouseholdsOfBuilding,
  updatePlaceInTx,
  type Place,
  type RevisionDoc,
} from '../repo/register'

/**
 * Correcting the register (issue 12 §2): a household's floor area, the names of estates, buildings and
 * grids, retiring them, moving a building to another grid. Nothing is deleted: each change keeps the
 * earlier state as a version in `org_revisions` (who, when, why), and records made before keep the
 * names they were made under. docs/org.md explains each rule.
 */

const PLACE_LABEL: Record<PlaceKind, string> = { estate: '小区', building: '楼栋', grid: '网格' }

async function loadPlace(ctx: Ctx<unknown>, kind: PlaceKind, id: string): Promise<Place> {
  const place = await findPlace(ctx.db, kind, id)
  if (!place) throw notFound(PLACE_LABEL[kind])
  ensure(
    ctx.actor.administersCommunity({ _id: place.communityId, streetId: place.streetId }),
    '只能管理您所在社区的登记信息',
  )
  return place
}

const placeView = (kind: PlaceKind, p: Place) => ({
  kind,
  id: p._id,
  communityId: p.communityId,
  name: p.name,
  retired: !!p.retired,
})

/** Writes the version record of a change, in the transaction that makes it. */
async function keepVersion(
  ctx: Ctx<unknown>,
  tx: Transaction,
  r: Omit<RevisionDoc, '_id' | 'by' | 'byName' | 'at'>,
): Promise<void> {
  const doc: Omit<RevisionDoc, '_id'> = stripUndefined({
    ...r,
    by: ctx.actor.openid,
    byName: ctx.actor.name,
    at: ctx.now,
  })
  await putRevisionInTx(tx, doc)
}

function householdDetail(h: HouseholdDoc, lockedBy: string[]): HouseholdDetailView {
  return {
    id: h._id,
    communityId: h.communityId,
    estateId: h.estateId,
    buildingId: h.buildingId,
    gridId: h.gridId,
    room: h.room,
    address: addressOf(h),
    floorAreaDm2: h.floorAreaDm2,
    retired: !!h.retired,
    areaLockedBy: lockedBy,
  }
}

async function loadHousehold(ctx: Ctx<unknown>, id: string): Promise<HouseholdDoc> {
  const h = await repo.household(ctx.db, id)
  if (!h) throw notFound('房屋')
  ensure(ctx.actor.administersCommunity({ _id: h.communityId, streetId: h.streetId }), '只能管理您所在社区的住户')
  return h
}

export const householdGet: Handler<'org.household.get'> = {
  async run(ctx) {
    const h = await loadHousehold(ctx, ctx.input.householdId)
    return householdDetail(h, await listOpenAreaVoteTitles(ctx.db, h))
  },
}

/**
 * Correct a household's floor area, with a reason; the earlier area stays as a version. Refused while a
 * vote counting area is open over it: its electorate's area was fixed at the opening, but every ballot
 * carries its household's area when cast, so a change mid-vote would mix two registers in one count and
 * would let whoever edits areas watch the turnout move for one household. vote.open and this action both
 * move the community's `areaVersion` in their transaction, so an edit racing an opening conflicts.
 */
export const householdSetArea: Handler<'org.household.setArea'> = {
  async run(ctx) {
    const { db, input } = ctx
    const h = await loadHousehold(ctx, input.householdId)
    if (h.retired) throw conflict('该房屋所在楼栋已停用')
    if (h.floorAreaDm2 === input.floorAreaDm2) throw invalid('新面积与登记的面积相同', ['floorAreaDm2'])
    const community = await repo.community(db, h.communityId)
    if (!community) throw notFound('社区')
    const locks = await listOpenAreaVoteTitles(db, h)
    if (locks.length) throw conflict(`「${locks[0]}」按面积计票，计票前不能更正面积`)
    await ctx.checkText(input.reason)
    const after = await ctx.transaction(async (tx) => {
      const [fresh, c] = await Promise.all([findHouseholdInTx(tx, h._id), findCommunityInTx(tx, community._id)])
      if (!fresh || !c) throw notFound('房屋')
      if ((c.areaVersion ?? 0) !== (community.areaVersion ?? 0)) throw conflict('刚有表决开启或面积更正，请刷新后重试')
      const version = (fresh.version ?? 1) + 1
      await updateHouseholdInTx(tx, h._id, { floorAreaDm2: input.floorAreaDm2, version })
      await updateCommunityInTx(tx, community._id, { areaVersion: db.command.inc(1) })
      await keepVersion(ctx, tx, {
        kind: 'area',
        targetKind: 'household',
        targetId: h._id,
        communityId: h.communityId,
        version,
        before: dm2Text(fresh.floorAreaDm2),
        after: dm2Text(input.floorAreaDm2),
        reason: input.reason,
      })
      await ctx.audit(
        `${COL.households}/${h._id}`,
        { floorAreaDm2: fresh.floorAreaDm2 },
        { floorAreaDm2: input.floorAreaDm2, reason: input.reason },
        tx,
      )
      return { ...fresh, floorAreaDm2: input.floorAreaDm2, version }
    })
    return householdDetail(after, [])
  },
}

/** Households carry their estate's and building's names (shared/address.ts); the version says which rename wrote them, so a late one never undoes a newer. */
async function renameHouseholds(
  db: Database,
  kind: PlaceKind,
  id: string,
  name: string,
  version: number,
): Promise<void> {
  if (kind === 'grid') return
  await updateHouseholdNames(db, kind, id, name, version)
}

/** Names must stay unambiguous where residents pick them: estates within a community, buildings within an estate. */
async function nameTaken(db: Database, kind: PlaceKind, p: Place, name: string): Promise<boolean> {
  return (await countPlacesNamed(db, kind, p, name)) > 0
}

/**
 * Rename an estate, a building or a grid. The place and its version commit together; then its
 * households take the new name for new records (one conditional update). A repeat after a crash finds the
 * name already given and completes the households.
 */
export const placeRename: Handler<'org.place.rename'> = {
  async run(ctx) {
    const { db, input } = ctx
    const p = await loadPlace(ctx, input.kind, input.id)
    if (p.retired) throw conflict(`已停用的${PLACE_LABEL[input.kind]}不能改名`)
    if (p.name === input.name) {
      await renameHouseholds(db, input.kind, p._id, p.name, p.version ?? 1)
      return placeView(input.kind, p)
    }
    if (await nameTaken(db, input.kind, p, input.name))
      throw conflict(`已有名为${input.name}的${PLACE_LABEL[input.kind]}`)
    await ctx.checkText(input.name, input.reason)
    const after = await ctx.transaction(async (tx) => {
      const fresh: Place | null = await findPlaceInTx(tx, input.kind, p._id)
      if (!fresh || fresh.retired || (fresh.version ?? 1) !== (p.version ?? 1))
        throw conflict('刚有人修改过，请刷新后重试')
      const version = (fresh.version ?? 1) + 1
      await updatePlaceInTx(tx, input.kind, p._id, { name: input.name, version })
      await keepVersion(ctx, tx, {
        kind: 'rename',
        targetKind: input.kind,
        targetId: p._id,
        communityId: p.communityId,
        version,
        before: fresh.name,
        after: input.name,
        reason: input.reason || undefined,
      })
      await ctx.audit(`${PLACE_COLLECTION[input.kind]}/${p._id}`, { name: fresh.name }, { name: input.name }, tx)
      return { ...fresh, name: input.name, version }
    })
    await renameHouseholds(db, input.kind, p._id, input.name, after.version)
    return placeView(input.kind, after)
  },
}

/** Why a place cannot be retired yet (what still uses it), or null. Counts only: two requests at most. */
async function retireProblem(db: Database, kind: PlaceKind, id: string): Promise<string | null> {
  if (kind === 'grid') {
    if (await countBuildingsInUse(db, { gridId: id })) return '该网格还有楼栋，请先把楼栋调整到其他网格'
    if (await countActiveStaffOfGrid(db, id)) return '该网格还有在任的网格人员，请先免去'
    return null
  }
  if (kind === 'estate')
    return (await countBuildingsInUse(db, { estateId: id })) ? '该小区还有在用的楼栋，请先停用楼栋' : null
  return (await countCurrentBindingsOfBuilding(db, id)) ? '楼内还有已认证或待审核的住户，请先解除绑定或审核' : null
}

/**
 * Retire an estate, a building or a grid: kept with everything recorded against it, hidden from
 * pickers (includeRetired lists it for its managers), refused for new records. Only when nothing current
 * uses it (no buildings in use, no staff, no residents). A building's households are marked too, so a
 * binding or a 户码 is refused by the household alone; a repeat completes that after a crash.
 */
export const placeRetire: Handler<'org.place.retire'> = {
  async run(ctx) {
    const { db, input, now } = ctx
    const p = await loadPlace(ctx, input.kind, input.id)
    if (!p.retired) {
      const problem = await retireProblem(db, input.kind, p._id)
      if (problem) throw conflict(problem)
      await ctx.checkText(input.reason)
    }
    const after = p.retired
      ? p
      : await ctx.transaction(async (tx) => {
          const fresh: Place | null = await findPlaceInTx(tx, input.kind, p._id)
          if (!fresh || fresh.retired || (fresh.version ?? 1) !== (p.version ?? 1))
            throw conflict('刚有人修改过，请刷新后重试')
          const version = (fresh.version ?? 1) + 1
          await updatePlaceInTx(tx, input.kind, p._id, { retired: true, retiredAt: now, version })
          await keepVersion(ctx, tx, {
            kind: 'retire',
            targetKind: input.kind,
            targetId: p._id,
            communityId: p.communityId,
            version,
            before: '在用',
            after: '已停用',
            reason: input.reason,
          })
          await ctx.audit(
            `${PLACE_COLLECTION[input.kind]}/${p._id}`,
            { retired: false },
            { retired: true, reason: input.reason },
            tx,
          )
          return { ...fresh, retired: true, version }
        })
    if (input.kind === 'building') await updateHouseholdsOfBuilding(db, p._id, { retired: true })
    return placeView(input.kind, after)
  },
}

const revisionView = (r: RevisionDoc): RevisionView => ({
  id: r._id,
  kind: r.kind,
  version: r.version,
  before: r.before,
  after: r.after,
  ...(r.reason ? { reason: r.reason } : {}),
  byName: r.byName,
  at: new Date(r.at).toISOString(),
})

/** The versions of a household or place, newest first (paged, never cut). */
export const placeHistory: Handler<'org.place.history'> = {
  async run(ctx) {
    const { db, input } = ctx
    if (input.kind === 'household') await loadHousehold(ctx, input.id)
    else await loadPlace(ctx, input.kind, input.id)
    return listRevisions<RevisionView>(db, input.id, input, revisionView)
  },
}

/**
 * Move a building to another grid of its community, its households with it (up to 480). Three steps,
 * resumable like building.create: (1) the building is marked `moving` under a key of this request, so a
 * second move waits (a mark older than the function timeout belongs to a killed attempt and is taken
 * over); (2) one update moves every household; (3) the building's grid, its version, the audit and the
 * request's done mark commit together, only if the mark is still this request's. A retry after a crash
 * repeats (1)–(3) with the same key. Records made before (events, 报到 assignments) keep their grid.
 */
export const buildingMove: Handler<'org.building.move'> = {
  async run(ctx) {
    const { db, input, now } = ctx
    const b = (await loadPlace(ctx, 'building', input.buildingId)) as BuildingDoc
    if (b.retired) throw conflict('已停用的楼栋不能调整网格')
    const [to, from] = await Promise.all([findPlace(db, 'grid', input.gridId), findPlace(db, 'grid', b.gridId)])
    if (!to || to.communityId !== b.communityId) throw invalid('网格不属于该社区', ['gridId'])
    if (to.retired) throw invalid(`${to.name}已停用，请选择其他网格`, ['gridId'])
    await ctx.checkText(input.reason)
    return ctx.once(input.requestId, async (req) => {
      // Inside: a repeat of a move that is done gets its result, not this refusal.
      if (to._id === b.gridId) throw invalid(`${b.name}已在${to.name}`, ['gridId'])
      const key = req.id('move')
      await ctx.transaction(async (tx) => {
        const fresh = await findPlaceInTx(tx, 'building', b._id)
        if (!fresh || fresh.gridId !== b.gridId || fresh.retired) throw conflict('楼栋刚被调整过，请刷新后重试')
        const m = fresh.moving
        if (m && m.key !== key && now.getTime() - new Date(m.at).getTime() <= FUNCTION_TIMEOUT_MS)
          throw conflict('该楼栋正在调整网格，请稍后刷新')
        await updatePlaceInTx(tx, 'building', b._id, { moving: db.command.set({ to: to._id, key, at: now }) })
      })
      await updateHouseholdsOfBuilding(db, b._id, { gridId: to._id })
      const total = await countHouseholdsOfBuilding(db, b._id)
      return req.commit(async (tx) => {
        const fresh = await findPlaceInTx(tx, 'building', b._id)
        if (!fresh || fresh.moving?.key !== key) throw conflict('该楼栋正在调整网格，请稍后刷新')
        const version = (fresh.version ?? 1) + 1
        await updatePlaceInTx(tx, 'building', b._id, { gridId: to._id, version, moving: db.command.remove() })
        await keepVersion(ctx, tx, {
          kind: 'move',
          targetKind: 'building',
          targetId: b._id,
          communityId: b.communityId,
          version,
          before: from?.name ?? b.gridId,
          after: to.name,
          reason: input.reason || undefined,
        })
        await ctx.audit(`${COL.buildings}/${b._id}`, { gridId: b.gridId }, { gridId: to._id, households: total }, tx)
        return {
          id: b._id,
          estateId: b.estateId,
          gridId: to._id,
          name: b.name,
          householdCount: total,
          previousGridId: b.gridId,
        }
      })
    })
  },
}
