import type { EventPlaceView } from '../../../types/grid'
import type { Handler } from '../../shared/dispatch'
import { ensure, notFound } from '../../shared/errors'
import { countOpenEventsByPlace, countOverdueEventsByPlace, repo, type PlaceKey } from '../repo'

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
      const grid = await repo.grid(db, input.gridId!)
      if (!grid) throw notFound('网格')
      ensure(
        actor.isSecretaryOf(grid.communityId) || actor.has('grid_worker', grid._id),
        '只能查看您所在网格的事件分布',
      )
      scope = { gridId: grid._id }
    }
    const [open, late] = await Promise.all([
      countOpenEventsByPlace(db, scope),
      countOverdueEventsByPlace(db, scope, now),
    ])
    const key = (k: PlaceKey) => `${k.estate ?? ''}|${k.building ?? ''}`
    const overdue = new Map(late.map((x) => [key(x._id), x.n]))
    const places: EventPlaceView[] = open
      .map((x) => ({
        estateId: x._id.estate ?? null,
        estateName: x.estateName || '（未指明小区）',
        buildingId: x._id.building ?? null,
        buildingName: x.buildingName || null,
        open: x.open,
        urgent: x.urgent,
        overdue: overdue.get(key(x._id)) ?? 0,
        lat: typeof x.lat === 'number' ? x.lat : null,
        lng: typeof x.lng === 'number' ? x.lng : null,
      }))
      .sort(
        (a, b) =>
          a.estateName.localeCompare(b.estateName, 'zh') ||
          (a.buildingName ?? '').localeCompare(b.buildingName ?? '', 'zh', { numeric: true }),
      )
    return { places, open: places.reduce((n, p) => n + p.open, 0) }
  },
}
