/**
 * 举报 on a grid event (网格吹哨): whoever sees it (grid staff, its handler, the street) may report it;
 * three of them hide it from every view that shows it — the event page, the dispatch board, the
 * handler's inbox, the overdue queue, the handling steps, the summons that copy its title, home — except
 * its reporter's, and no new work starts on it until the secretary has reviewed it.
 */
import type { EventView, SummonsView } from '../../../types/grid'
import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { outboxTo, queue } from './fixtures'

type Home = { sections: { groups: { kind: string; items: { id: string; title: string }[] }[] }[] }
const DESCRIPTION = '楼道堆放纸箱和旧家具，住在 202 的张某故意堵门'
const HOUR = 3_600_000

let h: Cloud
let ev: EventView
let photo: string
beforeAll(async () => {
  h = await openCloud()
  photo = await h.photo('grid', P.liu)
  ev = await h.ok<EventView>(
    'grid',
    'event.report',
    {
      requestId: rid(),
      gridId: 'g-hx-1',
      estateId: 'e-hx-1',
      place: '1号楼2单元楼道',
      category: 'clutter',
      description: DESCRIPTION,
      photos: [photo],
      urgency: 'urgent',
    },
    P.liu,
  )
  await h.ok('grid', 'event.assign', { eventId: ev.id, handler: { type: 'company', id: 'co-1' } }, P.secHx)
  await h.ok(
    'grid',
    'whistle.blow',
    { requestId: rid(), eventId: ev.id, parties: [{ type: 'company', id: 'co-1' }] },
    P.secHx,
  )
  await h.ok('grid', 'event.accept', { eventId: ev.id }, P.prop)
  await h.ok('grid', 'event.progress', { eventId: ev.id, note: '已联系住户清理', photos: [], done: false }, P.prop)
  h.setNow(new Date(T0.getTime() + 30 * HOUR)) // past the 24 h deadline of an urgent event: in the street's overdue queue
})
afterAll(() => h.close())

const get = (by: string) =>
  h.ok<{ event: EventView; summons: SummonsView[] }>('grid', 'event.get', { eventId: ev.id }, by)
const ids = (page: { items: { id: string }[] }) => page.items.map((x) => x.id)
const homeItems = async (by: string) =>
  (await h.ok<Home>('org', 'home', {}, by)).sections.flatMap((s) => s.groups).flatMap((g) => g.items)

/** Every view that shows the event to someone other than its reporter. */
async function seenByOthers() {
  return {
    page: (await get(P.grid)).event,
    board: ids(await h.ok('grid', 'event.board', { communityId: 'c-hx', pageSize: 50 }, P.secHx)).includes(ev.id),
    gridBoard: ids(await h.ok('grid', 'event.board', { gridId: 'g-hx-1', pageSize: 50 }, P.grid)).includes(ev.id),
    inbox: ids(await h.ok('grid', 'event.inbox', { pageSize: 50 }, P.prop)).includes(ev.id),
    overdue: ids(await h.ok('grid', 'event.overdue', { streetId: 'st-jinxiu', pageSize: 50 }, P.admin)).includes(ev.id),
    steps: (await h.ok<{ total: number }>('grid', 'progress.list', { eventId: ev.id }, P.secHx)).total,
    summons: (await h.ok<{ items: SummonsView[] }>('grid', 'whistle.inbox', {}, P.prop)).items.find(
      (s) => s.eventId === ev.id,
    )?.eventTitle,
    record: (
      await h.ok<{ items: SummonsView[] }>('grid', 'whistle.record', { partyType: 'company', partyId: 'co-1' }, P.prop)
    ).items.find((s) => s.eventId === ev.id)?.eventTitle,
    handlerHome: (await homeItems(P.prop)).filter((i) => i.id === ev.id || i.title.includes('1号楼2单元')).length,
  }
}

describe('a grid event', () => {
  it('shows everywhere before any report', async () => {
    const seen = await seenByOthers()
    expect(seen.page).toMatchObject({ description: DESCRIPTION, place: '1号楼2单元楼道', photos: [photo] })
    expect(seen).toMatchObject({
      board: true,
      gridBoard: true,
      inbox: true,
      overdue: true,
      steps: 1,
      summons: '乱堆乱放·1号楼2单元楼道',
      record: '乱堆乱放·1号楼2单元楼道',
    })
    expect(seen.handlerHome).toBeGreaterThan(0)
  })

  it('refuses reporters who cannot see it and its own reporter, changing nothing', async () => {
    await h.expectRefused(
      'grid',
      'report.submit',
      { kind: 'event', id: ev.id, reason: 'privacy' },
      P.zhang,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'grid',
      'report.submit',
      { kind: 'event', id: ev.id, reason: 'privacy' },
      P.secYg,
      'FORBIDDEN',
    )
    await h.expectRefused('grid', 'report.submit', { kind: 'event', id: ev.id, reason: 'privacy' }, P.liu, 'CONFLICT')
  })

  it('is hidden by three who see it: no place, text, photos or steps anywhere, but whole for its reporter', async () => {
    for (const by of [P.grid, P.prop, P.admin])
      await h.ok('grid', 'report.submit', { kind: 'event', id: ev.id, reason: 'privacy' }, by)
    const seen = await seenByOthers()
    expect(seen.page).toMatchObject({
      place: '该内容正在审核',
      description: '',
      photos: [],
      progress: [],
      progressCount: 0,
      moderation: 'held',
      category: 'clutter',
    })
    expect(seen.page.lat).toBeUndefined()
    expect(seen).toMatchObject({
      board: false,
      gridBoard: false,
      inbox: false,
      overdue: false,
      steps: 0,
      summons: '网格事件（该内容正在审核）',
      record: '网格事件（该内容正在审核）',
      handlerHome: 0,
    })
    const own = await get(P.liu)
    expect(own.event).toMatchObject({ description: DESCRIPTION, photos: [photo], moderation: 'held' })
    expect(
      (await h.ok<{ items: EventView[] }>('grid', 'event.mine', {}, P.liu)).items.find((e) => e.id === ev.id)
        ?.moderation,
    ).toBe('held')
    expect((await h.ok<{ total: number }>('grid', 'progress.list', { eventId: ev.id }, P.liu)).total).toBe(1)
  })

  it('takes no new work while held: dispatch, whistle and conversion are refused, changing nothing', async () => {
    await h.expectRefused(
      'grid',
      'whistle.blow',
      { requestId: rid(), eventId: ev.id, parties: [{ type: 'company', id: 'co-1' }] },
      P.secHx,
      'CONFLICT',
    )
    await h.expectRefused(
      'grid',
      'event.convert',
      { requestId: rid(), eventId: ev.id, to: 'topic' },
      P.secHx,
      'CONFLICT',
    )
  })

  it('is restored by the secretary: everything shows again and the reporter is told', async () => {
    const c = (await queue(h, P.secHx, { communityId: 'c-hx' })).items.find((x) => x.targetId === ev.id)!
    expect(c).toMatchObject({
      kind: 'event',
      fn: 'grid',
      title: '乱堆乱放·1号楼2单元楼道',
      text: DESCRIPTION,
      photos: [photo],
    })
    await h.ok('grid', 'moderation.review', { caseId: c.id, decision: 'restore', reason: '属实，继续办理' }, P.secHx)
    const seen = await seenByOthers()
    expect(seen).toMatchObject({
      board: true,
      inbox: true,
      overdue: true,
      steps: 1,
      summons: '乱堆乱放·1号楼2单元楼道',
    })
    expect(seen.page.description).toBe(DESCRIPTION)
    expect((await outboxTo(h, P.liu)).length).toBe(1)
  })

  it('holds a report the content check wants reviewed: the secretary sees it only in the review queue', async () => {
    const held = await h.ok<EventView>(
      'grid',
      'event.report',
      {
        requestId: rid(),
        gridId: 'g-hx-1',
        place: '小区南门',
        category: 'other',
        description: '待审词相关的问题',
        photos: [],
        urgency: 'normal',
      },
      P.zhang,
    )
    expect(held.moderation).toBe('held')
    expect(
      ids(await h.ok('grid', 'event.board', { communityId: 'c-hx', status: 'reported', pageSize: 50 }, P.secHx)),
    ).not.toContain(held.id)
    expect((await homeItems(P.secHx)).map((i) => i.id)).not.toContain(held.id)
    await h.expectRefused(
      'grid',
      'event.assign',
      { eventId: held.id, handler: { type: 'community', id: 'c-hx' } },
      P.secHx,
      'CONFLICT',
    )
    expect((await queue(h, P.secHx, { communityId: 'c-hx' })).items.find((x) => x.targetId === held.id)).toMatchObject({
      source: 'check',
      status: 'held',
    })
  })
})
