import { COL } from '../cloudfunctions/shared/collections'
import { secondId, subscriptionId } from '../cloudfunctions/council/repo'
import type { Database } from '../cloudfunctions/shared/db-types'
import type { Scenario } from './types'

const BENCH_AT = new Date('2026-01-05T02:00:00Z')
/** `n` people each holding one grant with a known id (`gr_<tag>_<i>`), for the scenarios that end grants. */
async function grantHolders(
  db: Database,
  tag: string,
  n: number,
  grant: (i: number) => object,
  extra: (i: number) => object = () => ({}),
) {
  for (let i = 0; i < n; i++) {
    await db.collection(COL.users).add({
      data: {
        _id: `o-bench-${tag}-${i}`,
        name: `压测人员${i}`,
        roles: [{ ...grant(i), streetId: 'st-jinxiu', grantId: `gr_${tag}_${i}`, since: BENCH_AT }],
        createdAt: BENCH_AT,
        updatedAt: BENCH_AT,
        ...extra(i),
      },
    })
  }
}
const BENCH_PEOPLE = 60

/**
 * One scenario per org action: who calls it and with what. Inputs that create things take a fresh
 * requestId (and a fresh person where the action is once per person); decisions consume what an
 * earlier scenario created, so the order of this list matters.
 */
export function orgScenarios(): Scenario[] {
  const made = {
    bindings: [] as string[],
    codes: [] as string[],
    liaisons: [] as string[],
    members: [] as string[],
    meetings: [] as string[],
    commitments: [] as string[],
  }
  const rid = (i: number, tag: string) => `bench-${tag}-${i}-${Math.random().toString(36).slice(2, 8)}`
  const room = (i: number) => `h-hx-2-${1 + (i % 6)}-${1 + (Math.floor(i / 12) % 6)}0${1 + (i % 2)}`
  return [
    { fn: 'org', action: 'me', openid: () => 'o-res-liu', input: () => ({}) },
    // Home: one row per kind of person; each kind waiting is count + newest page, over all the caller's scopes at once.
    {
      fn: 'org',
      action: 'home',
      label: 'org.home (secretary)',
      openid: () => 'o-sec-hx',
      input: () => ({}),
      note: '7 kinds waiting',
    },
    { fn: 'org', action: 'home', label: 'org.home (street admin)', openid: () => 'o-street-admin', input: () => ({}) },
    { fn: 'org', action: 'home', label: 'org.home (resident)', openid: () => 'o-res-liu', input: () => ({}) },
    { fn: 'org', action: 'home', label: 'org.home (member)', openid: () => 'o-member-sun', input: () => ({}) },
    { fn: 'org', action: 'home', label: 'org.home (property staff)', openid: () => 'o-prop-qian', input: () => ({}) },
    // 我的数据: a count per section; a page is count + page + up to two look-ups; the export grows with the person's own records only (capped).
    {
      fn: 'org',
      action: 'mydata.summary',
      label: 'org.mydata.summary (resident)',
      openid: () => 'o-res-liu',
      input: () => ({}),
      note: 'one count per section',
    },
    {
      fn: 'org',
      action: 'mydata.summary',
      label: 'org.mydata.summary (member)',
      openid: () => 'o-member-sun',
      input: () => ({}),
    },
    {
      fn: 'org',
      action: 'mydata.section',
      label: 'org.mydata.section (topics)',
      openid: () => 'o-res-liu',
      input: () => ({ section: 'topics', page: 1, pageSize: 20 }),
    },
    {
      fn: 'org',
      action: 'mydata.section',
      label: 'org.mydata.section (resolution ratings)',
      openid: () => 'o-res-liu',
      input: () => ({ section: 'resolutionRatings', page: 1, pageSize: 20 }),
      note: "the household's ratings + their resolutions",
    },
    {
      fn: 'org',
      action: 'mydata.section',
      label: 'org.mydata.section (ballots)',
      openid: () => 'o-res-liu',
      input: () => ({ section: 'ballots', page: 1, pageSize: 20 }),
      note: "open votes of the community + the household's ballots in them",
    },
    {
      fn: 'org',
      action: 'mydata.export',
      openid: () => 'o-member-sun',
      input: () => ({}),
      note: "grows with the person's own records, ≤ 16 per section (cap 500 rows)",
    },
    {
      fn: 'export',
      action: 'org.mydata',
      openid: () => 'o-member-sun',
      input: () => ({}),
      iterations: 3,
      note: 'the same reads as mydata.export, as Excel',
    },
    { fn: 'org', action: 'notice.templates', openid: () => 'o-res-liu', input: () => ({}) },
    { fn: 'org', action: 'profile.update', openid: () => 'o-new-zhou', input: (i) => ({ name: `周小雨${i % 10}` }) },
    {
      fn: 'org',
      action: 'bootstrap',
      openid: () => 'o-bench-bootstrap',
      input: () => ({ streetName: '测试街道', name: '测试' }),
      note: 'refused: an admin exists',
    },
    { fn: 'org', action: 'street.list', openid: () => 'o-new-zhou', input: () => ({}) },
    {
      fn: 'org',
      action: 'community.list',
      openid: () => 'o-new-zhou',
      input: () => ({ streetId: 'st-jinxiu', pageSize: 20 }),
    },
    {
      fn: 'org',
      action: 'community.create',
      openid: () => 'o-street-admin',
      input: (i) => ({ requestId: rid(i, 'cc'), streetId: 'st-jinxiu', name: `压测社区${i}`, address: '压测路' }),
    },
    { fn: 'org', action: 'grid.list', openid: () => 'o-new-zhou', input: () => ({ communityId: 'c-hx' }) },
    {
      fn: 'org',
      action: 'grid.create',
      openid: () => 'o-sec-hx',
      input: (i) => ({ requestId: rid(i, 'gc'), communityId: 'c-hx', name: `压测网格${i}` }),
    },
    {
      fn: 'org',
      action: 'estate.create',
      openid: () => 'o-sec-hx',
      input: (i) => ({ requestId: rid(i, 'ec'), communityId: 'c-hx', name: `压测小区${i}` }),
    },
    {
      fn: 'org',
      action: 'building.create',
      openid: () => 'o-sec-hx',
      input: (i) => ({
        requestId: rid(i, 'bc'),
        estateId: 'e-hx-2',
        gridId: 'g-hx-1',
        name: `压测楼${i}`,
        floors: 6,
        roomsPerFloor: 2,
        floorAreaDm2: 9000,
      }),
      note: '12 households: requests follow the building, not the data',
    },
    { fn: 'org', action: 'estate.list', openid: () => 'o-new-zhou', input: () => ({ communityId: 'c-hx' }) },
    { fn: 'org', action: 'building.list', openid: () => 'o-new-zhou', input: () => ({ estateId: 'e-hx-1' }) },
    {
      fn: 'org',
      action: 'household.list',
      openid: () => 'o-new-zhou',
      input: () => ({ buildingId: 'b-hx-1-1', page: 2, pageSize: 5 }),
    },
    {
      fn: 'org',
      action: 'binding.request',
      openid: (i) => `o-bench-res-${i}`,
      input: (i) => ({ requestId: rid(i, 'br'), householdId: room(i), name: '压测居民', phone: '13812345678' }),
      collect: (data) => made.bindings.push((data as { id: string }).id),
    },
    {
      fn: 'org',
      action: 'binding.listPending',
      openid: () => 'o-sec-hx',
      input: () => ({ communityId: 'c-hx', pageSize: 20 }),
    },
    {
      fn: 'org',
      action: 'binding.listPending',
      label: 'org.binding.listPending (q)',
      openid: () => 'o-sec-hx',
      input: () => ({ communityId: 'c-hx', pageSize: 20, q: '压测' }),
    },
    {
      fn: 'org',
      action: 'resident.list',
      openid: () => 'o-sec-hx',
      input: () => ({ communityId: 'c-hx', pageSize: 20 }),
    },
    {
      fn: 'org',
      action: 'resident.list',
      label: 'org.resident.list (q)',
      openid: () => 'o-sec-hx',
      input: () => ({ communityId: 'c-hx', pageSize: 20, q: '1号楼' }),
    },
    {
      fn: 'org',
      action: 'household.search',
      openid: () => 'o-sec-hx',
      input: () => ({ communityId: 'c-hx', pageSize: 20, q: '3号楼 50' }),
    },
    {
      fn: 'org',
      action: 'binding.decide',
      openid: () => 'o-sec-hx',
      input: (i) => ({ bindingId: made.bindings[i], approve: true }),
    },
    {
      fn: 'org',
      action: 'householdCode.issue',
      openid: () => 'o-sec-hx',
      input: (i) => ({ requestId: rid(i, 'hc'), householdId: room(i + 7), ttlDays: 7 }),
    },
    {
      fn: 'org',
      action: 'invitation.create',
      openid: () => 'o-street-admin',
      input: (i) => ({ requestId: rid(i, 'ic'), role: 'secretary', scopeId: 'c-lq', ttlHours: 24 }),
      collect: (data) => made.codes.push((data as { code: string }).code),
    },
    {
      fn: 'org',
      action: 'invitation.list',
      openid: () => 'o-street-admin',
      input: () => ({ scopeId: 'st-jinxiu', pageSize: 20 }),
    },
    {
      fn: 'org',
      action: 'invitation.redeem',
      openid: (i) => `o-bench-inv-${i}`,
      input: (i) => ({ code: made.codes[i], name: '受邀人' }),
    },
    {
      fn: 'org',
      action: 'liaison.register',
      openid: (i) => `o-bench-lia-${i}`,
      input: (i) => ({
        requestId: rid(i, 'lr'),
        communityId: 'c-hx',
        unitName: `压测单位${i}`,
        partyBody: '党支部',
        name: '联络员',
        phone: '13712345678',
      }),
      collect: (data) => made.liaisons.push((data as { id: string }).id),
    },
    {
      fn: 'org',
      action: 'liaison.listPending',
      openid: () => 'o-sec-hx',
      input: () => ({ communityId: 'c-hx', pageSize: 20 }),
    },
    {
      fn: 'org',
      action: 'liaison.decide',
      openid: () => 'o-sec-hx',
      input: (i) => ({ applicationId: made.liaisons[i], approve: true }),
    },
    // Ending roles (issue 12 §1): each call ends one grant a setup gave; the history is appended, never read whole.
    {
      fn: 'org',
      action: 'role.holders',
      openid: () => 'o-sec-hx',
      input: () => ({ scopeId: 'c-hx', role: 'member', pageSize: 20 }),
    },
    {
      fn: 'org',
      action: 'role.end',
      openid: () => 'o-street-admin',
      input: (i) => ({ grantId: `gr_end_${i}`, reason: '压测：合同到期' }),
      setup: (db) =>
        grantHolders(db, 'end', BENCH_PEOPLE, () => ({
          role: 'property_staff',
          scopeType: 'company',
          scopeId: 'co-1',
          scopeName: '安居物业服务有限公司',
        })),
    },
    {
      fn: 'org',
      action: 'role.stepDown',
      openid: (i) => `o-bench-sd-${i}`,
      input: (i) => ({ grantId: `gr_sd_${i}` }),
      setup: (db) =>
        grantHolders(db, 'sd', BENCH_PEOPLE, () => ({
          role: 'unit_liaison',
          scopeType: 'unit',
          scopeId: 'u-hx-1',
          scopeName: '锦绣区人民医院',
          communityId: 'c-hx',
        })),
    },
    { fn: 'org', action: 'role.history', openid: () => 'o-bench-end-0', input: () => ({ pageSize: 20 }) },
    // Households (issue 12 §2).
    {
      fn: 'org',
      action: 'household.members',
      openid: () => 'o-sec-hx',
      input: () => ({ householdId: 'h-hx-1-1-101' }),
    },
    {
      fn: 'org',
      action: 'binding.unbind',
      openid: () => 'o-sec-hx',
      input: (i) => ({ bindingId: made.bindings[i], reason: '压测：已搬离' }),
    },
    {
      fn: 'org',
      action: 'binding.leave',
      openid: (i) => `o-bench-leave-${i}`,
      input: () => ({}),
      setup: async (db) => {
        const hid = (i: number) => `h-lq-2-${1 + (i % 6)}-${1 + (Math.floor(i / 12) % 6)}0${1 + (i % 2)}`
        await grantHolders(
          db,
          'leave',
          BENCH_PEOPLE,
          (i) => ({
            role: 'resident',
            scopeType: 'household',
            scopeId: hid(i),
            scopeName: '青枫里',
            communityId: 'c-lq',
          }),
          (i) => ({ bindingId: `bind-bench-leave-${i}` }),
        )
        for (let i = 0; i < BENCH_PEOPLE; i++) {
          await db.collection(COL.bindings).add({
            data: {
              _id: `bind-bench-leave-${i}`,
              openid: `o-bench-leave-${i}`,
              householdId: hid(i),
              communityId: 'c-lq',
              streetId: 'st-jinxiu',
              address: '青枫里',
              communityName: '柳青社区',
              status: 'verified',
              method: 'secretary',
              applicantName: '压测',
              applicantPhone: '13800000000',
              createdAt: BENCH_AT,
              decidedAt: BENCH_AT,
            },
          })
        }
      },
    },
    {
      // 注销: a resident with a binding, a second and a notice subscription (two records whose ids embed the
      // openid, moved to the departed token's ids); the sweep asks each collection once which identity fields name them.
      fn: 'org',
      action: 'account.leave',
      openid: (i) => `o-bench-depart-${i}`,
      input: () => ({ confirm: true }),
      note: 'one read per registry collection, an update per field naming the person, and a few per own record whose id names them (2 here)',
      setup: async (db) => {
        const hid = (i: number) => `h-lq-2-${1 + (i % 6)}-${1 + (Math.floor(i / 12) % 6)}0${1 + (i % 2)}`
        await grantHolders(
          db,
          'depart',
          BENCH_PEOPLE,
          (i) => ({
            role: 'resident',
            scopeType: 'household',
            scopeId: hid(i),
            scopeName: '青枫里',
            communityId: 'c-lq',
          }),
          (i) => ({ bindingId: `bind-bench-depart-${i}`, phone: '13800000000' }),
        )
        for (let i = 0; i < BENCH_PEOPLE; i++) {
          await db.collection(COL.bindings).add({
            data: {
              _id: `bind-bench-depart-${i}`,
              openid: `o-bench-depart-${i}`,
              householdId: hid(i),
              communityId: 'c-lq',
              streetId: 'st-jinxiu',
              address: '青枫里',
              communityName: '柳青社区',
              status: 'verified',
              method: 'secretary',
              applicantName: '压测',
              applicantPhone: '13800000000',
              createdAt: BENCH_AT,
              decidedAt: BENCH_AT,
            },
          })
          const openid = `o-bench-depart-${i}`
          await db.collection(COL.councilSeconds).add({
            data: {
              _id: secondId('topic-bench-depart', openid),
              topicId: 'topic-bench-depart',
              openid,
              at: BENCH_AT,
            },
          })
          await db.collection(COL.councilSubscriptions).add({
            data: {
              _id: subscriptionId('c-lq', openid),
              communityId: 'c-lq',
              openid,
              on: true,
              kinds: ['councilMeetingPublished'],
              at: BENCH_AT,
            },
          })
        }
      },
    },
    {
      fn: 'org',
      action: 'household.get',
      openid: () => 'o-street-admin',
      input: () => ({ householdId: 'h-lq-1-1-101' }),
    },
    {
      fn: 'org',
      action: 'household.setArea',
      openid: () => 'o-street-admin',
      input: (i) => ({ householdId: 'h-lq-1-1-101', floorAreaDm2: 9000 + i, reason: '压测：测绘更正' }),
    },
    {
      fn: 'org',
      action: 'place.history',
      openid: () => 'o-street-admin',
      input: () => ({ kind: 'household', id: 'h-lq-1-1-101', pageSize: 20 }),
    },
    {
      fn: 'org',
      action: 'place.rename',
      openid: () => 'o-street-admin',
      input: (i) => ({ kind: 'building', id: 'b-lq-1-2', name: `2号楼${i}` }),
      note: 'households renamed by one update',
    },
    {
      fn: 'org',
      action: 'place.retire',
      openid: () => 'o-street-admin',
      input: (i) => ({ kind: 'building', id: `b-bench-ret-${i}`, reason: '压测：拆除' }),
      setup: async (db) => {
        for (let i = 0; i < BENCH_PEOPLE; i++) {
          await db.collection(COL.buildings).add({
            data: {
              _id: `b-bench-ret-${i}`,
              estateId: 'e-lq-2',
              communityId: 'c-lq',
              streetId: 'st-jinxiu',
              gridId: 'g-lq-1',
              name: `压测停用楼${i}`,
            },
          })
        }
      },
    },
    {
      fn: 'org',
      action: 'building.move',
      openid: () => 'o-street-admin',
      input: (i) => ({ requestId: rid(i, 'bm'), buildingId: 'b-lq-1-1', gridId: i % 2 === 0 ? 'g-lq-2' : 'g-lq-3' }),
      note: '12 households moved by one update',
    },
    // 大党委 and 联席会议 (issue 15 §2) in 柳青社区: 40 appointed, 40 meetings each with one problem taken on.
    {
      fn: 'org',
      action: 'committee.appoint',
      openid: () => 'o-street-admin',
      input: (i) => ({
        requestId: rid(i, 'ca'),
        scopeType: 'community',
        scopeId: 'c-lq',
        name: `委员${i}`,
        post: '兼职委员',
        title: '负责人',
        affiliation: i % 2 ? { kind: 'company', id: 'co-5' } : { kind: 'unit', id: 'u-lq-1' },
        termStart: '2026-01-01',
        termEnd: '2028-12-31',
      }),
      collect: (d) => made.members.push((d as { id: string }).id),
    },
    {
      fn: 'org',
      action: 'committee.list',
      openid: () => 'o-res-liu',
      input: () => ({ scopeType: 'community', scopeId: 'c-lq', includeEnded: true }),
      note: 'a roster is read whole (at most 100 over its history)',
    },
    {
      fn: 'org',
      action: 'jointMeeting.convene',
      openid: () => 'o-street-admin',
      input: (i) => ({
        requestId: rid(i, 'jm'),
        scopeType: 'community',
        scopeId: 'c-lq',
        title: `联席会议${i}`,
        date: '2026-12-01',
        cadence: 'monthly',
        agenda: [
          { source: 'other', title: '议题一' },
          { source: 'need', title: '议题二' },
        ],
        invite: made.members.slice(0, 5),
      }),
      collect: (d) => made.meetings.push((d as { id: string }).id),
    },
    {
      fn: 'org',
      action: 'jointMeeting.attendance',
      openid: () => 'o-street-admin',
      input: (i) => ({ meetingId: made.meetings[i], present: made.members.slice(0, 3) }),
    },
    {
      fn: 'org',
      action: 'jointMeeting.claim',
      openid: () => 'o-street-admin',
      input: (i) => ({
        meetingId: made.meetings[i],
        itemId: 'a1',
        memberId: made.members[i % 5],
        commitment: '限期解决',
        deadline: '2026-12-31',
      }),
      collect: (d) => made.commitments.push((d as { id: string }).id),
    },
    {
      fn: 'org',
      action: 'jointMeeting.list',
      openid: () => 'o-res-liu',
      input: () => ({ scopeType: 'community', scopeId: 'c-lq', pageSize: 20 }),
    },
    {
      fn: 'org',
      action: 'jointMeeting.get',
      openid: () => 'o-res-liu',
      input: (i) => ({ meetingId: made.meetings[i] }),
    },
    {
      fn: 'org',
      action: 'commitment.progress',
      openid: () => 'o-street-admin',
      input: (i) => ({ commitmentId: made.commitments[i], text: '已办结', done: true }),
    },
    {
      fn: 'org',
      action: 'commitment.overdue',
      openid: () => 'o-street-admin',
      input: () => ({ scopeType: 'community', scopeId: 'c-lq', pageSize: 20 }),
      note: 'an index on scope, state and deadline: one count and one page',
    },
    {
      fn: 'org',
      action: 'commitment.list',
      openid: () => 'o-res-liu',
      input: () => ({ kind: 'company', affiliationId: 'co-5', pageSize: 20 }),
    },
    {
      fn: 'org',
      action: 'committee.end',
      openid: () => 'o-street-admin',
      input: (i) => ({ memberId: made.members[i], reason: '任期调整' }),
    },
  ]
}
