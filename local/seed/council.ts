import { ruleFor, tally } from '../../cloudfunctions/council/domain/tally'
import { boxIds, boxIndex, firstSnapshot, nextSnapshot } from '../../cloudfunctions/council/domain/disclosure'
import {
  progressId,
  type AgendaItem,
  type BallotDoc,
  type BoxDoc,
  type MeetingDoc,
  type ProgressDoc,
  type RatingDoc,
  type ResolutionDoc,
  type SecondDoc,
  type TopicDoc,
  type VoteDoc,
} from '../../cloudfunctions/council/repo'
import { COL } from '../../cloudfunctions/shared/collections'
import { ownerToken } from '../../cloudfunctions/shared/owner-token'
import type { Database } from '../../cloudfunctions/shared/db-types'
import { insertAll } from './insert'
import type { ModuleSeed } from './seed'

/**
 * 红色议事会 demo data, from the seed story: 和谐家园 residents ask for a parking plan; the secretary
 * accepts it as 大事, the council meets, the owners vote under 民法典 art. 278 (ordinary matters) and
 * approve it with more than 90 % of the households; the resolution is carried out and rated.
 * Deterministic ids; the result is computed by the same tally the cloud function uses.
 * Also: an open topic being seconded, an urgent decision awaiting ratification, a declined topic,
 * and an upcoming published meeting. `scale` repeats the parking story in the copied communities.
 */

const at = (s: string) => new Date(`${s}+08:00`)

/** Households of 和谐家园 that did not vote (2), voted against (3) or abstained (1); the other 66 approved. */
const ABSENT = new Set([70, 71])
const AGAINST = new Set([5, 17, 29])
const ABSTAIN = new Set([41])

async function parkingStory(db: Database, suffix: string) {
  const cid = `c-hx${suffix}`
  const eid = `e-hx${suffix}-1`
  const x = (id: string) => `${id}${suffix}`
  const { data } = await db.collection(COL.households).where({ estateId: eid }).orderBy('_id', 'asc').limit(100).get()
  const households = data as { _id: string; floorAreaDm2: number }[]

  const topic: TopicDoc = {
    _id: x('topic-parking'),
    communityId: cid,
    streetId: 'st-jinxiu',
    estateId: eid,
    estateName: '和谐家园',
    title: '规划小区停车位，解决乱停车问题',
    body: '小区车辆越来越多，晚上消防通道被占，老人出行不便。建议利用东侧闲置绿地和道路一侧规划停车位，实行登记停车。',
    photos: [],
    authorOpenid: 'o-res-liu',
    authorName: '刘芳',
    status: 'accepted',
    tier: 'major',
    seconds: 2,
    locked: true,
    voteId: x('vote-parking'),
    lastClosedVoteId: x('vote-parking'),
    triagedAt: at('2026-03-02T10:00:00'),
    triagedBy: 'o-sec-hx',
    createdAt: at('2026-02-26T09:12:00'),
    updatedAt: at('2026-03-11T09:00:00'),
  }
  const seconds: SecondDoc[] = ['o-res-zhang', 'o-member-sun'].map((openid, i) => ({
    _id: `second:${topic._id}:${openid}`,
    topicId: topic._id,
    openid,
    at: at(`2026-02-2${7 + i}T20:00:00`),
  }))

  const agenda: AgendaItem[] = [
    {
      itemId: 'item-1',
      order: 1,
      title: '和谐家园停车位规划方案',
      topicIds: [topic._id],
      lastClosedVoteId: x('vote-parking'),
    },
    { itemId: 'item-2', order: 2, title: '停车管理收费标准与公示', topicIds: [] },
  ]
  const meeting: MeetingDoc = {
    _id: x('meet-parking'),
    communityId: cid,
    streetId: 'st-jinxiu',
    title: '和谐社区红色议事会（2026年第一次）',
    startsAt: at('2026-03-10T19:00:00'),
    place: '和谐社区党群服务中心二楼会议室',
    online: false,
    agenda,
    participants: [
      { kind: 'party', name: '和谐社区党委' },
      { kind: 'residents_committee', name: '和谐社区居委会' },
      { kind: 'property', name: '安居物业服务有限公司', ref: { type: 'company', id: 'co-1' }, key: 'company:co-1' },
      { kind: 'owners_committee', name: '和谐家园业主委员会' },
      { kind: 'resident_rep', name: '居民代表' },
      {
        kind: 'unit',
        name: '锦绣区人民医院',
        ref: { type: 'unit', id: `u-hx${suffix}-1` },
        key: `unit:u-hx${suffix}-1`,
      },
    ],
    inviteKeys: ['company:co-1', `unit:u-hx${suffix}-1`],
    noticedKeys: ['company:co-1', `unit:u-hx${suffix}-1`],
    status: 'ended',
    attendeeCount: 0,
    minutes:
      '会议听取了物业公司关于停车位规划方案的说明，与会各方讨论了东侧绿地改造范围和收费标准。会议同意将方案提交全体业主表决（民法典第278条一般事项），表决期两周。',
    createdBy: 'o-sec-hx',
    createdAt: at('2026-03-03T09:00:00'),
    updatedAt: at('2026-03-10T21:00:00'),
    publishedAt: at('2026-03-03T10:00:00'),
    startedAt: at('2026-03-10T19:00:00'),
    endedAt: at('2026-03-10T21:00:00'),
  }

  const options = [
    { key: 'o1', label: '同意', kind: 'for' as const },
    { key: 'o2', label: '反对', kind: 'against' as const },
    { key: 'o3', label: '弃权', kind: 'abstain' as const },
  ]
  const voteId = x('vote-parking')
  const castAt = at('2026-03-15T20:00:00')
  const ballots: BallotDoc[] = []
  households.forEach((h, i) => {
    if (ABSENT.has(i)) return
    const choice = AGAINST.has(i) ? 'o2' : ABSTAIN.has(i) ? 'o3' : 'o1'
    // Seeded ballots were cast by nobody who can sign in: an owner token no member's can equal.
    ballots.push({
      _id: `ballot:${voteId}:${h._id}`,
      voteId,
      householdId: h._id,
      owner: 'seed',
      choice,
      floorAreaDm2: h.floorAreaDm2,
      castAt,
      updatedAt: castAt,
      changes: 0,
    })
  })
  const rule = ruleFor('civil_code_ordinary')
  const eligible = { households: households.length, areaDm2: households.reduce((s, h) => s + h.floorAreaDm2, 0) }
  const counts = options.map((o) => {
    const mine = ballots.filter((b) => b.choice === o.key)
    return { key: o.key, households: mine.length, areaDm2: mine.reduce((s, b) => s + b.floorAreaDm2, 0) }
  })
  const boxes: BoxDoc[] = boxIds(voteId).map((_id) => ({
    _id,
    voteId,
    households: 0,
    areaDm2: 0,
    writes: 0,
    sealed: true,
    sealedAt: at('2026-03-25T20:05:00'),
  }))
  for (const b of ballots) {
    const box = boxes[boxIndex(b.householdId)]
    box.households++
    box.areaDm2 += b.floorAreaDm2
    box.writes++
  }
  const closedAt = at('2026-03-25T20:05:00')
  const result = { ...tally(rule, options, counts, eligible), computedAt: closedAt, counterHouseholds: ballots.length }
  const vote: VoteDoc = {
    _id: voteId,
    communityId: cid,
    streetId: 'st-jinxiu',
    meetingId: meeting._id,
    itemId: 'item-1',
    topicIds: [topic._id],
    title: '和谐家园停车位规划方案',
    description: '在东侧闲置绿地及 3 号路北侧规划停车位 86 个，登记停车，收费标准另行公示。',
    options,
    scope: { estateIds: [eid], buildingIds: [], label: '和谐家园' },
    opensAt: at('2026-03-11T09:00:00'),
    closesAt: at('2026-03-25T20:00:00'),
    rule,
    eligibleHouseholds: eligible.households,
    eligibleAreaDm2: eligible.areaDm2,
    turnout: nextSnapshot(
      firstSnapshot(at('2026-03-11T09:00:00')),
      { households: ballots.length, areaDm2: ballots.reduce((s, b) => s + b.floorAreaDm2, 0) },
      eligible,
      at('2026-03-25T20:00:00'),
    ),
    result,
    sealedAt: closedAt,
    closedAt,
    closedBy: 'o-sec-hx',
    remindedAt: at('2026-03-24T20:00:00'),
    createdBy: 'o-sec-hx',
    createdAt: at('2026-03-11T09:00:00'),
  }

  const ratedAt = at('2026-07-02T19:00:00')
  // Each rating was given by the household's seeded resident (who may change it); a household without one
  // has a placeholder owner. A rating whose giver is no longer in the household passes to its members.
  const ratings: RatingDoc[] = households.slice(0, 3).map((h, i) => ({
    _id: `rating:res:${meeting._id}:item-1:${h._id}`,
    resolutionId: `res:${meeting._id}:item-1`,
    householdId: h._id,
    owner: seededResident(h._id) ? ownerToken(`res:${meeting._id}:item-1`, seededResident(h._id)!) : 'seed',
    stars: [5, 5, 4][i],
    at: ratedAt,
    createdAt: ratedAt,
    edits: 0,
  }))
  const resId = `res:${meeting._id}:item-1`
  const progress: ProgressDoc[] = (
    [
      [at('2026-04-08T10:00:00'), '施工方案已公示，开始施工', 'in_progress'],
      [at('2026-05-20T10:00:00'), '停车位划线完成 60 个', 'in_progress'],
      [at('2026-06-26T10:00:00'), '86 个停车位全部启用，登记停车已实行', 'done'],
    ] as const
  ).map(([when, note, status], i) => ({
    _id: progressId(resId, i + 1),
    resolutionId: resId,
    seq: i + 1,
    at: when,
    note,
    byName: '王秀英',
    status,
  }))
  const { _id: _latest, resolutionId: _r, ...latestProgress } = progress[progress.length - 1]
  const resolution: ResolutionDoc = {
    _id: resId,
    communityId: cid,
    streetId: 'st-jinxiu',
    meetingId: meeting._id,
    meetingTitle: meeting.title,
    itemId: 'item-1',
    itemTitle: agenda[0].title,
    voteId,
    decision: '业主表决通过停车位规划方案：东侧绿地及 3 号路北侧新建停车位 86 个，由物业公司组织施工，登记停车。',
    responsibleKind: 'company',
    responsibleName: '安居物业服务有限公司',
    responsibleId: 'co-1',
    responsibleKey: 'company:co-1',
    deadline: at('2026-06-30T23:59:59.999'),
    deadlineDate: '2026-06-30',
    status: 'done',
    progressCount: progress.length,
    latestProgress,
    ratingCount: ratings.length,
    ratingSum: ratings.reduce((s, r) => s + r.stars, 0),
    createdBy: 'o-sec-hx',
    createdAt: at('2026-03-26T09:00:00'),
    doneAt: at('2026-06-26T10:00:00'),
  }
  return { topic, seconds, meeting, vote, ballots, boxes, resolution, progress, ratings }
}

function otherTopics(suffix: string): TopicDoc[] {
  const cid = `c-hx${suffix}`
  const base = { communityId: cid, streetId: 'st-jinxiu', photos: [] as string[] }
  return [
    {
      ...base,
      _id: `topic-elevator${suffix}`,
      estateId: `e-hx${suffix}-2`,
      estateName: '翠竹苑',
      title: '老旧楼栋加装电梯',
      body: '翠竹苑 2 号楼住户多为老人，上下楼困难，希望社区牵头协调加装电梯。',
      authorOpenid: 'o-res-zhang',
      authorName: '张德福',
      status: 'open',
      seconds: 0,
      locked: false,
      createdAt: at('2026-11-18T08:30:00'),
      updatedAt: at('2026-11-18T08:30:00'),
    },
    {
      ...base,
      _id: `topic-tree${suffix}`,
      estateId: `e-hx${suffix}-1`,
      estateName: '和谐家园',
      title: '4号楼前大树倾斜有倒伏危险',
      body: '大风后 4 号楼前的大树明显倾斜，树下是儿童活动区。',
      authorOpenid: 'o-grid-huang',
      authorName: '黄丽',
      status: 'accepted',
      tier: 'urgent',
      seconds: 0,
      locked: false,
      urgent: {
        decision: '立即围挡，联系园林部门当天修剪加固',
        decidedAt: at('2026-11-20T15:00:00'),
        publicBy: at('2026-11-21T15:00:00'),
        ratifyBy: at('2026-11-27T15:00:00'),
      },
      triagedAt: at('2026-11-20T15:00:00'),
      triagedBy: 'o-sec-hx',
      createdAt: at('2026-11-20T14:10:00'),
      updatedAt: at('2026-11-20T15:00:00'),
    },
    {
      ...base,
      _id: `topic-ads${suffix}`,
      title: '在小区门口增设商业广告牌',
      body: '建议在小区大门增设商业广告牌，收入补贴物业费。',
      authorOpenid: 'o-member-sun',
      authorName: '孙伟',
      status: 'declined',
      declineReason: '小区出入口属消防通道范围，不宜设置广告牌；公益广告更换已列入需求清单。',
      seconds: 0,
      locked: false,
      triagedAt: at('2026-10-12T10:00:00'),
      triagedBy: 'o-sec-hx',
      createdAt: at('2026-10-10T10:00:00'),
      updatedAt: at('2026-10-12T10:00:00'),
    },
  ]
}

function upcomingMeeting(suffix: string): MeetingDoc {
  return {
    _id: `meet-winter${suffix}`,
    communityId: `c-hx${suffix}`,
    streetId: 'st-jinxiu',
    title: '和谐社区红色议事会（冬季安全专题）',
    startsAt: at('2026-12-20T19:00:00'),
    place: '和谐社区党群服务中心二楼会议室',
    online: false,
    agenda: [
      { itemId: 'item-1', order: 1, title: '冬季消防通道与电动车充电安全', topicIds: [] },
      { itemId: 'item-2', order: 2, title: '一号楼加装电梯意向征询', topicIds: [] },
    ],
    participants: [
      { kind: 'party', name: '和谐社区党委' },
      { kind: 'property', name: '安居物业服务有限公司', ref: { type: 'company', id: 'co-1' }, key: 'company:co-1' },
      {
        kind: 'unit',
        name: '锦绣区第一中学',
        ref: { type: 'unit', id: `u-hx${suffix}-2` },
        key: `unit:u-hx${suffix}-2`,
      },
      { kind: 'resident_rep', name: '居民代表' },
    ],
    inviteKeys: ['company:co-1', `unit:u-hx${suffix}-2`],
    noticedKeys: ['company:co-1', `unit:u-hx${suffix}-2`],
    status: 'published',
    attendeeCount: 0,
    createdBy: 'o-sec-hx',
    createdAt: at('2026-11-15T09:00:00'),
    updatedAt: at('2026-11-15T09:00:00'),
    publishedAt: at('2026-11-15T09:00:00'),
  }
}

/**
 * More verified residents of 和谐家园 1号楼 (besides 刘芳 101 and 张德福 202), so a building vote can
 * reach the civil-code participation in the demo and the e2e journey. Invented names.
 */
export const COUNCIL_RESIDENTS: [room: string, name: string][] = [
  ['102', '陈秀芝'],
  ['201', '杨建国'],
  ['301', '赵淑珍'],
  ['302', '黄志强'],
  ['401', '周玉梅'],
  ['402', '吴国庆'],
  ['501', '徐秀兰'],
  ['502', '孙立军'],
]

/** The seeded resident of a household of 和谐家园 1号楼 (demo people and COUNCIL_RESIDENTS), if any. */
function seededResident(hid: string): string | null {
  if (hid === 'h-hx-1-1-101') return 'o-res-liu'
  if (hid === 'h-hx-1-1-202') return 'o-res-zhang'
  const room = COUNCIL_RESIDENTS.find(([r]) => hid === `h-hx-1-1-${r}`)?.[0]
  return room ? `o-res-hx-${room}` : null
}

function buildingResidents() {
  const created = at('2026-01-20T10:00:00')
  const users: object[] = []
  const bindings: object[] = []
  COUNCIL_RESIDENTS.forEach(([room, name], i) => {
    const hid = `h-hx-1-1-${room}`
    const address = `和谐家园 1号楼 ${room}`
    const openid = `o-res-hx-${room}`
    const phone = `1380000${String(2000 + i).padStart(4, '0')}`
    users.push({
      _id: openid,
      name,
      phone,
      bindingId: `bind-hx-${room}`,
      createdAt: created,
      updatedAt: created,
      roles: [
        {
          role: 'resident',
          scopeType: 'household',
          scopeId: hid,
          scopeName: address,
          communityId: 'c-hx',
          streetId: 'st-jinxiu',
        },
      ],
    })
    bindings.push({
      _id: `bind-hx-${room}`,
      openid,
      householdId: hid,
      communityId: 'c-hx',
      streetId: 'st-jinxiu',
      estateId: 'e-hx-1',
      buildingId: 'b-hx-1-1',
      address,
      communityName: '和谐社区',
      status: 'verified',
      method: 'secretary',
      applicantName: name,
      applicantPhone: phone,
      createdAt: created,
      decidedAt: created,
      decidedBy: 'o-sec-hx',
      decidedByName: '王秀英',
    })
  })
  return { users, bindings }
}

export const councilSeed: ModuleSeed = async (db, scale) => {
  const people = buildingResidents()
  await insertAll(db, COL.users, people.users)
  await insertAll(db, COL.bindings, people.bindings)
  for (let copy = 0; copy < scale; copy++) {
    const suffix = copy === 0 ? '' : `-${copy + 1}`
    const s = await parkingStory(db, suffix)
    await insertAll(db, COL.councilTopics, [s.topic, ...otherTopics(suffix)])
    await insertAll(db, COL.councilSeconds, s.seconds)
    await insertAll(db, COL.councilMeetings, [s.meeting, upcomingMeeting(suffix)])
    await insertAll(db, COL.councilVotes, [s.vote])
    await insertAll(db, COL.councilBallots, s.ballots)
    await insertAll(db, COL.councilBallotBoxes, s.boxes)
    await insertAll(db, COL.councilResolutions, [s.resolution])
    await insertAll(db, COL.councilProgress, s.progress)
    await insertAll(db, COL.councilRatings, s.ratings)
  }
}
