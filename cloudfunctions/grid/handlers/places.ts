import type { EventPlaceView } from '../../../types/grid'
import { COL } from '../../shared/collections'
import type { Handler } from '../../shared/dispatch'
import { ensure, notFound } from '../../shared/errors'
import type { GridDoc } from '../../shared/org-tree'
import { OPEN_FOR_HANDLER } from '../domain/rules'
import { findById } from '../repo'
import { OPEN_EVENT } from './events'

type Agg = { aggregate: { sum(x: unknown): unknown; cond(x: unknown[]): unknown; eq(x: unknown[]): unknown; first(x: unknown): unknown; avg(x: unknown): unknown } }

/** Places shown at most (a community has a few estates of a few dozen buildings). */
const PLACES = 500

/**
 * Open events by place, for the secretary (the community) or the grid's staff (the grid): per estate
 * and building, how many are open, urgent and past their deadline, and where they were reported (the
 * mean of the located ones). Two grouped reads whatever the number of events.
 */
export const eventMap: Handler<'grid.event.map'> = {
  async run(ctx) {
    const { db, actor, input, now } = ctx
    let scope: Record<string, string>
    if (input.communityId) {
      ensure(actor.isSecretaryOf(input.communityId), '只能查看您所在社区的事件分布')
      scope = { communityId: input.communityId }
    } else {
      const grid = await findById<GridDoc>(db, COL.grids, input.gridId!)
      if (!grid) throw notFound('网格')
      ensure(actor.isSecretaryOf(grid.communityId) || actor.has('grid_worker', grid._id), '只能查看您所在网格的事件分布')
      scope = { gridId: grid._id }
    }
    const _ = db.command
    const $ = (_ as unknown as Agg).aggregate
    const place = { estate: '$estateId', building: '$buildingId' }
    const [open, late] = await Promise.all([
      db.collection(COL.gridEvents).aggregate()
        .match({ ...scope, status: _.in(OPEN_EVENT) })
        .group({
          _id: place, open: $.sum(1), urgent: $.sum($.cond([$.eq(['$urgency', 'urgent']), 1, 0])),
          estateName: $.first('$estateName'), buildingName: $.first('$buildingName'), lat: $.avg('$lat'), lng: $.avg('$lng'),
        })
        .limit(PLACES).end(),
      db.collection(COL.gridEvents).aggregate()
        .match({ ...scope, status: _.in([...OPEN_FOR_HANDLER]), deadline: _.lt(now) })
        .group({ _id: place, n: $.sum(1) })
        .limit(PLACES).end(),
    ])
    type Key = { estate?: string | null; building?: string | null }
    const key = (k: Key) => `${k.estate ?? ''}|${k.building ?? ''}`
    const overdue = new Map((late.list as { _id: Key; n: number }[]).map((x) => [key(x._id), x.n]))
    const places: EventPlaceView[] = (open.list as { _id: Key; open: number; urgent: number; estateName?: string; buildingName?: string; lat?: number | null; lng?: number | null }[])
      .map((x) => ({
        estateId: x._id.estate ?? null, estateName: x.estateName || '（未指明小区）',
        buildingId: x._id.building ?? null, buildingName: x.buildingName || null,
        open: x.open, urgent: x.urgent, overdue: overdue.get(key(x._id)) ?? 0,
        lat: typeof x.lat === 'number' ? x.lat : null, lng: typeof x.lng === 'number' ? x.lng : null,
      }))
      .sort((a, b) => a.estateName.localeCompare(b.estateName, 'zh') || (a.buildingName ?? '').localeCompare(b.buildingName ?? '', 'zh', { numeric: true }))
    return { places, open: places.reduce((n, p) => n + p.open, 0) }
  },
}
