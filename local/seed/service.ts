import type { Database } from '../../cloudfunctions/shared/db-types'
import { COL } from '../../cloudfunctions/shared/collections'
import { now as clockNow } from '../../cloudfunctions/shared/clock'
import { monthOf, quarterOf, yearOf } from '../../cloudfunctions/shared/period'
import type {
  ActivityDoc,
  AgreementDoc,
  AttendanceDoc,
  LedgerDoc,
  MemberDoc,
  NeedDoc,
  ProjectDoc,
  ProjectUpdateDoc,
  ResourceDoc,
  StatsDoc,
  WishDoc,
} from '../../cloudfunctions/service/repo'
import { ids } from '../../cloudfunctions/service/repo'
import { STREET } from './demo-data'
import { insertAll } from './insert'

/**
 * Demo data of 双报到、双服务 (deterministic ids, times relative to the clock at seeding so the demo
 * is "live"): per community, units checked in this year and last year, members with ledgers from a past
 * activity, an activity running now, the needs list of the seed story (25616.5 ㎡ of road …), a matched
 * project, and 微心愿 in each state. 孙伟 (o-member-sun) checked in last year only, so he shows as overdue
 * and journey 2 starts with his check-in; u-hx-1 (吴敏's unit) has not checked in, for journey 1. 阳光社区 has a
 * retired and a mobile member (issue 15 §4); 孙伟 has a ledger of last year (the year switch of issue 14 §4).
 */

const DAY = 86400_000
const COMMUNITIES = [
  { key: 'hx', name: '和谐社区', estate: '和谐家园', lat: 30.5928, lng: 114.3055 },
  { key: 'yg', name: '阳光社区', estate: '阳光花园', lat: 30.5801, lng: 114.2902 },
  { key: 'lq', name: '柳青社区', estate: '柳青雅居', lat: 30.6012, lng: 114.3189 },
]
const MEMBER_NAMES = [
  ['陈立军', '马晓燕', '高志强', '林雪'],
  ['赵海燕', '钱明', '孙丽', '李强'],
  ['周建国', '吴红梅', '郑伟', '王芳'],
]

/** The needs list of the seed story, exact to the tenth. */
export const DEMO_NEEDS: { title: string; tenths: number; unit: '平方米' | '米' | '盏' | '块' | '个' }[] = [
  { title: '修复坑洼路面', tenths: 256165, unit: '平方米' },
  { title: '疏通修复污水沟', tenths: 8490, unit: '米' },
  { title: '新增路灯', tenths: 260, unit: '盏' },
  { title: '更换公益广告', tenths: 1210, unit: '块' },
  { title: '新增垃圾箱桶', tenths: 700, unit: '个' },
]

const grant = (communityId: string, name: string) => ({
  role: 'member',
  scopeType: 'community',
  scopeId: communityId,
  scopeName: name,
  communityId,
  streetId: STREET._id,
})

export async function serviceSeed(db: Database, scale: number): Promise<void> {
  const now = clockNow()
  const year = yearOf(now)
  const users: object[] = []
  const members: MemberDoc[] = []
  const needs: NeedDoc[] = []
  const resources: ResourceDoc[] = []
  const projects: ProjectDoc[] = []
  const updates: ProjectUpdateDoc[] = []
  const agreements: AgreementDoc[] = []
  const activities: ActivityDoc[] = []
  const attendance: AttendanceDoc[] = []
  const ledgers: LedgerDoc[] = []
  const stats: StatsDoc[] = []
  const wishes: WishDoc[] = []
  const unitPatches: [string, object][] = []

  for (let copy = 0; copy < scale; copy++) {
    for (const [ci, c] of COMMUNITIES.entries()) {
      const sfx = copy === 0 ? '' : `-${copy + 1}`
      const cid = `c-${c.key}${sfx}`
      const cname = copy === 0 ? c.name : `${c.name}${copy + 1}`
      const u = (n: number) => `u-${c.key}${sfx}-${n}`
      const secretary = `o-sec-${c.key}`
      const secName =
        copy === 0 ? (({ hx: '王秀英', yg: '李建华' } as Record<string, string>)[c.key] ?? '社区书记') : '社区书记'
      const at = (days: number) => new Date(now.getTime() + days * DAY)

      // Units: #2 checked in this year (agreement), #3 last year only (overdue), #1 not yet.
      // In 和谐社区 #2's check-in was entered by 许文 (its liaison, local/seed/grid.ts), so the contact phone shows whole to her only.
      const res2 = ['义诊与健康讲座', '志愿者 20 人次/季度']
      const com2 = ['每季度开展一次进社区服务', '认领网格环境整治']
      unitPatches.push([
        u(2),
        {
          contactName: '许文',
          contactPhone: '13600002222',
          resources: res2,
          commitments: com2,
          approvedYear: year,
          gridIds: [`g-${c.key}${sfx}-2`],
          gridNames: ['第二网格'],
          checkin: {
            year,
            status: 'approved',
            submittedAt: at(-60),
            submittedBy: c.key === 'hx' && copy === 0 ? 'o-liaison-xu' : `o-liaison-seed-${c.key}${sfx}`,
            decidedAt: at(-58),
            decidedBy: secretary,
            decidedByName: secName,
          },
        },
      ])
      unitPatches.push([
        u(3),
        {
          contactName: '邓华',
          contactPhone: '13600003333',
          resources: ['场地借用'],
          commitments: ['开放活动场地'],
          approvedYear: year - 1,
          checkin: {
            year: year - 1,
            status: 'approved',
            submittedAt: at(-400),
            submittedBy: `o-liaison-seed3-${c.key}${sfx}`,
            decidedAt: at(-398),
            decidedBy: secretary,
            decidedByName: secName,
          },
        },
      ])
      // 和谐社区's agreement is signed by both sides (许文 for the school); the others await the unit's signature.
      const signed =
        c.key === 'hx' && copy === 0
          ? { unitSignedAt: at(-57), unitSignedBy: 'o-liaison-xu', unitSignedByName: '许文' }
          : {}
      agreements.push({
        _id: `agr:${u(2)}:${year}`,
        unitId: u(2),
        unitName: '',
        communityId: cid,
        communityName: cname,
        year,
        commitments: com2,
        resources: res2,
        approvedAt: at(-58),
        approvedBy: secretary,
        approvedByName: secName,
        ...signed,
      })
      // #3's agreement of last year, signed by both: its renewal starts from these lists.
      agreements.push({
        _id: `agr:${u(3)}:${year - 1}`,
        unitId: u(3),
        unitName: '',
        communityId: cid,
        communityName: cname,
        year: year - 1,
        commitments: ['开放活动场地'],
        resources: ['场地借用'],
        approvedAt: at(-398),
        approvedBy: secretary,
        approvedByName: secName,
        unitSignedAt: at(-396),
        unitSignedBy: `o-liaison-seed3-${c.key}${sfx}`,
        unitSignedByName: '邓华',
      })
      res2.forEach((title, i) =>
        resources.push({
          _id: `res:${u(2)}:${year}:${i}`,
          communityId: cid,
          title,
          ownerType: 'unit',
          ownerId: u(2),
          ownerName: '',
          createdBy: secretary,
          createdAt: at(-58),
        }),
      )

      DEMO_NEEDS.forEach((n, i) =>
        needs.push({
          _id: `need-${c.key}${sfx}-${i + 1}`,
          communityId: cid,
          streetId: STREET._id,
          title: n.title,
          source: i === 0 ? 'grid' : 'community',
          quantity: { tenths: n.tenths, unit: n.unit },
          status: i === 2 ? 'matched' : 'open',
          projectId: i === 2 ? `proj-${c.key}${sfx}-1` : undefined,
          createdBy: secretary,
          createdAt: at(-50 + i),
        }),
      )
      projects.push({
        _id: `proj-${c.key}${sfx}-1`,
        communityId: cid,
        title: '新增路灯共建项目',
        needId: `need-${c.key}${sfx}-3`,
        needTitle: '新增路灯',
        resourceId: `res:${u(2)}:${year}:1`,
        resourceTitle: res2[1],
        unitId: u(2),
        ownerType: 'unit',
        ownerId: u(2),
        ownerName: '',
        deadline: at(40),
        progress: 40,
        status: 'active',
        lastNote: '已完成选址，12 盏已安装',
        updateCount: 1,
        createdBy: secretary,
        createdAt: at(-20),
      })
      updates.push({
        _id: ids.projectUpdate(`proj-${c.key}${sfx}-1`, 1),
        projectId: `proj-${c.key}${sfx}-1`,
        communityId: cid,
        seq: 1,
        progress: 40,
        note: '已完成选址，12 盏已安装',
        by: secretary,
        byName: secName,
        at: at(-5),
      })

      // Members checked in this year, with a past activity confirmed into their ledgers.
      const past: ActivityDoc = {
        _id: `act-${c.key}${sfx}-past`,
        communityId: cid,
        streetId: STREET._id,
        title: '楼道清理志愿服务',
        kind: 'environment',
        place: { name: `${c.estate}中心广场`, lat: c.lat, lng: c.lng },
        radiusM: 200,
        startAt: at(-20),
        endAt: new Date(at(-20).getTime() + 3 * 3600_000),
        graceMin: 15,
        capacity: 30,
        signupCount: 4,
        createdBy: secretary,
        createdByName: secName,
        createdAt: at(-25),
      }
      const live: ActivityDoc = {
        _id: `act-${c.key}${sfx}-live`,
        communityId: cid,
        streetId: STREET._id,
        title: '社区环境整治志愿服务',
        kind: 'volunteer',
        place: { name: `${c.estate}东门`, lat: c.lat, lng: c.lng },
        radiusM: 200,
        startAt: new Date(now.getTime() - 30 * 60_000),
        endAt: new Date(now.getTime() + 4 * 3600_000),
        graceMin: 15,
        capacity: 20,
        signupCount: 0,
        createdBy: secretary,
        createdByName: secName,
        createdAt: at(-3),
      }
      activities.push(past, live)
      let statMinutes = 0
      MEMBER_NAMES[ci].forEach((name, mi) => {
        const openid = `o-svc-m-${c.key}${sfx}-${mi + 1}`
        const unitId = u(mi % 2 === 0 ? 2 : 3)
        const unitName = ''
        users.push({
          _id: openid,
          name,
          phone: `1350000${String(ci * 10 + mi + copy * 100).padStart(4, '0')}`,
          roles: [grant(cid, cname)],
          createdAt: at(-90),
          updatedAt: at(-90),
        })
        members.push({
          _id: ids.member(openid),
          openid,
          communityId: cid,
          communityName: cname,
          streetId: STREET._id,
          name,
          unitId,
          unitName,
          householdId: `h-${c.key}${sfx}-1-${mi + 2}-101`,
          address: `${c.estate} ${mi + 2}号楼 101`,
          skills: [['水电维修', '电脑'][mi % 2]],
          availability: '周末',
          status: 'approved',
          year,
          approvedYear: year,
          gridId: `g-${c.key}${sfx}-${mi + 1}`,
          gridName: `第${'一二三四'[mi]}网格`,
          buildingIds: [`b-${c.key}${sfx}-1-${mi + 2}`],
          buildingNames: [`${mi + 2}号楼`],
          submittedAt: at(-80),
          decidedAt: at(-79),
          decidedBy: secretary,
          decidedByName: secName,
          history: [],
        })
        const minutes = 180 - mi * 30
        const inAt = new Date(past.startAt.getTime() + mi * 30 * 60_000)
        attendance.push({
          _id: ids.attendance(past._id, openid),
          activityId: past._id,
          activityTitle: past.title,
          communityId: cid,
          streetId: STREET._id,
          openid,
          memberId: ids.member(openid),
          memberName: name,
          unitId,
          unitName,
          status: 'confirmed',
          signedUpAt: at(-22),
          signedInAt: inAt,
          inMethod: 'qr',
          signedOutAt: past.endAt,
          outMethod: 'qr',
          minutes,
          year: yearOf(past.startAt),
          quarter: quarterOf(past.startAt),
          month: monthOf(past.startAt),
          confirmedAt: at(-19),
          confirmedBy: secretary,
          confirmedByName: secName,
        })
        statMinutes += minutes
        const wishes = mi === 0 ? 1 : 0
        for (const period of [String(yearOf(past.startAt)), quarterOf(past.startAt)]) {
          ledgers.push({
            _id: ids.ledger(openid, period),
            openid,
            memberId: ids.member(openid),
            name,
            unitId,
            unitName,
            communityId: cid,
            period,
            minutes,
            activities: 1,
            wishes,
            ratingSum: wishes * 5,
            ratingCount: wishes,
            updatedAt: at(-19),
          })
        }
      })
      // 阳光社区 has a retired member (no unit) and a mobile member (origin organisation named), both at the past activity:
      // they appear on the ledger and the ranking, and on no unit's letter (issue 15 §4).
      if (c.key === 'yg') {
        const others: {
          key: string
          name: string
          kind: 'retired' | 'mobile'
          originOrg?: string
          skills: string[]
          availability: string
          minutes: number
        }[] = [
          {
            key: 'ret',
            name: '何秀兰',
            kind: 'retired',
            skills: ['调解邻里纠纷', '读报讲解'],
            availability: '工作日上午',
            minutes: 150,
          },
          {
            key: 'mob',
            name: '罗建军',
            kind: 'mobile',
            originOrg: '湖北省麻城市宋埠镇彭店村党支部',
            skills: ['电动车维修'],
            availability: '周日',
            minutes: 60,
          },
        ]
        for (const [oi, o] of others.entries()) {
          const openid = `o-svc-${o.key}-${c.key}${sfx}`
          users.push({
            _id: openid,
            name: o.name,
            phone: `1370000${String(oi + copy * 10).padStart(4, '0')}`,
            roles: [grant(cid, cname)],
            createdAt: at(-90),
            updatedAt: at(-90),
          })
          members.push({
            _id: ids.member(openid),
            openid,
            communityId: cid,
            communityName: cname,
            streetId: STREET._id,
            name: o.name,
            kind: o.kind,
            originOrg: o.originOrg,
            unitName: '',
            skills: o.skills,
            availability: o.availability,
            status: 'approved',
            year,
            approvedYear: year,
            gridId: `g-${c.key}${sfx}-1`,
            gridName: '第一网格',
            buildingIds: [],
            buildingNames: [],
            submittedAt: at(-70),
            decidedAt: at(-69),
            decidedBy: secretary,
            decidedByName: secName,
            history: [],
          })
          attendance.push({
            _id: ids.attendance(past._id, openid),
            activityId: past._id,
            activityTitle: past.title,
            communityId: cid,
            streetId: STREET._id,
            openid,
            memberId: ids.member(openid),
            memberName: o.name,
            unitName: '',
            status: 'confirmed',
            signedUpAt: at(-22),
            signedInAt: past.startAt,
            inMethod: 'qr',
            signedOutAt: new Date(past.startAt.getTime() + o.minutes * 60_000),
            outMethod: 'qr',
            minutes: o.minutes,
            year: yearOf(past.startAt),
            quarter: quarterOf(past.startAt),
            month: monthOf(past.startAt),
            confirmedAt: at(-19),
            confirmedBy: secretary,
            confirmedByName: secName,
          })
          statMinutes += o.minutes
          for (const period of [String(yearOf(past.startAt)), quarterOf(past.startAt)]) {
            ledgers.push({
              _id: ids.ledger(openid, period),
              openid,
              memberId: ids.member(openid),
              name: o.name,
              kind: o.kind,
              unitName: '',
              communityId: cid,
              period,
              minutes: o.minutes,
              activities: 1,
              wishes: 0,
              ratingSum: 0,
              ratingCount: 0,
              updatedAt: at(-19),
            })
          }
        }
        past.signupCount += others.length
      }
      stats.push({
        _id: `st:${cid}:${yearOf(past.startAt)}`,
        communityId: cid,
        year: yearOf(past.startAt),
        minutes: statMinutes,
        minutesByMonth: Array.from({ length: 12 }, (_, m) => (m + 1 === monthOf(past.startAt) ? statMinutes : 0)),
      })

      // 微心愿: open, expired (back to the community), and one fulfilled by the first member.
      const resident =
        c.key === 'hx' && copy === 0
          ? { openid: 'o-res-zhang', name: '张德福', hid: 'h-hx-1-1-202', address: '和谐家园 1号楼 202' }
          : { openid: undefined, name: '居民', hid: `h-${c.key}${sfx}-1-1-202`, address: `${c.estate} 1号楼 202` }
      const wish = (n: number, title: string, extra: Partial<WishDoc>): WishDoc => ({
        _id: `wish-${c.key}${sfx}-${n}`,
        communityId: cid,
        streetId: STREET._id,
        householdId: resident.hid,
        address: resident.address,
        residentOpenid: resident.openid,
        residentName: resident.name,
        postedBy: resident.openid ?? secretary,
        title,
        dueAt: at(14),
        status: 'open',
        createdAt: at(-2),
        ...extra,
      })
      const first = MEMBER_NAMES[ci][0]
      wishes.push(
        wish(1, '想要一副老花镜', { detail: '度数 200 左右' }),
        wish(2, '帮忙修理阳台晾衣架', { dueAt: at(-1), createdAt: at(-10) }),
        wish(3, '陪老人去社区医院体检', {
          status: 'confirmed',
          claimerOpenid: `o-svc-m-${c.key}${sfx}-1`,
          claimerName: first,
          claimedAt: at(-15),
          deliveredAt: at(-14),
          deliveredNote: '已陪同完成体检',
          confirmedAt: at(-13),
          rating: 5,
          thanks: '谢谢党员同志！',
          createdAt: at(-16),
        }),
      )
    }
  }

  // Unit names come from the org seed; fill them in from the units collection (one read per community copy).
  const unitIds = [...new Set([...unitPatches.map(([id]) => id), 'u-hx-1'])]
  const names = new Map<string, string>()
  for (let i = 0; i < unitIds.length; i += 100) {
    const { data } = await db
      .collection(COL.units)
      .where({ _id: db.command.in(unitIds.slice(i, i + 100)) })
      .limit(100)
      .get()
    for (const d of data as { _id: string; name: string }[]) names.set(d._id, d.name)
  }
  const named = <T extends { unitId?: string; unitName: string }>(d: T) => ({
    ...d,
    unitName: d.unitId ? (names.get(d.unitId) ?? '') : d.unitName,
  })
  for (const a of agreements) a.unitName = names.get(a.unitId) ?? ''
  for (const r of resources) r.ownerName = names.get(r.ownerId) ?? ''
  for (const p of projects) p.ownerName = names.get(p.ownerId) ?? ''

  // 孙伟: member of 和谐社区, checked in last year only (overdue now).
  members.push({
    _id: ids.member('o-member-sun'),
    openid: 'o-member-sun',
    communityId: 'c-hx',
    communityName: '和谐社区',
    streetId: STREET._id,
    name: '孙伟',
    unitId: 'u-hx-1',
    unitName: names.get('u-hx-1') ?? '锦绣区人民医院',
    householdId: 'h-hx-1-3-201',
    address: '和谐家园 3号楼 201',
    skills: ['急救'],
    availability: '工作日晚上、周末',
    status: 'approved',
    year: year - 1,
    approvedYear: year - 1,
    gridId: 'g-hx-3',
    gridName: '第三网格',
    buildingIds: ['b-hx-1-3'],
    buildingNames: ['3号楼'],
    submittedAt: new Date(now.getTime() - 330 * DAY),
    decidedAt: new Date(now.getTime() - 329 * DAY),
    decidedBy: 'o-sec-hx',
    decidedByName: '王秀英',
    history: [],
  })

  // 孙伟's service of the year before his last check-in (the ledger's and dashboard's year switch shows it: issue 14 §4).
  const sunYear = yearOf(now) - 1
  const sunMonth = 10
  for (const period of [String(sunYear), `${sunYear}Q4`]) {
    ledgers.push({
      _id: ids.ledger('o-member-sun', period),
      openid: 'o-member-sun',
      memberId: ids.member('o-member-sun'),
      name: '孙伟',
      unitId: 'u-hx-1',
      unitName: names.get('u-hx-1') ?? '锦绣区人民医院',
      communityId: 'c-hx',
      period,
      minutes: 240,
      activities: 2,
      wishes: 0,
      ratingSum: 0,
      ratingCount: 0,
      updatedAt: new Date(now.getTime() - 330 * DAY),
    })
  }
  if (!stats.some((x) => x._id === `st:c-hx:${sunYear}`)) {
    stats.push({
      _id: `st:c-hx:${sunYear}`,
      communityId: 'c-hx',
      year: sunYear,
      minutes: 240,
      minutesByMonth: Array.from({ length: 12 }, (_, m) => (m + 1 === sunMonth ? 240 : 0)),
    })
  }

  for (const [id, patch] of unitPatches) await db.collection(COL.units).doc(id).update({ data: patch })
  await insertAll(db, COL.users, users)
  await insertAll(db, COL.svcMembers, members.map(named))
  await insertAll(
    db,
    COL.svcAgreements,
    agreements.filter((a) => names.has(a.unitId)),
  )
  await insertAll(db, COL.svcNeeds, needs)
  await insertAll(db, COL.svcResources, resources)
  await insertAll(db, COL.svcProjects, projects)
  await insertAll(db, COL.svcProjectUpdates, updates)
  await insertAll(db, COL.svcActivities, activities)
  await insertAll(db, COL.svcAttendance, attendance.map(named))
  await insertAll(db, COL.svcLedgers, ledgers.map(named))
  await insertAll(db, COL.svcStats, stats)
  await insertAll(db, COL.svcWishes, wishes)
}
