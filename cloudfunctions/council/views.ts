import type { MeetingView, MyBallotView, ResolutionView, TopicView, VoteStatus, VoteView } from '../../types/council'
import { turnoutGap } from './domain/tally'
import type { BallotDoc, MeetingDoc, ResolutionDoc, TopicDoc, VoteDoc } from './repo'

const iso = (d: Date | string | undefined) => (d ? new Date(d).toISOString() : undefined)
const isoReq = (d: Date | string) => new Date(d).toISOString()

/** Residents see the proposer as 刘** (surname only); the proposer and the secretary see the name. */
export const maskName = (name: string) => (name ? `${name.slice(0, 1)}${'*'.repeat(Math.max(1, name.length - 1))}` : '居民')

export function topicView(t: TopicDoc, viewer: { openid: string; fullNames: boolean }, now: Date): TopicView {
  const mine = t.authorOpenid === viewer.openid
  return {
    id: t._id,
    communityId: t.communityId,
    estateId: t.estateId,
    estateName: t.estateName,
    title: t.title,
    body: t.body,
    photos: t.photos ?? [],
    authorName: mine || viewer.fullNames ? t.authorName : maskName(t.authorName),
    mine,
    status: t.status,
    tier: t.tier,
    seconds: t.seconds ?? 0,
    locked: !!t.locked,
    mergedInto: t.mergedInto,
    declineReason: t.declineReason,
    voteId: t.voteId,
    gridEventId: t.gridEventId,
    urgent: t.urgent
      ? {
          decision: t.urgent.decision,
          decidedAt: isoReq(t.urgent.decidedAt),
          ratifyBy: isoReq(t.urgent.ratifyBy),
          publicBy: isoReq(t.urgent.publicBy),
          ratifiedAt: iso(t.urgent.ratifiedAt),
          ratifyNote: t.urgent.ratifyNote,
          overdue: !t.urgent.ratifiedAt && now.getTime() > new Date(t.urgent.ratifyBy).getTime(),
        }
      : undefined,
    triagedAt: iso(t.triagedAt),
    createdAt: isoReq(t.createdAt),
    updatedAt: isoReq(t.updatedAt),
  }
}

export const agendaLocked = (m: MeetingDoc, now: Date) => m.status === 'started' || m.status === 'ended' || now.getTime() >= new Date(m.startsAt).getTime()

export function meetingView(m: MeetingDoc, now: Date): MeetingView {
  return {
    id: m._id,
    communityId: m.communityId,
    title: m.title,
    startsAt: isoReq(m.startsAt),
    place: m.place,
    online: m.online,
    agenda: [...m.agenda].sort((a, b) => a.order - b.order),
    participants: m.participants,
    status: m.status,
    agendaLocked: agendaLocked(m, now),
    attendeeCount: m.attendeeCount ?? 0,
    minutes: m.minutes,
    publishedAt: iso(m.publishedAt),
    startedAt: iso(m.startedAt),
    endedAt: iso(m.endedAt),
    createdAt: isoReq(m.createdAt),
  }
}

export function voteStatus(v: VoteDoc, now: Date): VoteStatus {
  if (v.closedAt) return 'closed'
  if (now.getTime() < new Date(v.opensAt).getTime()) return 'scheduled'
  if (now.getTime() < new Date(v.closesAt).getTime()) return 'open'
  return 'counting'
}

/** Turnout only (households and area) while the vote runs: per-option counts appear at the close. */
export function voteView(v: VoteDoc, now: Date): VoteView {
  const eligible = { households: v.eligibleHouseholds, areaDm2: v.eligibleAreaDm2 }
  const turnout = { households: v.turnoutHouseholds ?? 0, areaDm2: v.turnoutAreaDm2 ?? 0 }
  const { gap, met } = turnoutGap(v.rule, eligible, turnout)
  return {
    id: v._id,
    communityId: v.communityId,
    meetingId: v.meetingId,
    itemId: v.itemId,
    topicId: v.topicId,
    title: v.title,
    description: v.description,
    options: v.options,
    scope: v.scope,
    opensAt: isoReq(v.opensAt),
    closesAt: isoReq(v.closesAt),
    status: voteStatus(v, now),
    rule: v.rule,
    turnout: { ...turnout, eligibleHouseholds: eligible.households, eligibleAreaDm2: eligible.areaDm2, gap, participationMet: met },
    result: v.result
      ? {
          passed: v.result.passed,
          adoptedOptionKey: v.result.adoptedOptionKey,
          participation: v.result.participation,
          // Area per option only where the rule counts area (civil-code presets): elsewhere it decides
          // nothing and could single out a household whose area is known.
          options: v.result.rule.byArea ? v.result.options : v.result.options.map(({ areaDm2: _area, ...o }) => o),
          summary: v.result.summary,
          rule: v.result.rule,
          ballots: v.result.ballots,
          computedAt: isoReq(v.result.computedAt),
        }
      : undefined,
    createdAt: isoReq(v.createdAt),
  }
}

export function myBallotView(v: VoteDoc, householdId: string | null, eligible: boolean, b: BallotDoc | null, now: Date): MyBallotView {
  return {
    voteId: v._id,
    householdId,
    eligible,
    choice: b?.choice ?? null,
    castAt: iso(b?.updatedAt) ?? null,
    canChange: eligible && voteStatus(v, now) === 'open',
  }
}

export function resolutionView(r: ResolutionDoc, now: Date): ResolutionView {
  return {
    id: r._id,
    communityId: r.communityId,
    meetingId: r.meetingId,
    meetingTitle: r.meetingTitle,
    itemId: r.itemId,
    itemTitle: r.itemTitle,
    voteId: r.voteId,
    decision: r.decision,
    responsibleKind: r.responsibleKind,
    responsibleName: r.responsibleName,
    deadline: isoReq(r.deadline),
    status: r.status,
    overdue: r.status !== 'done' && now.getTime() > new Date(r.deadline).getTime(),
    progress: (r.progress ?? []).map((p) => ({ at: isoReq(p.at), note: p.note, byName: p.byName, status: p.status })),
    rating: { count: r.ratingCount ?? 0, average: r.ratingCount ? Math.round((r.ratingSum / r.ratingCount) * 10) / 10 : null },
    createdAt: isoReq(r.createdAt),
    doneAt: iso(r.doneAt),
  }
}
