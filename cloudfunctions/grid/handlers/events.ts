import { requireOwnPhotos } from '../../shared/photos'
import type { EventStatus, HandlerType } from '../../../types/grid'
import { COL } from '../../shared/collections'
import type { Ctx, Handler as ActionHandler, HandlerInput } from '../../shared/dispatch'
import { conflict, ensure, invalid, notFound } from '../../shared/errors'
import { newId } from '../../shared/ids'
import { auditPartyKey } from '../../shared/parties'
import { memberRecordId } from '../../shared/pseudonym'
import { cnTime } from '../../shared/clock'
import { notify, TEMPLATES } from '../../shared/notify'
import { withSearch } from '../../shared/search'
import { summonsView } from '../../shared/whistle-record'
import type { BuildingDoc, GridDoc } from '../../shared/org-tree'
import {
  afterConfirm,
  canHandle,
  deadlineFor,
  doneOnTime,
  eventTitle,
  handlerKey,
  handlerKeysOf,
  handlingBucket,
  OPEN_EVENT,
} from '../domain/rules'
import {
  appendProgressInTx,
  bumpStatsInTx,
  listEventsNewestFirst,
  listEventsReportedBy,
  listHouseholds,
  listOverdueEvents,
  listSummonsOfEvent,
  putEventInTx,
  putLinkedNeedInTx,
  putLinkedTopicInTx,
  repo,
  settingsOf,
  type EventDoc,
  type Handler,
  type ProgressEntry,
} from '../repo'
import { eventView } from '../views'
import { ensureNotHeld, isGridLeader, leadsBuilding, loadEvent, loadEventInTx, maySee } from '../access'
import { notifyParty } from '../notices'
import { remindDue } from '../reminders'
import { holdOnStore, visibleWhere } from '../../shared/moderation'
import { eventKind } from '../moderation'

/** A verified resident's households in the community (their grants), read once: their grids. */
async function homeGrids(ctx: Ctx<unknown>, communityId: string): Promise<string[]> {
  const homes = ctx.actor
    .grants('resident')
    .filter((g) => g.communityId === communityId)
    .map((g) => g.scopeId)
  if (!homes.length) return []
  return (await listHouseholds(ctx.db, homes)).map((x) => x.gridId)
}

/**
 * Who may report on a grid: its grid staff; in-service members responsible for it (their 报到 record
 * names the grid or the building); a 楼栋长 for their buildings; verified residents of its community about a named building, or
 * else about their own household's grid (a resident never picks a grid). At most two reads.
 */
async function mayReport(ctx: Ctx<unknown>, grid: GridDoc, building: BuildingDoc | null): Promise<boolean> {
  const a = ctx.actor
  if (a.has('grid_worker', grid._id)) return true
  const resident = a.grants('resident').some((g) => g.communityId === grid.communityId)
  if (resident && building) return true
  if (resident && (await homeGrids(ctx, grid.communityId)).includes(grid._id)) return true
  // A 楼栋长 reports for their buildings (one read, only for one).
  if (await leadsBuilding(ctx, grid._id, building?._id)) return true
  if (!a.has('member', grid.communityId)) return false
  const m = await repo.member(ctx.db, memberRecordId(a.openid))
  return (
    !!m &&
    m.status === 'approved' &&
    m.communityId === grid.communityId &&
    (m.gridId === grid._id || (!!building && (m.buildingIds ?? []).includes(building._id)))
  )
}

/**
 * The grid a report belongs to — derived, never picked by a resident: the named building's; else the
 * one the caller sent (their own grid as a grid worker or member; checked by mayReport); else the one
 * grid they work on, the grid of their home, or their 报到 grid. A fixed number of reads.
 */
async function reportGrid(ctx: Ctx<ReportInput>): Promise<{ grid: GridDoc; building: BuildingDoc | null }> {
  const { db, actor, input } = ctx
  const building = input.buildingId ? await repo.building(db, input.buildingId) : null
  if (input.buildingId && !building) throw invalid('楼栋不存在', ['buildingId'])
  if (building && input.gridId && input.gridId !== building.gridId) throw invalid('楼栋不在该网格内', ['buildingId'])
  let gridId = building?.gridId ?? input.gridId
  if (!gridId) {
    const workerGrids = actor.grants('grid_worker').map((g) => g.scopeId)
    const residentOf = actor.grants('resident')[0]?.communityId
    if (workerGrids.length === 1) gridId = workerGrids[0]
    else if (!workerGrids.length && residentOf) gridId = (await homeGrids(ctx, residentOf))[0]
    else if (!workerGrids.length && actor.grants('member').length)
      gridId = (await repo.member(db, memberRecordId(actor.openid)))?.gridId
  }
  if (!gridId) throw invalid('请选择事发楼栋，以确定所属网格', ['buildingId'])
  const grid = await repo.grid(db, gridId)
  if (!grid) throw notFound('网格')
  return { grid, building }
}

type ReportInput = HandlerInput<'grid.event.report'>

export const eventReport: ActionHandler<'grid.event.report'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const { grid, building } = await reportGrid(ctx)
    ctx.within(grid)
    ensure(
      await mayReport(ctx, grid, building),
      '只有本网格的网格员、本楼的楼栋长、负责本网格的在职党员或本社区已认证居民可以上报',
    )
    // A retired grid (org place.retire) takes no new records; its buildings were moved elsewhere first.
    if (grid.retired) throw invalid(`${grid.name}已停用，请选择楼栋现在所在的网格`, ['gridId'])
    const [community, named] = await Promise.all([
      repo.community(db, grid.communityId),
      input.estateId ? repo.estate(db, input.estateId) : Promise.resolve(null),
    ])
    // The estate decides which property company may be dispatched, so it must be the grid's community's, and the building's own.
    if (input.estateId && (!named || named.communityId !== grid.communityId))
      throw invalid('小区不在本社区', ['estateId'])
    if (named && building && building.estateId !== named._id) throw invalid('楼栋不属于所选小区', ['buildingId'])
    // A building without a named estate: its estate (one more read, only then) for the name shown on the event.
    const estate = named ?? (building ? await repo.estate(db, building.estateId) : null)
    const verdict = await ctx.checkItemText(input.place, input.description)
    await requireOwnPhotos(ctx, input.photos)
    return ctx.onceTx(input.requestId, async (tx) => {
      const e: EventDoc = {
        _id: newId('gev'),
        gridId: grid._id,
        gridName: grid.name,
        communityId: grid.communityId,
        communityName: community?.name,
        streetId: grid.streetId,
        estateId: estate?._id ?? building?.estateId,
        estateName: estate?.name,
        buildingId: building?._id,
        buildingName: building?.name,
        place: input.place,
        lat: input.lat,
        lng: input.lng,
        category: input.category,
        description: input.description,
        photos: input.photos,
        urgency: input.urgency,
        status: 'reported',
        reporter: actor.openid,
        reporterName: actor.name || '居民',
        reopenCount: 0,
        whistled: false,
        progress: [],
        progressCount: 0,
        createdAt: now,
        updatedAt: now,
      }
      // A report the platform wants looked at is stored held, in the secretary's review queue.
      if (verdict === 'review') Object.assign(e, await holdOnStore(ctx, tx, eventKind, eventKind.describe(e)))
      await putEventInTx(tx, e)
      await bumpStatsInTx(tx, e, (c) => ({ ...c, reported: c.reported + 1 }))
      await ctx.audit(
        `${COL.gridEvents}/${e._id}`,
        null,
        { status: 'reported', category: e.category, urgency: e.urgency },
        tx,
      )
      return eventView(e, actor.openid, now)
    })
  },
}

export const eventMine: ActionHandler<'grid.event.mine'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    return listEventsReportedBy(db, actor.openid, input, (e) => eventView(e, actor.openid, now))
  },
}

export const eventGet: ActionHandler<'grid.event.get'> = {
  async run(ctx) {
    const { db, actor, now } = ctx
    const e = await loadEvent(ctx, ctx.input.eventId)
    const summonedHere = actor.roles.some((g) => g.role === 'unit_liaison' || g.role === 'property_staff')
    const [summons, leader, buildingLeader] = await Promise.all([
      listSummonsOfEvent(db, e._id),
      isGridLeader(ctx, e.gridId),
      leadsBuilding(ctx, e.gridId, e.buildingId),
    ])
    const isSummoned =
      summonedHere && summons.some((s) => handlerKeysOf(actor.openid, actor.roles).includes(s.partyKey))
    ensure(maySee(ctx, e) || buildingLeader || isSummoned, '您无权查看此事件')
    return {
      event: eventView(e, actor.openid, now),
      summons: summons.map((s) => summonsView(s, now)),
      canAssign: actor.isSecretaryOf(e.communityId) || leader,
      canHandle: !!e.handler && canHandle(actor.openid, actor.roles, e.handler),
    }
  },
}

export const eventBoard: ActionHandler<'grid.event.board'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const filter: Record<string, unknown> = {}
    if (input.communityId) {
      ensure(actor.isSecretaryOf(input.communityId), '只能查看您所在社区的派单台')
      filter.communityId = input.communityId
    } else {
      const gridId = input.gridId!
      const grid = await repo.grid(db, gridId)
      if (!grid) throw notFound('网格')
      ensure(actor.isSecretaryOf(grid.communityId) || actor.has('grid_worker', gridId), '只能查看您所在网格的事件')
      filter.gridId = gridId
    }
    if (input.status) filter.status = input.status
    else if (input.open) filter.status = db.command.in(OPEN_EVENT)
    // One place of the map (event.map): an estate, or a building of it.
    if (input.buildingId) filter.buildingId = input.buildingId
    else if (input.estateId) filter.estateId = input.estateId
    // Held and removed events are left out, except the caller's own reports (shown marked); found by where it is or what it is about (楼道, 2号楼, 纸箱).
    const where = withSearch(db, visibleWhere(db, filter, { reporter: actor.openid }), input.q, [
      'place',
      'description',
      'estateName',
      'buildingName',
    ])
    return listEventsNewestFirst(db, where, input, (e) => eventView(e, actor.openid, now))
  },
}

/** A handler as resolved for an assignment: for a member, also the openid the notice goes to (stored, never shown). */
type ResolvedHandler = Handler & { openid?: string }

/**
 * Resolve and check a handler for an event: the estate's company, a responsible unit of the grid, a member
 * of the community (by their 报到 record id, as `event.members` lists them), or the community.
 */
async function resolveHandler(
  ctx: Ctx<unknown>,
  e: EventDoc,
  h: { type: HandlerType; id: string },
): Promise<ResolvedHandler> {
  const { db } = ctx
  if (h.type === 'community') {
    if (h.id !== e.communityId) throw invalid('只能指定本社区', ['handler'])
    const c = await repo.community(db, h.id)
    return { type: 'community', id: h.id, name: c?.name ?? '社区' }
  }
  if (h.type === 'company') {
    const estate = e.estateId ? await repo.estate(db, e.estateId) : null
    if (!estate || estate.companyId !== h.id) throw invalid('只能指定事件所在小区的物业公司', ['handler'])
    return { type: 'company', id: h.id, name: estate.companyName ?? '物业公司' }
  }
  if (h.type === 'unit') {
    const u = await repo.unit(db, h.id)
    if (!u || u.communityId !== e.communityId || !(u.gridIds ?? []).includes(e.gridId))
      throw invalid('只能指定本网格的责任单位', ['handler'])
    return { type: 'unit', id: h.id, name: u.name }
  }
  const m = await repo.member(db, h.id)
  const person =
    m && m.status === 'approved' && m.communityId === e.communityId ? await repo.person(db, m.openid) : null
  if (!m || !person || !person.roles.some((g) => g.role === 'member' && g.scopeId === e.communityId))
    throw invalid('只能指定本社区的在职党员', ['handler'])
  return { type: 'member', id: m._id, name: m.name, openid: m.openid }
}

export const eventAssign: ActionHandler<'grid.event.assign'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const e = await loadEvent(ctx, input.eventId)
    ensure(
      actor.isSecretaryOf(e.communityId) || (await isGridLeader(ctx, e.gridId)),
      '只有本社区书记或本网格网格长可以派单',
    )
    if (!['reported', 'assigned', 'deciding'].includes(e.status)) throw conflict('事件已有人接单处置，不能改派')
    ensureNotHeld(e)
    // After two reopens the secretary decides (SPEC §10): the grid leader cannot re-dispatch around that.
    ensure(e.status !== 'deciding' || actor.isSecretaryOf(e.communityId), '重开两次后由社区书记裁定')
    const [{ openid: handlerOpenid, ...handler }, settings] = await Promise.all([
      resolveHandler(ctx, e, input.handler),
      settingsOf(db, e.streetId),
    ])
    const deadline = deadlineFor(e.urgency, now, settings)
    let after = e
    await ctx.transaction(async (tx) => {
      const fresh = await loadEventInTx(tx, e._id)
      if (!['reported', 'assigned', 'deciding'].includes(fresh.status)) throw conflict('事件已有人接单处置，不能改派')
      after = {
        ...fresh,
        status: 'assigned',
        handler,
        handlerKey: handlerKey(handler),
        handlerOpenid,
        assignedAt: now,
        assignedBy: actor.openid,
        deadline,
        updatedAt: now,
        acceptedBy: undefined,
        acceptedByName: undefined,
        acceptedAt: undefined,
        remindedAt: undefined,
      }
      await putEventInTx(tx, after)
      await ctx.audit(
        `${COL.gridEvents}/${e._id}`,
        { status: fresh.status, handler: auditPartyKey(fresh.handlerKey) },
        { status: 'assigned', handler: auditPartyKey(after.handlerKey), deadline },
        tx,
      )
    })
    await notifyParty(
      ctx,
      { ...handler, openid: handlerOpenid },
      TEMPLATES.gridEventAssigned,
      `packages/grid/pages/event/index?id=${e._id}`,
      eventTitle(e),
    )
    return eventView(after, actor.openid, now)
  },
}

const OPEN_STATUSES: EventStatus[] = ['assigned', 'accepted', 'done', 'deciding']

export const eventInbox: ActionHandler<'grid.event.inbox'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    const keys = handlerKeysOf(actor.openid, actor.roles)
    if (!keys.length) return { items: [], total: 0, page: input.page, pageSize: input.pageSize }
    const _ = db.command
    const filter: Record<string, unknown> = { handlerKey: _.in(keys) }
    if (input.open) filter.status = _.in(OPEN_STATUSES)
    return listEventsNewestFirst(db, visibleWhere(db, filter), input, (e) => eventView(e, actor.openid, now))
  },
}

/** One person of the handler takes the event; two at once → exactly one wins, the other gets CONFLICT. */
export const eventAccept: ActionHandler<'grid.event.accept'> = {
  async run(ctx) {
    const { actor, input, now } = ctx
    const e = await loadEvent(ctx, input.eventId)
    ensure(e.handler && canHandle(actor.openid, actor.roles, e.handler), '只有被指派的处置方可以接单')
    if (e.status !== 'assigned') throw conflict(e.acceptedByName ? `已由${e.acceptedByName}接单` : '事件当前不能接单')
    let after = e
    await ctx.transaction(async (tx) => {
      const fresh = await loadEventInTx(tx, e._id)
      if (fresh.status !== 'assigned' || fresh.handlerKey !== e.handlerKey)
        throw conflict(fresh.acceptedByName ? `已由${fresh.acceptedByName}接单` : '事件当前不能接单')
      after = {
        ...fresh,
        status: 'accepted',
        acceptedBy: actor.openid,
        acceptedByName: actor.name,
        acceptedAt: now,
        updatedAt: now,
      }
      await putEventInTx(tx, after)
      await ctx.audit(
        `${COL.gridEvents}/${e._id}`,
        { status: 'assigned' },
        { status: 'accepted', by: actor.openid },
        tx,
      )
    })
    return eventView(after, actor.openid, now)
  },
}

export const eventProgress: ActionHandler<'grid.event.progress'> = {
  async run(ctx) {
    const { actor, input, now } = ctx
    const e = await loadEvent(ctx, input.eventId)
    ensure(e.handler && canHandle(actor.openid, actor.roles, e.handler), '只有处置方可以上传进展')
    if (e.status !== 'accepted') throw conflict(e.status === 'assigned' ? '请先接单' : '事件当前不在处置中')
    await ctx.checkText(input.note)
    await requireOwnPhotos(ctx, input.photos)
    let after = e
    await ctx.transaction(async (tx) => {
      const fresh = await loadEventInTx(tx, e._id)
      if (fresh.status !== 'accepted') throw conflict('事件当前不在处置中')
      const entry = {
        kind: input.done ? 'done' : 'progress',
        note: input.note,
        photos: input.photos,
        by: actor.openid,
        byName: actor.name,
        at: now,
      } as const
      after = { ...fresh, ...(await appendProgressInTx(tx, fresh, entry)), updatedAt: now }
      if (input.done) {
        after.status = 'done'
        after.doneAt = now
        if (!fresh.firstDoneAt) {
          after.firstDoneAt = now
          // Statistics count the first fix: handled, on time against the deadline, hours since the report.
          const onTime = fresh.deadline ? doneOnTime(new Date(fresh.deadline), now) : true
          const hours = handlingBucket(new Date(fresh.createdAt), now)
          // Kept on the event too, so a year's record per worker is one grouped read (staff.record).
          after.firstDoneOnTime = onTime
          after.handlingHours = hours
          const bucket = `h${hours}`
          await bumpStatsInTx(tx, fresh, (c) => ({
            ...c,
            handled: c.handled + 1,
            onTime: c.onTime + (onTime ? 1 : 0),
            hist: { ...c.hist, [bucket]: (c.hist[bucket] ?? 0) + 1 },
          }))
        }
      }
      await putEventInTx(tx, after)
      await ctx.audit(
        `${COL.gridEvents}/${e._id}`,
        { status: fresh.status },
        { status: after.status, progress: entry.note.slice(0, 40), photos: entry.photos.length },
        tx,
      )
    })
    if (input.done) {
      await notify({
        toOpenid: e.reporter,
        templateId: TEMPLATES.gridEventDone,
        page: `packages/grid/pages/event/index?id=${e._id}`,
        data: { thing1: { value: eventTitle(e).slice(0, 20) }, time2: { value: cnTime(now) } },
      })
    }
    return eventView(after, actor.openid, now)
  },
}

export const eventConfirm: ActionHandler<'grid.event.confirm'> = {
  async run(ctx) {
    const { actor, input, now } = ctx
    const e = await loadEvent(ctx, input.eventId)
    ensure(e.reporter === actor.openid, '只有上报人可以确认')
    if (e.status !== 'done') throw conflict('处置方尚未标记办结')
    await ctx.checkText(input.reason)
    let after = e
    await ctx.transaction(async (tx) => {
      const fresh = await loadEventInTx(tx, e._id)
      if (fresh.status !== 'done') throw conflict('处置方尚未标记办结')
      const next = afterConfirm(fresh.reopenCount, input.resolved)
      const entry: Omit<ProgressEntry, 'seq'> = {
        kind: input.resolved ? 'confirm' : 'reopen',
        note: input.resolved ? '上报人确认已解决' : input.reason!,
        photos: [],
        by: actor.openid,
        byName: actor.name,
        at: now,
      }
      after = {
        ...fresh,
        status: next.status,
        reopenCount: next.reopenCount,
        ...(await appendProgressInTx(tx, fresh, entry)),
        updatedAt: now,
      }
      if (next.status === 'closed') {
        after.closedAt = now
        if (input.rating) after.rating = input.rating
      }
      if (!input.resolved && fresh.reopenCount === 0)
        await bumpStatsInTx(tx, fresh, (c) => ({ ...c, reopened: c.reopened + 1 }))
      await putEventInTx(tx, after)
      await ctx.audit(
        `${COL.gridEvents}/${e._id}`,
        { status: 'done', reopenCount: fresh.reopenCount },
        { status: after.status, reopenCount: after.reopenCount, rating: after.rating ?? null },
        tx,
      )
    })
    return eventView(after, actor.openid, now)
  },
}

/** After the second reopen the secretary decides: close it, or send it back to be assigned again. */
export const eventDecide: ActionHandler<'grid.event.decide'> = {
  async run(ctx) {
    const { actor, input, now } = ctx
    const e = await loadEvent(ctx, input.eventId)
    ensure(actor.isSecretaryOf(e.communityId), '只有本社区书记可以裁定')
    if (e.status !== 'deciding') throw conflict('事件不在待裁定状态')
    await ctx.checkText(input.note)
    let after = e
    await ctx.transaction(async (tx) => {
      const fresh = await loadEventInTx(tx, e._id)
      if (fresh.status !== 'deciding') throw conflict('事件不在待裁定状态')
      const entry: Omit<ProgressEntry, 'seq'> = {
        kind: 'decide',
        note: `${input.close ? '书记裁定办结' : '书记裁定重新派单'}：${input.note}`,
        photos: [],
        by: actor.openid,
        byName: actor.name,
        at: now,
      }
      after = {
        ...fresh,
        status: input.close ? 'closed' : 'reported',
        ...(await appendProgressInTx(tx, fresh, entry)),
        updatedAt: now,
        ...(input.close ? { closedAt: now } : {}),
      }
      await putEventInTx(tx, after)
      await ctx.audit(
        `${COL.gridEvents}/${e._id}`,
        { status: 'deciding' },
        { status: after.status, note: input.note },
        tx,
      )
    })
    return eventView(after, actor.openid, now)
  },
}

export const eventOverdue: ActionHandler<'grid.event.overdue'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    ensure(actor.isStreetAdminOf(input.streetId), '只能查看您管理的街道')
    return listOverdueEvents(db, input.streetId, now, input, (e) => eventView(e, actor.openid, now))
  },
}

/** One step: the event becomes a need (§4) or a council topic (§5); both sides keep the link. */
export const eventConvert: ActionHandler<'grid.event.convert'> = {
  async run(ctx) {
    const { actor, input, now } = ctx
    const e = await loadEvent(ctx, input.eventId)
    ensure(actor.isSecretaryOf(e.communityId), '只有本社区书记可以转办')
    if (e.link) throw conflict('事件已转办')
    ensureNotHeld(e)
    if (e.status === 'closed') throw conflict('事件已办结')
    return ctx.onceTx(input.requestId, async (tx) => {
      const linkId = newId(input.to === 'need' ? 'need' : 'topic')
      const fresh = await loadEventInTx(tx, e._id)
      if (fresh.link) throw conflict('事件已转办')
      const title = eventTitle(fresh)
      if (input.to === 'need') {
        await putLinkedNeedInTx(tx, {
          _id: linkId,
          communityId: fresh.communityId,
          streetId: fresh.streetId,
          title,
          detail: fresh.description,
          source: 'grid',
          status: 'open',
          createdBy: actor.openid,
          createdAt: now,
          gridEventId: fresh._id,
        })
      } else {
        await putLinkedTopicInTx(tx, {
          _id: linkId,
          communityId: fresh.communityId,
          streetId: fresh.streetId,
          ...(fresh.estateId ? { estateId: fresh.estateId } : {}),
          title,
          body: fresh.description,
          photos: fresh.photos,
          authorOpenid: fresh.reporter,
          authorName: fresh.reporterName,
          status: 'open',
          seconds: 0,
          locked: false,
          createdAt: now,
          updatedAt: now,
          gridEventId: fresh._id,
        })
      }
      const after: EventDoc = { ...fresh, status: 'converted', link: { type: input.to, id: linkId }, updatedAt: now }
      await putEventInTx(tx, after)
      await ctx.audit(
        `${COL.gridEvents}/${e._id}`,
        { status: fresh.status },
        { status: 'converted', link: `${input.to}:${linkId}` },
        tx,
      )
      return { event: eventView(after, actor.openid, now), linkId }
    })
  },
}

/** At most this many events are reminded per call (keeps a call short; the secretary or the timer calls again). */
const REMIND_BATCH = 5

/**
 * Deadline-near notices: events of the community still owed by their handler, due within `withinHours`
 * and not reminded since their assignment. The secretary's 催办 for one community; the timer (timers.ts)
 * does the same for every community.
 */
export const eventRemind: ActionHandler<'grid.event.remind'> = {
  async run(ctx) {
    ensure(ctx.actor.isSecretaryOf(ctx.input.communityId), '只能催办您所在社区的事件')
    return {
      reminded: await remindDue(ctx, { communityId: ctx.input.communityId }, ctx.input.withinHours, REMIND_BATCH),
    }
  },
}
