import type { HomeGroupView } from '../../../types/org'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import {
  ballotId,
  type BallotDoc,
  type MeetingDoc,
  type ResolutionDoc,
  type TopicDoc,
  type VoteDoc,
} from '../../council/public'
import type { RoleGrant } from '../../../types/roles'
import { partyKeysOf } from '../../shared/parties'
import type { HouseholdDoc } from '../repo'
import { HOME_ITEMS, iso, newest } from './newest'

const resolutionItem = (r: ResolutionDoc, now: Date, detail: string) => ({
  id: r._id,
  title: r.itemTitle,
  detail,
  at: iso(r.createdAt),
  deadline: iso(r.deadline),
  overdue: now.getTime() > new Date(r.deadline).getTime(),
  route: PAGES.resolution(r._id),
})
const OPEN_RESOLUTION = ['open', 'in_progress']

/** Meetings not yet ended that invited the person (by name, or their unit or company). */
export function invitations(db: Database, openid: string, roles: RoleGrant[]): Promise<HomeGroupView> {
  const q = db
    .collection(COL.councilMeetings)
    .where({ inviteKeys: db.command.in(partyKeysOf(openid, roles)), status: db.command.in(['published', 'started']) })
  return newest<MeetingDoc>('invitations', PAGES.councilInbox, q, [['startsAt', 'asc']], (m) => ({
    id: m._id,
    title: m.title,
    detail: m.online ? '线上会议' : m.place,
    at: iso(m.startsAt),
    overdue: false,
    route: PAGES.meeting(m._id),
  }))
}

/** Open resolutions the person's party carries (company, unit, grid, community, themselves as a member). */
export function resolutionsToCarry(
  db: Database,
  openid: string,
  roles: RoleGrant[],
  now: Date,
): Promise<HomeGroupView> {
  const q = db
    .collection(COL.councilResolutions)
    .where({ responsibleKey: db.command.in(partyKeysOf(openid, roles)), status: db.command.in(OPEN_RESOLUTION) })
  return newest<ResolutionDoc>('resolutions', PAGES.councilInbox, q, [['deadline', 'asc']], (r) =>
    resolutionItem(r, now, `${r.responsibleName} 负责 · ${r.meetingTitle}`),
  )
}

/** Open resolutions past their deadline, in the secretary's communities (`communityId`) or the admin's streets (`streetId`). */
export function overdueResolutions(
  db: Database,
  scope: 'communityId' | 'streetId',
  ids: string[],
  now: Date,
  route: string,
): Promise<HomeGroupView> {
  const q = db
    .collection(COL.councilResolutions)
    .where({ [scope]: db.command.in(ids), status: db.command.in(OPEN_RESOLUTION), deadline: db.command.lt(now) })
  return newest<ResolutionDoc>('overdueResolutions', route, q, [['deadline', 'asc']], (r) =>
    resolutionItem(r, now, `${r.responsibleName} 负责 · 已逾期`),
  )
}
import { PAGES } from './pages'

/** Topics of the communities still 征集中: the secretary accepts, merges or declines them (held ones wait in the review queue). */
export function topicsToTriage(db: Database, communityIds: string[]): Promise<HomeGroupView> {
  const q = db
    .collection(COL.councilTopics)
    .where({ communityId: db.command.in(communityIds), status: 'open', hidden: db.command.neq(true) })
  return newest<TopicDoc>('topics', PAGES.council, q, [['createdAt', 'desc']], (t) => ({
    id: t._id,
    title: t.title,
    detail: `${t.authorName} 提出${t.seconds ? ` · ${t.seconds} 人附议` : ''}`,
    at: iso(t.createdAt),
    overdue: false,
    route: PAGES.topic(t._id),
  }))
}

/** Open votes looked at per household: a community rarely has more than a few running at once. */
export const OPEN_VOTES_READ = 20

/**
 * Votes running now whose scope holds one of the resident's households and that household has not
 * voted yet: the households (one read), the open votes in scope (count + the newest 20), and the
 * household's ballots on those (one read by id) — four requests. Only the household's own ballots
 * are read, and only whether they exist.
 */
export async function votesToCast(db: Database, householdIds: string[], now: Date): Promise<HomeGroupView> {
  const _ = db.command
  const { data: hs } = await db
    .collection(COL.households)
    .where({ _id: _.in(householdIds) })
    .limit(householdIds.length)
    .get()
  const households = hs as HouseholdDoc[]
  if (!households.length) return { kind: 'votes', route: PAGES.council, count: 0, items: [] }
  const scope = _.or(
    { 'scope.estateIds': _.in([...new Set(households.map((h) => h.estateId))]) },
    { 'scope.buildingIds': _.in([...new Set(households.map((h) => h.buildingId))]) },
  )
  const where = _.and(
    {
      communityId: _.in([...new Set(households.map((h) => h.communityId))]),
      opensAt: _.lte(now),
      closesAt: _.gt(now),
      closedAt: _.exists(false),
    },
    scope,
  ) as Record<string, unknown>
  const [{ total }, { data: vs }] = await Promise.all([
    db.collection(COL.councilVotes).where(where).count(),
    db.collection(COL.councilVotes).where(where).orderBy('opensAt', 'desc').limit(OPEN_VOTES_READ).get(),
  ])
  const votes = vs as VoteDoc[]
  // A household of the caller in the vote's scope (electorate fixed at the opening: none added since).
  const voterOf = (v: VoteDoc) =>
    households.filter(
      (h) =>
        h.communityId === v.communityId &&
        (v.scope.estateIds.includes(h.estateId) || v.scope.buildingIds.includes(h.buildingId)) &&
        (!h.createdAt || new Date(h.createdAt).getTime() <= new Date(v.createdAt).getTime()),
    )
  const wanted = votes.flatMap((v) => voterOf(v).map((h) => ballotId(v._id, h._id)))
  const cast = new Set<string>()
  if (wanted.length) {
    const { data } = await db
      .collection(COL.councilBallots)
      .where({ _id: _.in(wanted) })
      .limit(wanted.length)
      .get()
    for (const b of data as BallotDoc[]) cast.add(ballotId(b.voteId, b.householdId))
  }
  const waiting = votes.filter((v) => voterOf(v).some((h) => !cast.has(ballotId(v._id, h._id))))
  return {
    kind: 'votes',
    route: PAGES.council,
    count: total - (votes.length - waiting.length),
    items: waiting.slice(0, HOME_ITEMS).map((v) => ({
      id: v._id,
      title: v.title,
      detail: v.scope.label,
      at: iso(v.opensAt),
      deadline: iso(v.closesAt),
      overdue: false,
      route: PAGES.vote(v._id),
    })),
  }
}
