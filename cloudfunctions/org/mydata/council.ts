import { ATTENDEE_LABEL, TIER_LABEL, TOPIC_STATUS_LABEL } from '../../../types/council-enums'
import type { MyDataRow } from '../../../types/mydata'
import { COL } from '../../shared/collections'
import { ownerToken } from '../../shared/owner-token'
import { ownRecords } from '../../shared/personal-data'
import {
  ballotId,
  type AttendanceDoc,
  type BallotDoc,
  type MeetingDoc,
  type RatingDoc,
  type ResolutionDoc,
  type SecondDoc,
  type TopicDoc,
  type VoteDoc,
} from '../../council/public'
import { at, byIds, col, listSection, querySection, txt, type SectionSource, type Who } from './table'

/** 我的数据 of 红色议事会: topics, seconds, meeting sign-ins, the household's live ballots and resolution ratings. */

export const topicRow = (t: TopicDoc): MyDataRow => ({
  title: t.title,
  body: txt(t.body),
  estate: txt(t.estateName),
  status: TOPIC_STATUS_LABEL[t.status] ?? t.status,
  tier: t.tier ? TIER_LABEL[t.tier] : null,
  seconds: t.seconds ?? 0,
  photos: t.photos?.length ?? 0,
  declineReason: txt(t.declineReason),
  createdAt: at(t.createdAt),
})

export const topics: SectionSource = querySection<TopicDoc>({
  columns: [
    col('title', '议题'),
    col('body', '内容'),
    col('estate', '小区'),
    col('status', '状态'),
    col('tier', '分级'),
    col('seconds', '附议人数', 'number'),
    col('photos', '照片（张）', 'number'),
    col('declineReason', '未受理理由'),
    col('createdAt', '提出时间', 'time'),
  ],
  collection: COL.councilTopics,
  where: (w) => ownRecords(COL.councilTopics, 'authorOpenid', w.actor.openid),
  order: [['createdAt', 'desc']],
  row: topicRow,
})

export const secondRow = (s: SecondDoc, topicsById: Map<string, TopicDoc>): MyDataRow => ({
  topic: topicsById.get(s.topicId)?.title ?? null,
  at: at(s.at),
})

export const seconds: SectionSource = querySection<SecondDoc, Map<string, TopicDoc>>({
  columns: [col('topic', '议题'), col('at', '附议时间', 'time')],
  collection: COL.councilSeconds,
  where: (w) => ownRecords(COL.councilSeconds, 'openid', w.actor.openid),
  order: [['at', 'desc']],
  join: (w, docs) =>
    byIds<TopicDoc>(
      w.db,
      COL.councilTopics,
      docs.map((s) => s.topicId),
    ),
  row: secondRow,
})

export const meetingRow = (a: AttendanceDoc, meetings: Map<string, MeetingDoc>): MyDataRow => ({
  meeting: meetings.get(a.meetingId)?.title ?? null,
  startsAt: at(meetings.get(a.meetingId)?.startsAt),
  kind: ATTENDEE_LABEL[a.kind] ?? a.kind,
  org: txt(a.org),
  at: at(a.at),
})

export const meetings: SectionSource = querySection<AttendanceDoc, Map<string, MeetingDoc>>({
  columns: [
    col('meeting', '会议'),
    col('startsAt', '会议时间', 'time'),
    col('kind', '签到身份'),
    col('org', '单位'),
    col('at', '签到时间', 'time'),
  ],
  collection: COL.councilAttendance,
  where: (w) => ownRecords(COL.councilAttendance, 'openid', w.actor.openid),
  order: [['at', 'desc']],
  join: (w, docs) =>
    byIds<MeetingDoc>(
      w.db,
      COL.councilMeetings,
      docs.map((a) => a.meetingId),
    ),
  row: meetingRow,
})

/** The caller's households: their resident grants (the ballot and the rating belong to the household). */
const householdsOf = (w: Who) =>
  w.actor.grants('resident').map((g) => ({ id: g.scopeId, communityId: g.communityId ?? '', address: g.scopeName }))

/** Open votes looked at per person: a community rarely runs more than a few at once. */
export const OPEN_VOTES_READ = 50

interface LiveBallot {
  vote: VoteDoc
  ballot: BallotDoc
  address: string
}

/**
 * The household's ballots in votes still open, and nothing else: once a vote closes (or is counted)
 * no output says what the household chose (docs/council.md). Two requests: the open votes of the
 * households' communities (the newest OPEN_VOTES_READ), then the households' ballots in them by id.
 */
async function liveBallots(w: Who): Promise<LiveBallot[]> {
  const households = householdsOf(w)
  if (!households.length) return []
  const _ = w.db.command
  const { data } = await w.db
    .collection(COL.councilVotes)
    .where({
      communityId: _.in([...new Set(households.map((h) => h.communityId))]),
      opensAt: _.lte(w.now),
      closesAt: _.gt(w.now),
      closedAt: _.exists(false),
    })
    .orderBy('closesAt', 'asc')
    .limit(OPEN_VOTES_READ)
    .get()
  const votes = (data as VoteDoc[]).filter((v) => !v.sealedAt)
  const wanted = votes.flatMap((v) =>
    households.filter((h) => h.communityId === v.communityId).map((h) => ballotId(v._id, h.id)),
  )
  const ballots = await byIds<BallotDoc>(w.db, COL.councilBallots, wanted)
  return votes.flatMap((v) =>
    households.flatMap((h) => {
      const ballot = ballots.get(ballotId(v._id, h.id))
      return ballot ? [{ vote: v, ballot, address: h.address }] : []
    }),
  )
}

/** The choice, and whether the caller cast it (only the household's members ever see this row). */
export function ballotRow(b: LiveBallot, openid: string): MyDataRow {
  return {
    vote: b.vote.title,
    household: txt(b.address),
    closesAt: at(b.vote.closesAt),
    choice: b.vote.options.find((o) => o.key === b.ballot.choice)?.label ?? null,
    by: b.ballot.owner === ownerToken(b.vote._id, openid) ? '您' : '家人',
  }
}

export const ballots: SectionSource = listSection<LiveBallot>({
  columns: [
    col('vote', '表决事项'),
    col('household', '房屋'),
    col('closesAt', '截止时间', 'time'),
    col('choice', '本户当前的选择'),
    col('by', '投票人'),
  ],
  load: liveBallots,
  row: (b, w) => ballotRow(b, w.actor.openid),
})

/**
 * A household rating of a resolution. Its content is shown only to the member who gave it; another
 * member's rating is listed as the family's, without stars or comment (they are not the caller's).
 */
export function resolutionRatingRow(r: RatingDoc, resolutions: Map<string, ResolutionDoc>, openid: string): MyDataRow {
  const res = resolutions.get(r.resolutionId)
  const mine = r.owner === ownerToken(r.resolutionId, openid)
  return {
    resolution: res ? `${res.itemTitle}：${res.decision}` : null,
    by: mine ? '您' : '家人（内容不在此显示）',
    stars: mine ? r.stars : null,
    comment: mine ? txt(r.comment) : null,
    at: mine ? at(r.at) : null,
    edits: mine ? (r.edits ?? 0) : null,
  }
}

export const resolutionRatings: SectionSource = querySection<RatingDoc, Map<string, ResolutionDoc>>({
  columns: [
    col('resolution', '决议'),
    col('by', '评价人'),
    col('stars', '星级', 'number'),
    col('comment', '意见'),
    col('at', '评价时间', 'time'),
    col('edits', '修改次数', 'number'),
  ],
  collection: COL.councilRatings,
  where: (w) => {
    const ids = householdsOf(w).map((h) => h.id)
    return ids.length ? { householdId: w.db.command.in(ids) } : null
  },
  order: [['at', 'desc']],
  join: (w, docs) =>
    byIds<ResolutionDoc>(
      w.db,
      COL.councilResolutions,
      docs.map((r) => r.resolutionId),
    ),
  row: (r, res, w) => resolutionRatingRow(r, res, w.actor.openid),
})
