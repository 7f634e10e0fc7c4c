import ExcelJS from 'exceljs'
import { LINK_SECONDS, storeWorkbook, styleHeader } from '../../shared/workbook'
import { COL } from '../../shared/collections'
import type { Ctx } from '../../shared/dispatch'
import { ensure, notFound } from '../../shared/errors'
import type { CommunityDoc, GridDoc } from '../../org/repo'
import { byId, type StatsDoc } from '../repo'
import { statsView } from '../views'

/** A community has a handful of grids; 100 is the bound (as org's child lists). */
const GRIDS_LIMIT = 100

/** Three requests: the community, its grids, the counters of the community and its grids (one query). */
async function collect(ctx: Ctx<{ communityId: string }>) {
  const { db, actor, input } = ctx
  const community = await byId<CommunityDoc>(db, COL.communities, input.communityId)
  if (!community) throw notFound('社区')
  ensure(
    actor.isSecretaryOf(community._id) || actor.isStreetAdminOf(community.streetId) || actor.grants('grid_worker').some((g) => g.communityId === community._id),
    '只能查看您所在社区的统计',
  )
  const [{ data: grids }, { data: stats }] = await Promise.all([
    db.collection(COL.grids).where({ communityId: community._id }).orderBy('no', 'asc').limit(GRIDS_LIMIT).get(),
    db.collection(COL.gridStats).where({ communityId: community._id }).limit(GRIDS_LIMIT + 1).get(),
  ])
  const byKey = new Map((stats as StatsDoc[]).map((s) => [`${s.scopeType}:${s.scopeId}`, s]))
  return {
    community,
    view: {
      community: statsView('community', community._id, community.name, byKey.get(`community:${community._id}`) ?? null),
      grids: (grids as GridDoc[]).map((g) => statsView('grid', g._id, g.name, byKey.get(`grid:${g._id}`) ?? null)),
    },
  }
}

export const statsGet = {
  async run(ctx: Ctx<{ communityId: string }>) {
    return (await collect(ctx)).view
  },
}

const pct = (v: number | null) => (v === null ? '—' : `${v}%`)

export const statsExport = {
  async run(ctx: Ctx<{ communityId: string }>) {
    const { community, view } = await collect(ctx)
    const wb = new ExcelJS.Workbook()
    wb.creator = '同心圆'
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
    for (const s of [view.community, ...view.grids]) {
      ws.addRow({ name: s.scopeName, reported: s.reported, handled: s.handled, onTime: s.onTime, onTimeRate: pct(s.onTimeRate), median: s.medianHours ?? '—', reopened: s.reopened, reopenRate: pct(s.reopenRate) })
    }
    styleHeader(ws.getRow(1))
    const fileName = `${community.name}网格统计-${ctx.now.toISOString().slice(0, 10)}.xlsx`
    const stored = await storeWorkbook(`exports/grid/${community._id}-${ctx.now.getTime()}.xlsx`, wb, LINK_SECONDS)
    return { ...stored, fileName }
  },
}
