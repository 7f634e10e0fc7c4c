import { COL } from '../../cloudfunctions/shared/collections'
import { now as clockNow } from '../../cloudfunctions/shared/clock'
import type { Database } from '../../cloudfunctions/shared/db-types'
import { quarterOf } from '../../cloudfunctions/shared/period'
import { handlingBucket } from '../../cloudfunctions/grid/domain/rules'
import {
  ids,
  type EventDoc,
  type LeaderLock,
  type PartyBranchDoc,
  type ProgressDoc,
  type StaffDoc,
  type StatsDoc,
  type SummonsDoc,
} from '../../cloudfunctions/grid/repo'
import type { StaffPost } from '../../types/grid'
import type { RoleGrant } from '../../types/roles'
import { DEMO_PEOPLE, STREET } from './demo-data'
import { insertAll } from './insert'
import type { ModuleSeed } from './seed'

/**
 * Demo data of 网格吹哨: a named Party branch and staff on every grid (党支部书记, 网格长, 网格员, 挂钩干部), 黄丽 as 网格长 of
 * 和谐社区 第一网格, 许文 as liaison of the grid-2 responsible unit u-hx-2 (for journey 7), and per
 * community three events with consistent counters: one fixed on time and confirmed, one overdue
 * (it shows in the street admin's queue), one waiting for dispatch; plus one past summons of the
 * estate's company left unanswered (silence on its record).
 */

const HOUR = 3600_000
const COMMUNITIES = [
  { key: 'hx', name: '和谐社区' },
  { key: 'yg', name: '阳光社区' },
  { key: 'lq', name: '柳青社区' },
] as const
const GRID_NAMES = ['第一网格', '第二网格', '第三网格', '第四网格', '第五网格', '第六网格']
const SURNAMES =
  '马朱胡林何高罗郭梁宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const GIVEN = ['建国', '秀兰', '志强', '桂芳', '海燕', '国华', '丽娟', '永刚', '春梅', '明亮', '玉珍', '文博']
const POSTS: { post: StaffPost; tag: string; title?: string }[] = [
  { post: 'branch_secretary', tag: 'bs' },
  { post: 'leader', tag: 'ld' },
  { post: 'worker', tag: 'wk' },
  { post: 'cadre', tag: 'cd', title: '社区民警' },
]

/** Journey 7's people. */
export const GRID_PEOPLE = {
  /** 网格员 of 和谐社区 第二网格 (b-hx-1-2 of 和谐家园, served by co-1, responsible unit u-hx-2). */
  worker2: 'o-grid-hx-2-wk',
  liaisonXu: 'o-liaison-xu',
} as const

const grant = (
  role: RoleGrant['role'],
  scopeType: RoleGrant['scopeType'],
  scopeId: string,
  scopeName: string,
  communityId: string,
): RoleGrant => ({ role, scopeType, scopeId, scopeName, communityId, streetId: STREET._id })

export const gridSeed: ModuleSeed = async (db: Database, scale: number) => {
  const now = clockNow()
  const ago = (h: number) => new Date(now.getTime() - h * HOUR)
  const users: object[] = []
  const staff: StaffDoc[] = []
  const locks: LeaderLock[] = []
  const branches: PartyBranchDoc[] = []
  const events: EventDoc[] = []
  const stats: StatsDoc[] = []
  const summons: SummonsDoc[] = []
  let n = 0

  for (let copy = 0; copy < scale; copy++) {
    const sfx = copy === 0 ? '' : `-${copy + 1}`
    for (const c of COMMUNITIES) {
      const cid = `c-${c.key}${sfx}`
      const cname = copy === 0 ? c.name : `${c.name}${copy + 1}`
      const secretary = `o-sec-${c.key}`
      const secretaryName = DEMO_PEOPLE.find((p) => p._id === secretary)?.name ?? '社区书记'
      GRID_NAMES.forEach((gname, gi) => {
        const gid = `g-${c.key}${sfx}-${gi + 1}`
        for (const p of POSTS) {
          // 黄丽 (demo people) already holds grid_worker on g-hx-1: she is its 网格长.
          const isHuang = copy === 0 && c.key === 'hx' && gi === 0 && p.post === 'leader'
          const openid = isHuang ? 'o-grid-huang' : `o-grid-${c.key}${sfx}-${gi + 1}-${p.tag}`
          const name = isHuang ? '黄丽' : `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 5) % GIVEN.length]}`
          n++
          if (!isHuang) {
            users.push({
              _id: openid,
              name,
              phone: `1370000${String(n).padStart(4, '0')}`,
              roles: [grant('grid_worker', 'grid', gid, `${cname} ${gname}`, cid)],
              createdAt: ago(24 * 90),
              updatedAt: ago(24 * 90),
            })
          }
          staff.push({
            _id: ids.staff(gid, openid, p.post),
            gridId: gid,
            gridName: gname,
            communityId: cid,
            streetId: STREET._id,
            openid,
            name,
            post: p.post,
            ...(p.title ? { title: p.title } : {}),
            status: 'active',
            appointedAt: ago(24 * 90),
            appointedBy: secretary,
          })
          if (p.post === 'leader')
            locks.push({ _id: `gl:${gid}`, kind: 'leader_lock', gridId: gid, leaderOpenid: openid, at: ago(24 * 90) })
          // The grid's named Party branch, led by the appointed 网格党支部书记.
          if (p.post === 'branch_secretary') {
            branches.push({
              _id: `gpb:${gid}`,
              kind: 'party_branch',
              gridId: gid,
              communityId: cid,
              name: `${cname}${gname}党支部`,
              secretaryName: name,
              version: 1,
              setBy: secretary,
              setByName: secretaryName,
              setAt: ago(24 * 90),
            })
          }
        }
      })

      // Three events on grid 1 of each community, in estate 1 building 1 (served by the estate's company).
      const gid = `g-${c.key}${sfx}-1`
      const base = {
        gridId: gid,
        gridName: '第一网格',
        communityId: cid,
        communityName: cname,
        streetId: STREET._id,
        estateId: `e-${c.key}${sfx}-1`,
        estateName: '',
        buildingId: `b-${c.key}${sfx}-1-1`,
        buildingName: '1号楼',
        photos: [] as string[],
        whistled: false,
        progress: [] as EventDoc['progress'],
        progressCount: 0,
      }
      const reporter = copy === 0 && c.key === 'hx' ? 'o-grid-huang' : `o-grid-${c.key}${sfx}-1-wk`
      const reporterName = staff.find((x) => x.openid === reporter)?.name ?? '网格员'
      const company = (await db.collection(COL.estates).where({ _id: base.estateId }).limit(1).get()).data[0] as {
        companyId: string
        companyName: string
        name: string
      }
      base.estateName = company.name
      const handler = { type: 'company' as const, id: company.companyId, name: company.companyName }
      const fixedAt = ago(24 * 9)
      events.push({
        ...base,
        _id: `gev-${c.key}${sfx}-1`,
        place: '1号楼东侧绿化带',
        category: 'sanitation',
        description: '绿化带内垃圾堆积，有异味',
        urgency: 'normal',
        status: 'closed',
        reporter,
        reporterName,
        handler,
        handlerKey: `company:${handler.id}`,
        assignedAt: ago(24 * 10 - 1),
        deadline: ago(24 * 10 - 73),
        acceptedBy: 'seed',
        acceptedByName: '物业',
        acceptedAt: ago(24 * 10 - 2),
        doneAt: fixedAt,
        firstDoneAt: fixedAt,
        closedAt: ago(24 * 9 - 2),
        reopenCount: 0,
        rating: 5,
        firstDoneOnTime: true,
        handlingHours: handlingBucket(ago(24 * 10), fixedAt),
        progress: [
          { seq: 1, kind: 'done', note: '已清理完毕', photos: [], by: 'seed', byName: '物业', at: fixedAt },
          {
            seq: 2,
            kind: 'confirm',
            note: '上报人确认已解决',
            photos: [],
            by: reporter,
            byName: reporterName,
            at: ago(24 * 9 - 2),
          },
        ],
        progressCount: 2,
        createdAt: ago(24 * 10),
        updatedAt: ago(24 * 9 - 2),
      })
      events.push({
        ...base,
        _id: `gev-${c.key}${sfx}-2`,
        place: '1号楼单元门口',
        category: 'facility',
        description: '单元门禁损坏，无法关闭',
        urgency: 'urgent',
        status: 'assigned',
        reporter,
        reporterName,
        handler,
        handlerKey: `company:${handler.id}`,
        assignedAt: ago(40),
        deadline: ago(16),
        reopenCount: 0,
        createdAt: ago(41),
        updatedAt: ago(40),
      })
      events.push({
        ...base,
        _id: `gev-${c.key}${sfx}-3`,
        place: '1号楼楼道',
        category: 'clutter',
        description: '楼道堆放杂物，堵塞消防通道',
        urgency: 'normal',
        status: 'reported',
        reporter,
        reporterName,
        reopenCount: 0,
        createdAt: ago(3),
        updatedAt: ago(3),
      })
      const hist = { [`h${handlingBucket(ago(24 * 10), fixedAt)}`]: 1 }
      stats.push({
        _id: `gst:grid:${gid}`,
        scopeType: 'grid',
        scopeId: gid,
        communityId: cid,
        reported: 3,
        handled: 1,
        onTime: 1,
        reopened: 0,
        hist,
      })
      stats.push({
        _id: `gst:community:${cid}`,
        scopeType: 'community',
        scopeId: cid,
        communityId: cid,
        reported: 3,
        handled: 1,
        onTime: 1,
        reopened: 0,
        hist,
      })
      // A past whistle on the overdue event that the company left unanswered: silence on its record.
      summons.push({
        _id: `sm:whistle-seed-${c.key}${sfx}:company:${handler.id}`,
        whistleId: `whistle-seed-${c.key}${sfx}`,
        eventId: `gev-${c.key}${sfx}-2`,
        eventTitle: '设施损坏·1号楼单元门口',
        communityId: cid,
        streetId: STREET._id,
        partyType: 'company',
        partyId: handler.id,
        partyName: handler.name,
        partyKey: `company:${handler.id}`,
        quarter: quarterOf(ago(30)),
        windowEndsAt: ago(6),
        outcome: 'pending',
        createdAt: ago(30),
      })
      events[events.length - 2].whistled = true
    }
  }
  const unit = (await db.collection(COL.units).where({ _id: 'u-hx-2' }).limit(1).get()).data[0] as { name: string }
  users.push({
    _id: GRID_PEOPLE.liaisonXu,
    name: '许文',
    phone: '13600002222',
    roles: [grant('unit_liaison', 'unit', 'u-hx-2', unit.name, 'c-hx')],
    createdAt: ago(24 * 60),
    updatedAt: ago(24 * 60),
  })

  await insertAll(db, COL.users, users)
  await insertAll(db, COL.gridStaff, [...staff, ...locks, ...branches])
  await insertAll(db, COL.gridEvents, events)
  // Each step of the handled events is its own record too (what progress.list pages through).
  const steps: ProgressDoc[] = events.flatMap((e) =>
    e.progress.map((p) => ({
      ...p,
      _id: ids.progress(e._id, p.seq),
      eventId: e._id,
      communityId: e.communityId,
      gridId: e.gridId,
    })),
  )
  await insertAll(db, COL.gridProgress, steps)
  await insertAll(db, COL.gridStats, stats)
  await insertAll(db, COL.gridSummons, summons)
}
