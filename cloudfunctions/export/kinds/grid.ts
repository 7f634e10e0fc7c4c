import { maySeeStats } from '../../grid/public'
import { findById, gridStatsOf, type CommunityRef } from '../../grid/public'
import { communityStatsView } from '../../grid/public'
import { COL } from '../../shared/collections'
import { ensure, notFound } from '../../shared/errors'
import { exportKind } from '../kind'
import { stamp, styleHeader, xlsxName } from '../workbook'

const pct = (v: number | null) => (v === null ? '—' : `${v}%`)

/** A community's and its grids' event statistics (grid's rule: as `stats.get`; the audience is the secretary and the street admin). */
export const gridStats = exportKind({
  action: 'grid.stats',
  async load(ctx) {
    const community = await findById<CommunityRef>(ctx.db, COL.communities, ctx.input.communityId)
    if (!community) throw notFound('社区')
    ensure(maySeeStats(ctx.actor.roles, community), '只能查看您所在社区的统计')
    const { grids, stats } = await gridStatsOf(ctx.db, community._id)
    return { community, view: communityStatsView(community, grids, stats) }
  },
  file: ({ community }, now) => ({
    cloudPath: `exports/grid/${community._id}-${stamp(now)}.xlsx`,
    fileName: xlsxName(`${community.name}网格统计`, now.toISOString().slice(0, 10)),
  }),
  sheets(wb, { view }) {
    const ws = wb.addWorksheet('网格事件统计')
    ws.columns = [
      { header: '范围', key: 'name', width: 18 },
      { header: '上报事件（件）', key: 'reported', width: 14 },
      { header: '已处置（件）', key: 'handled', width: 14 },
      { header: '按时办结（件）', key: 'onTime', width: 14 },
      { header: '按时办结率', key: 'onTimeRate', width: 12 },
      { header: '处置时长中位数（小时）', key: 'median', width: 22 },
      { header: '重开（件）', key: 'reopened', width: 12 },
      { header: '重开率', key: 'reopenRate', width: 10 },
    ]
    const rows = [view.community, ...view.grids]
    for (const s of rows) {
      ws.addRow({
        name: s.scopeName,
        reported: s.reported,
        handled: s.handled,
        onTime: s.onTime,
        onTimeRate: pct(s.onTimeRate),
        median: s.medianHours ?? '—',
        reopened: s.reopened,
        reopenRate: pct(s.reopenRate),
      })
    }
    styleHeader(ws.getRow(1))
    return rows.length
  },
})
