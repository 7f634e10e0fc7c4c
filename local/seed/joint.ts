import { COL } from '../../cloudfunctions/shared/collections'
import type { Database } from '../../cloudfunctions/shared/db-types'
import { commitmentId } from '../../cloudfunctions/org/domain/joint'
import type { CommitteeMemberDoc, JointMeetingDoc } from '../../cloudfunctions/org/repo/joint'
import type { CommitmentDoc } from '../../cloudfunctions/shared/commitments'
import { insertAll } from './insert'
import type { ModuleSeed } from './seed'

/**
 * Demo data of issue 15 §2: 和谐社区's 大党委 of six 兼职委员 (the three registered units, the two
 * companies serving its estates, the police station), and its November 联席会议 where three problems
 * were taken on — the hospital's (吴敏 is its liaison) already done, 安居物业's open, the police
 * station's open and past its deadline. Deterministic: fixed ids and instants.
 */

export const JOINT = { meeting: 'jm-hx-2026-11', community: 'c-hx' } as const

const at = (iso: string) => new Date(iso)
const APPOINTED = at('2026-01-08T02:00:00Z')
const member = (
  n: number,
  name: string,
  post: string,
  title: string,
  affiliation: CommitteeMemberDoc['affiliation'],
): CommitteeMemberDoc => ({
  _id: `cmt-hx-${n}`,
  scopeType: 'community',
  scopeId: JOINT.community,
  streetId: 'st-jinxiu',
  name,
  post,
  title,
  affiliation,
  termStart: '2026-01-01',
  termEnd: '2028-12-31',
  appointedAt: APPOINTED,
  appointedBy: 'o-sec-hx',
  appointedByName: '王秀英',
})

export const JOINT_MEMBERS: CommitteeMemberDoc[] = [
  member(1, '陈志远', '兼职副书记', '院党委书记', { kind: 'unit', id: 'u-hx-1', name: '锦绣区人民医院' }),
  member(2, '刘红梅', '兼职委员', '副校长', { kind: 'unit', id: 'u-hx-2', name: '锦绣区第一中学' }),
  member(3, '赵国栋', '兼职委员', '分公司经理', { kind: 'unit', id: 'u-hx-3', name: '市自来水公司第三分公司' }),
  member(4, '孙立群', '兼职委员', '总经理', { kind: 'company', id: 'co-1', name: '安居物业服务有限公司' }),
  member(5, '马建军', '兼职委员', '项目经理', { kind: 'company', id: 'co-2', name: '恒泰物业管理有限公司' }),
  member(6, '周卫东', '兼职委员', '锦绣路派出所所长', { kind: 'other', name: '锦绣路派出所' }),
]

/** The members whose unit or company has someone in 同心圆 (吴敏, 许文, 郑凯, 钱进): they were told; the water company and the police station by the convener. */
const LINKED = ['cmt-hx-1', 'cmt-hx-2', 'cmt-hx-4', 'cmt-hx-5']

const MEETING_AT = at('2026-11-10T06:00:00Z')
const AGENDA: JointMeetingDoc['agenda'] = [
  {
    id: 'a1',
    source: 'need',
    title: '独居老人就医难，希望有上门问诊',
    commitmentId: commitmentId(JOINT.meeting, 'a1'),
  },
  {
    id: 'a2',
    source: 'grid_event',
    title: '和谐家园 3 号楼楼道堆物占道',
    commitmentId: commitmentId(JOINT.meeting, 'a2'),
  },
  { id: 'a3', source: 'topic', title: '翠竹苑夜间电动车充电安全', commitmentId: commitmentId(JOINT.meeting, 'a3') },
  { id: 'a4', source: 'other', title: '冬季供水管道防冻' },
]

const claim = (
  item: number,
  m: CommitteeMemberDoc,
  commitment: string,
  deadline: string,
  extra: Partial<CommitmentDoc> = {},
): CommitmentDoc => ({
  _id: commitmentId(JOINT.meeting, `a${item}`),
  meetingId: JOINT.meeting,
  meetingTitle: '和谐社区 11 月联席会议',
  scopeId: JOINT.community,
  itemId: `a${item}`,
  problem: AGENDA[item - 1].title,
  memberId: m._id,
  memberName: m.name,
  affiliation: m.affiliation,
  affiliationId: m.affiliation.id ?? '',
  commitment,
  deadline,
  status: 'open',
  progress: [],
  claimedAt: MEETING_AT,
  claimedBy: 'o-sec-hx',
  ...extra,
})

export const seedJoint: ModuleSeed = async (db: Database) => {
  const meeting: JointMeetingDoc = {
    _id: JOINT.meeting,
    scopeType: 'community',
    scopeId: JOINT.community,
    streetId: 'st-jinxiu',
    title: '和谐社区 11 月联席会议',
    date: '2026-11-10',
    cadence: 'monthly',
    agenda: AGENDA,
    invited: JOINT_MEMBERS.map((m) => ({
      memberId: m._id,
      name: m.name,
      affiliationName: m.affiliation.name,
      notified: LINKED.includes(m._id),
    })),
    present: JOINT_MEMBERS.filter((m) => m._id !== 'cmt-hx-3').map((m) => m._id),
    convenedBy: 'o-sec-hx',
    convenedByName: '王秀英',
    createdAt: at('2026-11-03T02:00:00Z'),
  }
  const done = at('2026-11-20T02:00:00Z')
  await insertAll(db, COL.committeeMembers, JOINT_MEMBERS)
  await insertAll(db, COL.jointMeetings, [meeting])
  await insertAll(db, COL.jointCommitments, [
    claim(1, JOINT_MEMBERS[0], '每月第二个周六派医生到社区为独居老人上门问诊', '2026-11-30', {
      status: 'done',
      doneAt: done,
      progress: [
        { text: '11 月 14 日首次上门，问诊 12 位老人', done: true, by: 'o-liaison-wu', byName: '吴敏', at: done },
      ],
    }),
    claim(2, JOINT_MEMBERS[3], '两周内清理楼道堆物并张贴告示', '2026-11-24'),
    claim(3, JOINT_MEMBERS[5], '联合物业排查充电隐患，劝导入户充电', '2026-11-20'),
  ])
}
