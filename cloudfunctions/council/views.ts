import type {
  MeetingView,
  MyBallotView,
  ProgressEntryView,
  ResolutionView,
  TopicView,
  VoteResultView,
  VoteStatus,
  VoteView,
} from '../../types/council'
import { beijingDate } from './domain/deadline'
import { firstSnapshot, liveTurnout, publicResult, SNAPSHOT_MINUTES } from './domain/disclosure'
import { shown } from '../shared/moderation'
import type { BallotDoc, MeetingDoc, ProgressEntry, ResolutionDoc, StoredResult, TopicDoc, VoteDoc } from './repo'

const iso = (d: Date | string | undefined) => (d ? new Date(d).toISOString() : undefined)
const isoReq = (d: Date | string | number) => new Date(d).toISOString()

/** Residents see the proposer as 刘** (surname only); the proposer and the secretary see the name. */
export const maskName = (name: string) =>
  name ? `${name.slice(0, 1)}${'*'.repeat(Math.max(1, name.length - 1))}` : '居民'

/** A held or removed topic is the placeholder to everyone but its author (shared/moderation.ts). */
export function topicView(t: TopicDoc, viewer: { openid: string; fullNames: boolean }, now: Date): TopicView {
  const mine = t.authorOpenid === viewer.openid
  const m = shown(t, mine, t.photos ?? [])
  return {
    id: t._id,
    communityId: t.communityId,
    estateId: t.estateId,
    estateName: t.estateName,
    title: m.blank ?? t.title,
    body: m.blank ? '' : t.body,
    photos: m.photos,
    ...m.fields,
    authorName: mine || viewer.fullNames ? t.authorName : maskName(t.authorName),
    mine,
    status: t.status,
    tier: t.tier,
    seconds: t.seconds ?? 0,
    locked: !!t.locked,
    mergedInto: t.mergedInto,
    declineReason: t.declineReason,
    voteId: t.voteId,
    openVoteId: t.openVoteId,
    lastClosedVoteId: t.lastClosedVoteId,
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

export const agendaLocked = (m: MeetingDoc, now: Date) =>
  m.status === 'started' || m.status === 'ended' || now.getTime() >= new Date(m.startsAt).getTime()

export function meetingView(m: MeetingDoc, now: Date): MeetingView {
  return {
    id: m._id,
    communityId: m.communityId,
    title: m.title,
    startsAt: isoReq(m.startsAt),
    place: m.place,
    online: m.online,
    ...(m.online && m.link ? { link: m.link } : {}),
    agenda: [...m.agenda].sort((a, b) => a.order - b.order),
    // Keys and openids stay on the server.
    participants: m.participants.map((p) => ({ kind: p.kind, name: p.name, ...(p.ref ? { ref: p.ref } : {}) })),
    status: m.status,
    agendaLocked: agendaLocked(m, now),
    rev: m.rev ?? 0,
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

/** A counted result as anyone may see it: no area sums (domain/disclosure.ts). */
const resultView = (r: StoredResult): VoteResultView => ({ ...publicResult(r), computedAt: isoReq(r.computedAt) })

/**
 * While the vote runs: the turnout snapshot (never per ballot), no per-option counts (they would sway
 * the vote). After the close: the public result, and the turnout it settled.
 */
export function voteView(v: VoteDoc, now: Date): VoteView {
  const eligible = { households: v.eligibleHouseholds, areaDm2: v.eligibleAreaDm2 }
  const result = v.result ? resultView(v.result) : undefined
  const snapshot = v.turnout ?? firstSnapshot(new Date(v.createdAt))
  const live = liveTurnout(v.rule, eligible, snapshot)
  const turnout = result
    ? {
        ...live,
        households: result.ballots,
        areaPercent: result.participation.area?.percent ?? null,
        participationMet: v.rule.participation ? result.participation.met : null,
        asOf: result.computedAt,
      }
    : { ...live, asOf: isoReq(Math.max(new Date(snapshot.at).getTime(), new Date(v.opensAt).getTime())) }
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
    turnout: {
      ...turnout,
      eligibleHouseholds: eligible.households,
      eligibleAreaDm2: eligible.areaDm2,
      refreshMinutes: SNAPSHOT_MINUTES,
    },
    result,
    revote: v.revote
      ? {
          reason: v.revote.reason,
          previous: {
            id: v.revote.previousVoteId,
            title: v.revote.previousTitle,
            result: resultView(v.revote.previousResult),
          },
        }
      : undefined,
    supersededBy: v.supersededBy,
    createdAt: isoReq(v.createdAt),
  }
}

export function myBallotView(
  v: VoteDoc,
  householdId: string | null,
  eligible: boolean,
  b: BallotDoc | null,
  byMe: boolean,
  now: Date,
  ownerLeft = false,
): MyBallotView {
  return {
    voteId: v._id,
    householdId,
    eligible,
    choice: b?.choice ?? null,
    castAt: iso(b?.updatedAt) ?? null,
    byMe,
    ...(ownerLeft ? { ownerLeft: true } : {}),
    canChange: eligible && voteStatus(v, now) === 'open' && (!b || byMe || ownerLeft),
  }
}

export const progressView = (p: ProgressEntry): ProgressEntryView => ({
  seq: p.seq,
  at: isoReq(p.at),
  note: p.note,
  byName: p.byName,
  ...(p.byParty ? { byParty: p.byParty } : {}),
  status: p.status,
  photos: p.photos ?? [],
})

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
    ...(r.responsibleId ? { responsibleId: r.responsibleId } : {}),
    responsibleName: r.responsibleName,
    deadline: isoReq(r.deadline),
    deadlineDate: r.deadlineDate ?? beijingDate(new Date(r.deadline)),
    status: r.status,
    overdue: r.status !== 'done' && now.getTime() > new Date(r.deadline).getTime(),
    progressCount: r.progressCount ?? 0,
    latestProgress: r.latestProgress ? progressView(r.latestProgress) : null,
    rating: {
      count: r.ratingCount ?? 0,
      average: r.ratingCount ? Math.round((r.ratingSum / r.ratingCount) * 10) / 10 : null,
    },
    createdAt: isoReq(r.createdAt),
    doneAt: iso(r.doneAt),
  }
}
