import { GRID_PEOPLE } from '../../../local/seed/grid'
import { gridActions } from '../../../types/grid'
import { openCloud, P, rid, type Cloud } from '../harness'
import { callableBy, collectTraces, sweeper } from '../exposure'

/**
 * Issue 11 §4: no openid or whole phone of another person in any grid response. In the demo world, every
 * grid action a secretary, a grid leader or worker, a unit liaison, a member or a resident can call is
 * called — an event dispatched to a member, handled, reopened and decided, a whistle answered — and every
 * envelope (and the statistics workbook) is checked.
 */

const M1 = 'o-svc-m-hx-1'
const LEADER_G2 = 'o-grid-hx-2-ld'
const XU = GRID_PEOPLE.liaisonXu

let h: Cloud
let sweep: ReturnType<typeof sweeper>
beforeAll(async () => {
  h = await openCloud()
  sweep = sweeper(h, 'grid', await collectTraces(h))
})
afterAll(() => h.close())

type Id = { id: string }
type Candidate = { id: string; name: string }
const report = (openid: string, over: Record<string, unknown> = {}) =>
  sweep.as<Id>(openid, 'event.report', {
    requestId: rid(),
    gridId: 'g-hx-1',
    buildingId: 'b-hx-1-1',
    place: '1号楼门口',
    category: 'facility',
    description: '路灯不亮',
    photos: [],
    urgency: 'normal',
    ...over,
  })

describe('no openid or phone of another person in any grid response', () => {
  it('grid pages and reports', async () => {
    const { as } = sweep
    await as(P.grid, 'settings.get', { streetId: 'st-jinxiu' })
    for (const who of [P.grid, M1, P.liu, P.member]) await as(who, 'grid.mine', {})
    await as(P.secHx, 'branch.set', { gridId: 'g-hx-1', name: '和谐社区第一网格党支部' })
    const photo = await as<{ fileId: string }>(P.grid, 'photo.upload', {
      ext: 'jpg',
      data: (await import('../harness')).JPEG,
    })
    await report(P.grid, { photos: [photo.fileId] })
    await report(M1, { urgency: 'urgent' })
    for (const who of [P.grid, M1]) await as(who, 'event.mine', {})
    await as(P.secHx, 'event.board', { communityId: 'c-hx' })
    await as(P.grid, 'event.board', { gridId: 'g-hx-1' })
  })

  it('dispatch to a member, handling, confirmation, reopening and the secretary’s decision', async () => {
    const { as } = sweep
    const e1 = await report(P.grid)
    const e2 = await report(P.liu)
    const urgent = await report(P.liu, { urgency: 'urgent' })
    await as(P.secHx, 'event.members', { eventId: e1.id, pageSize: 50 })
    const members = await as<{ items: Candidate[] }>(P.grid, 'event.members', { eventId: e1.id, pageSize: 50 })
    const chen = members.items.find((m) => m.name === '陈立军')!
    const sun = members.items.find((m) => m.name === '孙伟')!
    await as(P.grid, 'event.assign', { eventId: e1.id, handler: { type: 'member', id: chen.id } })
    await as(P.secHx, 'event.assign', { eventId: e2.id, handler: { type: 'member', id: chen.id } })
    await as(P.secHx, 'event.assign', { eventId: urgent.id, handler: { type: 'member', id: sun.id } })
    for (const who of [M1, P.member]) await as(who, 'event.inbox', {})
    for (const who of [P.secHx, P.grid, M1]) await as(who, 'event.get', { eventId: e1.id })
    await as(M1, 'event.accept', { eventId: e1.id })
    await as(M1, 'event.progress', { eventId: e1.id, note: '已联系电工', photos: [] })
    await as(M1, 'event.progress', { eventId: e1.id, note: '已修好', photos: [], done: true })
    for (const who of [P.secHx, P.grid, M1]) await as(who, 'progress.list', { eventId: e1.id })
    await as(P.grid, 'event.confirm', { eventId: e1.id, resolved: true, rating: 5 })
    for (const who of [P.secHx, P.grid, M1]) await as(who, 'event.get', { eventId: e1.id })

    await as(M1, 'event.accept', { eventId: e2.id })
    for (const reason of ['还是不亮', '晚上又灭了', '仍然不稳定']) {
      await as(M1, 'event.progress', { eventId: e2.id, note: '已处理', photos: [], done: true })
      await as(P.liu, 'event.confirm', { eventId: e2.id, resolved: false, reason })
    }
    await as(P.secHx, 'event.decide', { eventId: e2.id, close: true, note: '已核实修复' })
    await as(P.liu, 'event.get', { eventId: e2.id })
    await as(P.liu, 'progress.list', { eventId: e2.id, pageSize: 50 })
    await as(P.secHx, 'event.remind', { communityId: 'c-hx', withinHours: 48 })
    await as(P.secHx, 'event.convert', { requestId: rid(), eventId: 'gev-hx-3', to: 'need' })
  })

  it('whistles, answers, records and statistics', async () => {
    const { as } = sweep
    const e = await as<Id>(GRID_PEOPLE.worker2, 'event.report', {
      requestId: rid(),
      gridId: 'g-hx-2',
      buildingId: 'b-hx-1-2',
      place: '2号楼',
      category: 'clutter',
      description: '楼道堆物',
      photos: [],
      urgency: 'normal',
    })
    await as(LEADER_G2, 'whistle.parties', { eventId: e.id })
    await as(P.secHx, 'whistle.parties', { eventId: e.id })
    const { summons } = await as<{ summons: { id: string; partyType: string }[] }>(P.secHx, 'whistle.blow', {
      requestId: rid(),
      eventId: e.id,
      parties: [
        { type: 'unit', id: 'u-hx-2' },
        { type: 'company', id: 'co-1' },
      ],
    })
    await as(XU, 'whistle.inbox', {})
    await as(XU, 'whistle.answer', {
      summonsId: summons.find((s) => s.partyType === 'unit')!.id,
      kind: 'report',
      text: '收到，马上到场',
    })
    await as(XU, 'event.get', { eventId: e.id })
    await as(XU, 'progress.list', { eventId: e.id })
    await as(XU, 'whistle.record', { partyType: 'unit', partyId: 'u-hx-2' })
    await as(P.liu, 'whistle.record', { partyType: 'company', partyId: 'co-1' })
    for (const who of [P.secHx, P.grid]) await as(who, 'stats.get', { communityId: 'c-hx' })
    // Where events are, and each worker's year as a record: counts and names, never an openid.
    await as(P.secHx, 'event.map', { communityId: 'c-hx' })
    await as(P.grid, 'event.map', { gridId: 'g-hx-1' })
    await as(P.secHx, 'event.board', { communityId: 'c-hx', buildingId: 'b-hx-1-1', open: true })
    await as(P.secHx, 'staff.record', { communityId: 'c-hx' })
  })

  it('举报 of an event and its review', async () => {
    const { as } = sweep
    const e = await report(P.liu, { description: '有人在楼道乱贴小广告' })
    for (const who of [P.grid, P.secHx, P.admin])
      await as(who, 'report.submit', { kind: 'event', id: e.id, reason: 'false' })
    for (const who of [P.grid, P.liu]) await as(who, 'event.get', { eventId: e.id })
    await as(P.secHx, 'moderation.review', { caseId: `mc:event:${e.id}`, decision: 'remove', reason: '与事实不符' })
  })

  it('grid staff: appointment by code, the staff list for everyone, removal', async () => {
    const { as } = sweep
    const inv = await as<{ code: string }>(P.secHx, 'staff.appoint', {
      requestId: rid(),
      gridId: 'g-hx-3',
      post: 'worker',
    })
    await h.ok('org', 'invitation.redeem', { code: inv.code, name: '孙伟' }, P.member)
    await as(P.secHx, 'staff.invitations', { gridId: 'g-hx-3' })
    let listed: { items: { id: string; name: string }[] } = { items: [] }
    for (const who of [P.secHx, P.grid, P.liu, M1]) listed = await as(who, 'staff.list', { gridId: 'g-hx-3' })
    await as(P.secHx, 'staff.remove', { staffId: listed.items.find((s) => s.name === '孙伟')!.id })
  })

  it('楼栋长: appointment by code, the grid page, reports and events of their buildings', async () => {
    const { as } = sweep
    const inv = await as<{ code: string }>(P.secHx, 'building.appoint', {
      requestId: rid(),
      gridId: 'g-hx-1',
      buildingIds: ['b-hx-2-1'],
      groupName: '翠竹苑1号楼党小组',
    })
    await h.ok('org', 'invitation.redeem', { code: inv.code, name: '邓海燕' }, 'o-bl-exposure')
    await as(P.secHx, 'staff.invitations', { gridId: 'g-hx-1' })
    for (const who of [P.secHx, P.grid, P.liu, 'o-bl-exposure']) await as(who, 'staff.list', { gridId: 'g-hx-1' })
    await as('o-bl-exposure', 'grid.mine', {})
    await report(P.liu, { buildingId: 'b-hx-2-1', place: '翠竹苑1号楼' })
    const own = await report('o-bl-exposure', { buildingId: 'b-hx-2-1', place: '翠竹苑1号楼' })
    await as('o-bl-exposure', 'event.get', { eventId: own.id })
    await as('o-bl-exposure', 'building.events', { gridId: 'g-hx-1' })
  })

  it('went through every action those people can call', () => {
    const callable = callableBy(gridActions, [
      'secretary',
      'grid_worker',
      'building_leader',
      'unit_liaison',
      'member',
      'resident',
    ])
    expect([...sweep.swept].sort()).toEqual(callable)
  })
})
