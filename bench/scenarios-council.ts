import { boxIds, boxIndex } from '../cloudfunctions/council/domain/disclosure'
import type { Database } from '../cloudfunctions/shared/db-types'
import { personKey } from '../cloudfunctions/shared/pseudonym'
import { BENCH_JPEG } from './photos'
import type { Scenario } from './types'

/** A vote of this many households, all of whom voted, is closed in the `vote.close@5000` row. */
const BIG_VOTE_HOUSEHOLDS = 5000
const BIG_VOTES = 2

const OPTIONS = [
  { key: 'o1', label: '同意', kind: 'for' },
  { key: 'o2', label: '反对', kind: 'against' },
  { key: 'o3', label: '弃权', kind: 'abstain' },
]
const RULE = {
  preset: 'civil_code_ordinary',
  byArea: true,
  participation: { num: 2, den: 3, cmp: 'atLeast' },
  approval: { num: 1, den: 2, cmp: 'moreThan' },
  approvalBase: 'participating',
  text: '民法典第278条',
}

type BenchBallot = { householdId: string; floorAreaDm2: number }

/** The vote's 16 ballot boxes holding `ballots`, as vote.open and vote.cast would have left them. */
async function boxesFor(db: Database, voteId: string, ballots: BenchBallot[]): Promise<void> {
  const boxes = boxIds(voteId).map((_id) => ({ _id, voteId, households: 0, areaDm2: 0, writes: 0, sealed: false }))
  for (const b of ballots) {
    const box = boxes[boxIndex(b.householdId)]
    box.households++
    box.areaDm2 += b.floorAreaDm2
    box.writes++
  }
  await Promise.all(boxes.map((b) => db.collection('council_ballot_boxes').add({ data: b })))
}

const snapshot = (at: Date) => ({ households: 0, areaDm2: 0, at, shown: null })

/** Votes past their close with `households` ballots each, written straight into the database (ids `<prefix>-<n>`). */
async function pastVotes(db: Database, prefix: string, votes: number, households: number): Promise<void> {
  const past = new Date(Date.now() - 86_400_000)
  for (let v = 0; v < votes; v++) {
    const voteId = `${prefix}-${v}`
    let area = 0
    const ballots = Array.from({ length: households }, (_, i) => {
      const floorAreaDm2 = 6000 + ((i * 7919) % 8001)
      area += floorAreaDm2
      return {
        _id: `ballot:${voteId}:h-bench-${i}`,
        voteId,
        householdId: `h-bench-${i}`,
        owner: 'bench',
        choice: i % 10 === 0 ? 'o2' : i % 25 === 1 ? 'o3' : 'o1',
        floorAreaDm2,
        castAt: past,
        updatedAt: past,
        changes: 0,
      }
    })
    await db.collection('council_votes').add({
      data: {
        _id: voteId,
        communityId: 'c-hx',
        streetId: 'st-jinxiu',
        meetingId: 'meet-parking',
        itemId: 'item-1',
        topicIds: [],
        title: '压测表决',
        options: OPTIONS,
        scope: { estateIds: ['e-bench'], buildingIds: [], label: '压测小区' },
        opensAt: new Date(past.getTime() - 86_400_000),
        closesAt: past,
        rule: RULE,
        eligibleHouseholds: households,
        eligibleAreaDm2: area,
        turnout: snapshot(past),
        createdBy: 'o-sec-hx',
        createdAt: past,
      },
    })
    await boxesFor(db, voteId, ballots)
    for (let i = 0; i < ballots.length; i += 200)
      await Promise.all(ballots.slice(i, i + 200).map((b) => db.collection('council_ballots').add({ data: b })))
  }
}

/** An open vote over estate e-hx-1 (刘芳's) that already holds `households` ballots of other households. */
async function liveVote(db: Database, voteId: string, households: number): Promise<void> {
  const day = 86_400_000
  const since = new Date(Date.now() - day)
  let area = 0
  const ballots = Array.from({ length: households }, (_, i) => {
    const floorAreaDm2 = 6000 + ((i * 7919) % 8001)
    area += floorAreaDm2
    return {
      _id: `ballot:${voteId}:h-bench-${i}`,
      voteId,
      householdId: `h-bench-${i}`,
      owner: 'bench',
      choice: i % 10 === 0 ? 'o2' : 'o1',
      floorAreaDm2,
      castAt: since,
      updatedAt: since,
      changes: 0,
    }
  })
  await db.collection('council_votes').add({
    data: {
      _id: voteId,
      communityId: 'c-hx',
      streetId: 'st-jinxiu',
      meetingId: 'meet-parking',
      itemId: 'item-1',
      topicIds: [],
      title: '压测表决（进行中）',
      options: OPTIONS,
      scope: { estateIds: ['e-hx-1'], buildingIds: [], label: '和谐家园' },
      opensAt: since,
      closesAt: new Date(Date.now() + 7 * day),
      rule: RULE,
      eligibleHouseholds: households + 100,
      eligibleAreaDm2: area + 1_000_000,
      turnout: snapshot(since),
      createdBy: 'o-sec-hx',
      createdAt: since,
    },
  })
  await boxesFor(db, voteId, ballots)
  for (let i = 0; i < ballots.length; i += 200)
    await Promise.all(ballots.slice(i, i + 200).map((b) => db.collection('council_ballots').add({ data: b })))
}

/** The close of an ordinary vote (72 households, as an estate of the demo) and of one of 5,000. */
const CLOSES = 40
const SMALL_VOTE_HOUSEHOLDS = 72

/**
 * One scenario per council action. Creates feed later decisions: proposed topics are seconded,
 * triaged and ratified; meetings are published, started, signed in and given resolutions; votes
 * are opened long (cast/read/remind) or already past their close (close).
 */
export function councilScenarios(): Scenario[] {
  const made = {
    photos: [] as string[],
    staffPhotos: [] as string[],
    topics: [] as string[],
    meetings: [] as string[],
    votes: [] as string[],
    resolutions: [] as string[],
  }
  const rid = (i: number, tag: string) => `bench-${tag}-${i}-${Math.random().toString(36).slice(2, 8)}`
  const iso = (ms: number) => new Date(Date.now() + ms).toISOString()
  const nth = (list: string[], i: number) => list[i % Math.max(1, list.length)]
  const sec = () => 'o-sec-hx'
  const agenda = (i: number) => [
    { itemId: 'item-1', title: `议程${i}`, topicIds: [nth(made.topics, i)] },
    { itemId: 'item-2', title: '其他事项' },
  ]
  // Bodies by name, and parties picked from the community's records (each told when the meeting is published).
  const participants = [
    { kind: 'party', name: '和谐社区党委' },
    { kind: 'resident_rep', name: '居民代表' },
    { kind: 'property', ref: { type: 'company', id: 'co-1' } },
    { kind: 'unit', ref: { type: 'unit', id: 'u-hx-2' } },
    { kind: 'grid', ref: { type: 'gridStaff', id: `gs:g-hx-1:${personKey('o-grid-huang')}:leader` } },
    { kind: 'resident_rep', ref: { type: 'resident', id: 'bind-liu' } },
  ]
  return [
    {
      fn: 'council',
      action: 'photo.upload',
      openid: () => 'o-res-liu',
      input: () => ({ ext: 'jpg', data: BENCH_JPEG }),
      collect: (d) => made.photos.push((d as { fileId: string }).fileId),
    },
    {
      fn: 'council',
      action: 'topic.propose',
      openid: () => 'o-res-liu',
      input: (i) => ({
        requestId: rid(i, 'tp'),
        communityId: 'c-hx',
        estateId: 'e-hx-1',
        title: `压测议题${i}`,
        body: '楼道照明不足，建议更换声控灯。',
        photos: [nth(made.photos, i)],
      }),
      collect: (d) => made.topics.push((d as { id: string }).id),
    },
    {
      fn: 'council',
      action: 'topic.update',
      openid: () => 'o-res-liu',
      input: (i) => ({
        topicId: made.topics[i],
        title: `压测议题${i}（修改）`,
        body: '楼道照明不足，建议更换为声控灯。',
      }),
    },
    { fn: 'council', action: 'topic.second', openid: () => 'o-res-zhang', input: (i) => ({ topicId: made.topics[i] }) },
    {
      fn: 'council',
      action: 'topic.list',
      openid: () => 'o-res-zhang',
      input: () => ({ communityId: 'c-hx', pageSize: 20 }),
    },
    {
      fn: 'council',
      action: 'topic.list',
      label: 'council.topic.list (q)',
      openid: () => 'o-res-zhang',
      input: () => ({ communityId: 'c-hx', pageSize: 20, q: '充电' }),
    },
    { fn: 'council', action: 'topic.get', openid: () => 'o-res-zhang', input: () => ({ topicId: 'topic-parking' }) },
    {
      fn: 'council',
      action: 'topic.triage',
      openid: sec,
      input: (i) => ({
        topicId: made.topics[i],
        decision: 'accept',
        tier: 'urgent',
        urgentDecision: '立即更换损坏灯具',
      }),
    },
    {
      fn: 'council',
      action: 'topic.ratify',
      openid: sec,
      input: (i) => ({ topicId: made.topics[i], note: '议事会追认' }),
    },
    {
      fn: 'council',
      action: 'meeting.create',
      openid: sec,
      input: (i) => ({
        requestId: rid(i, 'mc'),
        communityId: 'c-hx',
        title: `压测议事会${i}`,
        startsAt: iso(7 * 86_400_000),
        place: '党群服务中心',
        agenda: agenda(i),
        participants,
      }),
      collect: (d) => made.meetings.push((d as { id: string }).id),
    },
    {
      fn: 'council',
      action: 'meeting.update',
      openid: sec,
      input: (i) => ({
        meetingId: made.meetings[i],
        rev: 0,
        title: `压测议事会${i}`,
        startsAt: iso(8 * 86_400_000),
        place: '党群服务中心二楼',
        agenda: agenda(i),
        participants,
      }),
    },
    // The next proposed topic (accepted above) as a new agenda item, from the topic page.
    {
      fn: 'council',
      action: 'meeting.addTopic',
      openid: sec,
      input: (i) => ({ meetingId: made.meetings[i], topicId: nth(made.topics, i + 1) }),
    },
    {
      fn: 'council',
      action: 'party.search',
      openid: sec,
      input: () => ({ communityId: 'c-hx', type: 'resident', q: '刘', pageSize: 20 }),
    },
    {
      fn: 'council',
      action: 'party.search',
      label: 'council.party.search (companies serving)',
      openid: sec,
      input: () => ({ communityId: 'c-hx', type: 'company' }),
    },
    { fn: 'council', action: 'meeting.publish', openid: sec, input: (i) => ({ meetingId: made.meetings[i] }) },
    { fn: 'council', action: 'meeting.invitations', openid: () => 'o-prop-zheng', input: () => ({ pageSize: 20 }) },
    {
      fn: 'council',
      action: 'meeting.list',
      openid: () => 'o-res-zhang',
      input: () => ({ communityId: 'c-hx', pageSize: 20 }),
    },
    { fn: 'council', action: 'meeting.get', openid: () => 'o-res-zhang', input: () => ({ meetingId: 'meet-parking' }) },
    {
      fn: 'council',
      action: 'vote.open',
      openid: sec,
      input: (i) => ({
        requestId: rid(i, 'vo'),
        meetingId: made.meetings[i],
        itemId: 'item-1',
        title: `压测表决${i}`,
        options: [
          { label: '同意', kind: 'for' },
          { label: '反对', kind: 'against' },
          { label: '弃权', kind: 'abstain' },
        ],
        estateIds: ['e-hx-1'],
        opensAt: iso(-5 * 60_000),
        closesAt: iso(12 * 3600_000),
        preset: 'civil_code_ordinary',
      }),
      collect: (d) => made.votes.push((d as { id: string }).id),
    },
    {
      fn: 'council',
      action: 'vote.cast',
      openid: () => 'o-res-liu',
      input: (i) => ({ voteId: made.votes[i], optionKey: i % 3 ? 'o1' : 'o2' }),
    },
    { fn: 'council', action: 'vote.get', openid: () => 'o-res-zhang', input: (i) => ({ voteId: made.votes[i] }) },
    // The hot paths with 5,000 ballots already in: casting and reading turnout read counters, never ballots.
    {
      fn: 'council',
      action: 'vote.cast',
      label: 'council.vote.cast@5000 ballots',
      openid: () => 'o-res-liu',
      input: (i) => ({ voteId: 'vote-bench-live', optionKey: i % 2 ? 'o1' : 'o2' }),
      setup: (db) => liveVote(db, 'vote-bench-live', BIG_VOTE_HOUSEHOLDS),
    },
    {
      fn: 'council',
      action: 'vote.get',
      label: 'council.vote.get@5000 ballots',
      openid: () => 'o-res-zhang',
      input: () => ({ voteId: 'vote-bench-live' }),
    },
    {
      fn: 'council',
      action: 'vote.list',
      openid: () => 'o-res-zhang',
      input: () => ({ communityId: 'c-hx', pageSize: 20 }),
    },
    { fn: 'council', action: 'vote.myBallot', openid: () => 'o-res-liu', input: (i) => ({ voteId: made.votes[i] }) },
    { fn: 'council', action: 'vote.remind', openid: sec, input: (i) => ({ voteId: made.votes[i] }) },
    {
      fn: 'council',
      action: 'vote.close',
      openid: sec,
      input: (i) => ({ voteId: `vote-bench-close-${i}` }),
      iterations: CLOSES,
      setup: (db) => pastVotes(db, 'vote-bench-close', CLOSES, SMALL_VOTE_HOUSEHOLDS),
    },
    { fn: 'export', action: 'council.vote', openid: sec, input: (i) => ({ voteId: `vote-bench-close-${i % CLOSES}` }) },
    {
      fn: 'council',
      action: 'vote.close',
      label: 'council.vote.close@5000 ballots',
      openid: sec,
      input: (i) => ({ voteId: `vote-bench-5k-${i}` }),
      iterations: BIG_VOTES,
      setup: (db) => pastVotes(db, 'vote-bench-5k', BIG_VOTES, BIG_VOTE_HOUSEHOLDS),
    },
    { fn: 'council', action: 'meeting.start', openid: sec, input: (i) => ({ meetingId: made.meetings[i] }) },
    {
      fn: 'council',
      action: 'meeting.checkIn',
      openid: () => 'o-res-liu',
      input: (i) => ({ meetingId: made.meetings[i] }),
    },
    {
      fn: 'council',
      action: 'meeting.attendance',
      openid: sec,
      input: () => ({ meetingId: made.meetings[0], pageSize: 20 }),
    },
    { fn: 'council', action: 'meeting.roll', openid: sec, input: (i) => ({ meetingId: made.meetings[i] }) },
    {
      fn: 'council',
      action: 'resolution.record',
      openid: sec,
      // item-2: item-1 carries the vote opened above, and no resolution is recorded while a vote is not counted.
      input: (i) => ({
        meetingId: made.meetings[i],
        itemId: 'item-2',
        decision: '更换楼道声控灯',
        responsible: { type: 'company', id: 'co-1' },
        deadline: iso(30 * 86_400_000).slice(0, 10),
      }),
      collect: (d) => made.resolutions.push((d as { id: string }).id),
    },
    {
      fn: 'council',
      action: 'meeting.minutes',
      openid: sec,
      input: (i) => ({ meetingId: made.meetings[i], minutes: '会议议定更换楼道声控灯。' }),
    },
    { fn: 'council', action: 'resolution.inbox', openid: () => 'o-prop-zheng', input: () => ({ pageSize: 20 }) },
    {
      fn: 'council',
      action: 'photo.upload',
      label: 'council.photo.upload (responsible party)',
      openid: () => 'o-prop-zheng',
      input: () => ({ ext: 'jpg', data: BENCH_JPEG }),
      collect: (d) => made.staffPhotos.push((d as { fileId: string }).fileId),
    },
    {
      fn: 'council',
      action: 'resolution.progress',
      label: 'council.resolution.progress (party, photo)',
      openid: () => 'o-prop-zheng',
      input: (i) => ({
        resolutionId: made.resolutions[i],
        note: '灯具到货，开始更换',
        status: 'in_progress',
        photos: [nth(made.staffPhotos, i)],
      }),
    },
    {
      fn: 'council',
      action: 'resolution.progress',
      openid: sec,
      input: (i) => ({ resolutionId: made.resolutions[i], note: '已全部更换', status: 'done' }),
    },
    { fn: 'council', action: 'resolution.overdue', openid: sec, input: () => ({ communityId: 'c-hx', pageSize: 20 }) },
    {
      fn: 'council',
      action: 'resolution.overdue',
      label: 'council.resolution.overdue (street)',
      openid: () => 'o-street-admin',
      input: () => ({ streetId: 'st-jinxiu', pageSize: 20 }),
    },
    {
      fn: 'council',
      action: 'resolution.timeline',
      openid: () => 'o-res-zhang',
      input: (i) => ({ resolutionId: made.resolutions[i % Math.max(1, made.resolutions.length)], pageSize: 20 }),
    },
    {
      fn: 'council',
      action: 'resolution.list',
      openid: () => 'o-res-zhang',
      input: () => ({ communityId: 'c-hx', pageSize: 20 }),
    },
    {
      fn: 'council',
      action: 'resolution.get',
      openid: () => 'o-res-liu',
      input: () => ({ resolutionId: 'res:meet-parking:item-1' }),
    },
    {
      fn: 'council',
      action: 'resolution.rate',
      openid: () => 'o-res-liu',
      input: (i) => ({ resolutionId: made.resolutions[i], stars: 1 + (i % 5) }),
    },
    {
      fn: 'council',
      action: 'notice.subscribe',
      openid: () => 'o-res-zhang',
      input: (i) => ({ communityId: 'c-hx', on: i % 2 === 0 }),
    },
  ]
}
