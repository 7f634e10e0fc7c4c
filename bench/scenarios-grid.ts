import { ids } from '../cloudfunctions/grid/repo'
import { COL } from '../cloudfunctions/shared/collections'
import type { Database } from '../cloudfunctions/shared/db-types'
import { GRID_PEOPLE } from '../local/seed/grid'
import { BENCH_JPEG, registerPhoto } from './photos'
import type { StaffPost } from '../types/grid'
import type { Scenario } from './types'

/**
 * One scenario per grid action. An event is reported, assigned, whistled, answered, accepted, fixed and
 * confirmed by successive scenarios (each iteration its own event); `event.decide` and `event.convert`
 * run on events their setup writes straight into the database.
 */

export function gridScenarios(): Scenario[] {
  const made = {
    posts: [] as { code: string; gridId: string; post: StaffPost }[],
    events: [] as string[],
    summons: [] as string[],
    photos: [] as string[],
  }
  const appointee = (i: number) => `o-bench-gs-${i}`
  const AFTER = 'cloud://local/grid/photos/bench/after.jpg'
  const rid = (i: number, tag: string) => `bench-g${tag}-${i}-${Math.random().toString(36).slice(2, 8)}`
  const posts: StaffPost[] = ['worker', 'cadre', 'branch_secretary']
  const T = new Date()
  const benchEvent = (id: string, status: string) => ({
    _id: id,
    gridId: 'g-hx-2',
    gridName: '第二网格',
    communityId: 'c-hx',
    streetId: 'st-jinxiu',
    estateId: 'e-hx-1',
    buildingId: 'b-hx-1-2',
    place: '2号楼',
    category: 'other',
    description: '压测事件',
    photos: [],
    urgency: 'normal',
    status,
    reporter: GRID_PEOPLE.worker2,
    reporterName: '网格员',
    reopenCount: status === 'deciding' ? 2 : 0,
    whistled: false,
    progress: [],
    progressCount: 0,
    createdAt: T,
    updatedAt: T,
  })
  const insert = (prefix: string, status: string) => async (db: Database) => {
    for (let i = 0; i < 60; i++) await db.collection(COL.gridEvents).add({ data: benchEvent(`${prefix}-${i}`, status) })
  }
  const ev = (i: number) => made.events[i % made.events.length]
  return [
    { fn: 'grid', action: 'settings.get', openid: () => 'o-res-liu', input: () => ({ streetId: 'st-jinxiu' }) },
    {
      fn: 'grid',
      action: 'settings.set',
      openid: () => 'o-street-admin',
      input: (i) => ({ streetId: 'st-jinxiu', urgentHours: 24, normalHours: 72 + (i % 2), whistleWindowHours: 24 }),
    },
    { fn: 'grid', action: 'staff.list', openid: () => 'o-res-liu', input: () => ({ gridId: 'g-hx-1' }) },
    { fn: 'grid', action: 'grid.mine', openid: () => 'o-member-sun', input: () => ({}) },
    {
      fn: 'grid',
      action: 'branch.set',
      openid: () => 'o-sec-hx',
      input: (i) => ({
        gridId: `g-hx-${(i % 6) + 1}`,
        name: `和谐社区第${(i % 6) + 1}网格党支部`,
        secretaryName: i % 2 ? '王建国' : undefined,
      }),
    },
    {
      fn: 'grid',
      action: 'staff.appoint',
      openid: () => 'o-sec-hx',
      input: (i) => ({ requestId: rid(i, 'sa'), gridId: `g-hx-${(i % 6) + 1}`, post: posts[Math.floor(i / 6) % 3] }),
      collect: (d) => made.posts.push(d as { code: string; gridId: string; post: StaffPost }),
    },
    {
      fn: 'grid',
      action: 'staff.invitations',
      openid: () => 'o-sec-hx',
      input: () => ({ gridId: 'g-hx-1', pageSize: 20 }),
    },
    // 楼栋长: codes for the grids' free buildings (翠竹苑, never taken up here, so the next code is not refused); the seeded leader's events.
    {
      fn: 'grid',
      action: 'building.appoint',
      openid: () => 'o-sec-hx',
      input: (i) => ({
        requestId: rid(i, 'ba'),
        gridId: `g-hx-${(i % 6) + 1}`,
        buildingIds: [`b-hx-2-${(i % 6) + 1}`],
        groupName: i % 2 ? '楼道党小组' : undefined,
      }),
    },
    {
      fn: 'grid',
      action: 'building.events',
      openid: () => 'o-bl-hx-2',
      input: () => ({ gridId: 'g-hx-2', pageSize: 20 }),
    },
    {
      // The appointee takes the post up by redeeming its code (org's action, writing the appointment through grid/appointments.ts).
      fn: 'org',
      action: 'invitation.redeem',
      label: 'org.invitation.redeem (grid post)',
      openid: appointee,
      input: (i) => ({ code: made.posts[i].code, name: '网格员' }),
    },
    {
      fn: 'grid',
      action: 'staff.remove',
      openid: () => 'o-sec-hx',
      input: (i) => ({ staffId: ids.staff(made.posts[i].gridId, appointee(i), made.posts[i].post) }),
    },
    {
      fn: 'grid',
      action: 'photo.upload',
      openid: () => GRID_PEOPLE.worker2,
      input: () => ({ ext: 'jpg', data: BENCH_JPEG }),
      collect: (d) => made.photos.push((d as { fileId: string }).fileId),
    },
    {
      fn: 'grid',
      action: 'event.report',
      openid: () => GRID_PEOPLE.worker2,
      input: (i) => ({
        requestId: rid(i, 'r'),
        gridId: 'g-hx-2',
        buildingId: 'b-hx-1-2',
        place: '2号楼楼道',
        category: 'clutter',
        description: `楼道堆物 ${i}`,
        photos: [made.photos[i % made.photos.length]],
        urgency: 'normal',
      }),
      collect: (d) => made.events.push((d as { id: string }).id),
    },
    { fn: 'grid', action: 'event.mine', openid: () => GRID_PEOPLE.worker2, input: () => ({}) },
    { fn: 'grid', action: 'event.board', openid: () => 'o-sec-hx', input: () => ({ communityId: 'c-hx' }) },
    {
      fn: 'grid',
      action: 'event.board',
      label: 'grid.event.board (q)',
      openid: () => 'o-sec-hx',
      input: () => ({ communityId: 'c-hx', q: '楼道' }),
    },
    {
      fn: 'grid',
      action: 'event.assign',
      openid: () => 'o-sec-hx',
      input: (i) => ({ eventId: ev(i), handler: { type: 'company', id: 'co-1' } }),
    },
    { fn: 'grid', action: 'event.get', openid: () => 'o-sec-hx', input: (i) => ({ eventId: ev(i) }) },
    { fn: 'grid', action: 'event.members', openid: () => 'o-sec-hx', input: (i) => ({ eventId: ev(i), pageSize: 20 }) },
    { fn: 'grid', action: 'event.inbox', openid: () => 'o-prop-zheng', input: () => ({}) },
    { fn: 'grid', action: 'whistle.parties', openid: () => 'o-sec-hx', input: (i) => ({ eventId: ev(i) }) },
    {
      fn: 'grid',
      action: 'whistle.blow',
      openid: () => 'o-sec-hx',
      input: (i) => ({
        requestId: rid(i, 'w'),
        eventId: ev(i),
        parties: [
          { type: 'company', id: 'co-1' },
          { type: 'unit', id: 'u-hx-2' },
        ],
      }),
      collect: (d) =>
        made.summons.push(
          ...(d as { summons: { id: string; partyType: string }[] }).summons
            .filter((s) => s.partyType === 'company')
            .map((s) => s.id),
        ),
    },
    { fn: 'grid', action: 'whistle.inbox', openid: () => 'o-prop-zheng', input: () => ({}) },
    {
      fn: 'grid',
      action: 'whistle.answer',
      openid: () => 'o-prop-zheng',
      input: (i) => ({ summonsId: made.summons[i], kind: 'report', text: '收到，马上到场' }),
    },
    {
      fn: 'grid',
      action: 'whistle.record',
      openid: () => 'o-res-liu',
      input: () => ({ partyType: 'company', partyId: 'co-1' }),
    },
    { fn: 'grid', action: 'event.accept', openid: () => 'o-prop-zheng', input: (i) => ({ eventId: ev(i) }) },
    {
      fn: 'grid',
      action: 'event.progress',
      openid: () => 'o-prop-zheng',
      input: (i) => ({ eventId: ev(i), note: '已清理', photos: [AFTER], done: true }),
      setup: (db) => registerPhoto(db, 'o-prop-zheng', AFTER),
    },
    {
      fn: 'grid',
      action: 'progress.list',
      openid: () => GRID_PEOPLE.worker2,
      input: (i) => ({ eventId: ev(i), pageSize: 20 }),
    },
    {
      fn: 'grid',
      action: 'event.confirm',
      openid: () => GRID_PEOPLE.worker2,
      input: (i) => ({ eventId: ev(i), resolved: true, rating: 5 }),
    },
    {
      fn: 'grid',
      action: 'event.decide',
      openid: () => 'o-sec-hx',
      input: (i) => ({ eventId: `gev-bench-dec-${i}`, close: true, note: '已核实' }),
      setup: insert('gev-bench-dec', 'deciding'),
    },
    {
      fn: 'grid',
      action: 'event.convert',
      openid: () => 'o-sec-hx',
      input: (i) => ({ requestId: rid(i, 'c'), eventId: `gev-bench-conv-${i}`, to: i % 2 ? 'topic' : 'need' }),
      setup: insert('gev-bench-conv', 'reported'),
    },
    {
      fn: 'grid',
      action: 'event.remind',
      openid: () => 'o-sec-hx',
      input: () => ({ communityId: 'c-hx', withinHours: 48 }),
      note: '60 due events set up: each call reminds a batch of 5',
      setup: async (db) => {
        const handler = { type: 'company', id: 'co-1', name: '安居物业服务有限公司' }
        for (let i = 0; i < 60; i++) {
          await db.collection(COL.gridEvents).add({
            data: {
              ...benchEvent(`gev-bench-due-${i}`, 'assigned'),
              handler,
              handlerKey: 'company:co-1',
              assignedAt: T,
              deadline: new Date(Date.now() + 10 * 3600_000),
            },
          })
        }
      },
    },
    { fn: 'grid', action: 'event.overdue', openid: () => 'o-street-admin', input: () => ({ streetId: 'st-jinxiu' }) },
    { fn: 'grid', action: 'stats.get', openid: () => 'o-sec-hx', input: () => ({ communityId: 'c-hx' }) },
    {
      fn: 'export',
      action: 'grid.stats',
      openid: () => 'o-sec-hx',
      input: () => ({ communityId: 'c-hx' }),
      iterations: 3,
    },
    { fn: 'grid', action: 'event.map', openid: () => 'o-sec-hx', input: () => ({ communityId: 'c-hx' }) },
    {
      fn: 'grid',
      action: 'event.map',
      label: 'grid.event.map (grid)',
      openid: () => 'o-grid-huang',
      input: () => ({ gridId: 'g-hx-1' }),
    },
    {
      fn: 'grid',
      action: 'event.board',
      label: 'grid.event.board (one building, open)',
      openid: () => 'o-sec-hx',
      input: () => ({ communityId: 'c-hx', buildingId: 'b-hx-1-1', open: true }),
    },
    { fn: 'grid', action: 'staff.record', openid: () => 'o-sec-hx', input: () => ({ communityId: 'c-hx' }) },
  ]
}
