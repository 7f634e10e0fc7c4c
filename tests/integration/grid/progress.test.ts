import { GRID_PEOPLE } from '../../../local/seed/grid'
import type { EventView } from '../../../types/grid'
import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { expectPersonalDataRegistered } from '../personal-data'

/**
 * Issue 11 §6: an event's handling history is paged, never cut. Every progress entry (with its photos),
 * reopening, confirmation and decision is its own record; the event carries the latest few and the count.
 */

const WORKER = GRID_PEOPLE.worker2
const XU = GRID_PEOPLE.liaisonXu
const PROP2 = 'o-prop-second'
type Entry = { seq: number; kind: string; note: string; photos: string[]; byName: string; at: string }
type Page = { items: Entry[]; total: number; page: number; pageSize: number }

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
  await h.db.collection('users').add({
    data: {
      _id: PROP2,
      name: '郑二',
      roles: [
        { role: 'property_staff', scopeType: 'company', scopeId: 'co-1', scopeName: '物业', streetId: 'st-jinxiu' },
      ],
      createdAt: T0,
      updatedAt: T0,
    },
  })
})
afterAll(() => h.close())

async function accepted(): Promise<EventView> {
  const e = await h.ok<EventView>(
    'grid',
    'event.report',
    {
      requestId: rid(),
      gridId: 'g-hx-2',
      buildingId: 'b-hx-1-2',
      place: '2号楼',
      category: 'facility',
      description: '电梯异响',
      photos: [],
      urgency: 'normal',
    },
    WORKER,
  )
  await h.ok('grid', 'event.assign', { eventId: e.id, handler: { type: 'company', id: 'co-1' } }, P.secHx)
  return h.ok<EventView>('grid', 'event.accept', { eventId: e.id }, P.prop)
}

describe('an event’s long handling history', () => {
  let e: EventView
  let firstPhoto = ''
  const N = 35

  it('keeps every one of 35 progress entries, the first one’s photo included', async () => {
    e = await accepted()
    firstPhoto = await h.photo('grid', P.prop)
    for (let i = 1; i <= N; i++) {
      const at = new Date(T0.getTime() + i * 60_000)
      h.setNow(at)
      await h.ok(
        'grid',
        'event.progress',
        { eventId: e.id, note: `第 ${i} 次进展`, photos: i === 1 ? [firstPhoto] : [] },
        P.prop,
      )
    }
    h.setNow(T0)
    const all = await h.ok<Page>('grid', 'progress.list', { eventId: e.id, pageSize: 50 }, WORKER)
    expect(all.total).toBe(N)
    expect(all.items.map((x) => x.note)).toEqual(Array.from({ length: N }, (_, i) => `第 ${N - i} 次进展`))
    expect(all.items.at(-1)).toMatchObject({ seq: 1, kind: 'progress', photos: [firstPhoto], byName: '郑凯' })
  })

  it('shows the latest few on the event with the count, the rest a page away', async () => {
    const { event } = await h.ok<{ event: EventView & { progressCount: number } }>(
      'grid',
      'event.get',
      { eventId: e.id },
      WORKER,
    )
    expect(event.progressCount).toBe(N)
    expect(event.progress.map((p) => p.note)).toEqual([
      '第 31 次进展',
      '第 32 次进展',
      '第 33 次进展',
      '第 34 次进展',
      '第 35 次进展',
    ])
    const last = await h.ok<Page>('grid', 'progress.list', { eventId: e.id, page: 4, pageSize: 10 }, P.secHx)
    expect(last.items.map((x) => x.seq)).toEqual([5, 4, 3, 2, 1])
  })

  it('keeps reopenings, confirmation and the secretary’s decision in the same history', async () => {
    for (const reason of ['还有异响', '夜里仍响', '没有修好']) {
      await h.ok('grid', 'event.progress', { eventId: e.id, note: '已检修', photos: [], done: true }, P.prop)
      await h.ok('grid', 'event.confirm', { eventId: e.id, resolved: false, reason }, WORKER)
    }
    await h.ok('grid', 'event.decide', { eventId: e.id, close: true, note: '经现场核实已修复' }, P.secHx)
    const top = await h.ok<Page>('grid', 'progress.list', { eventId: e.id, pageSize: 8 }, WORKER)
    expect(top.total).toBe(N + 7)
    expect(top.items.map((x) => x.kind)).toEqual([
      'decide',
      'reopen',
      'done',
      'reopen',
      'done',
      'reopen',
      'done',
      'progress',
    ])
  })

  it('pages with a fixed number of requests whatever the page size', async () => {
    const small = await h.call<Page>('grid', 'progress.list', { eventId: e.id, pageSize: 2 }, P.secHx)
    const large = await h.call<Page>('grid', 'progress.list', { eventId: e.id, pageSize: 50 }, P.secHx)
    expect(small.env.ok && small.env.data.items).toHaveLength(2)
    expect(small.dbRequests).toBe(large.dbRequests)
  })

  it('shows the history to whoever sees the event, a summoned unit included; refuses others and bad input, changing nothing', async () => {
    const f = await accepted()
    await h.ok(
      'grid',
      'whistle.blow',
      { requestId: rid(), eventId: f.id, parties: [{ type: 'unit', id: 'u-hx-2' }] },
      P.secHx,
    )
    await h.ok('grid', 'event.progress', { eventId: f.id, note: '已联系维保', photos: [] }, P.prop)
    for (const who of [WORKER, P.secHx, P.admin, P.prop, 'o-grid-hx-2-ld', XU]) {
      expect((await h.ok<Page>('grid', 'progress.list', { eventId: f.id }, who)).total).toBe(1)
    }
    await h.expectRefused('grid', 'progress.list', { eventId: f.id }, P.liu, 'FORBIDDEN')
    await h.expectRefused('grid', 'progress.list', { eventId: f.id }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('grid', 'progress.list', { eventId: f.id }, P.liaison, 'FORBIDDEN')
    await h.expectRefused('grid', 'progress.list', { eventId: f.id }, 'o-prop-qian', 'FORBIDDEN')
    await h.expectRefused('grid', 'progress.list', { eventId: f.id }, null, 'UNAUTHENTICATED')
    await h.expectRefused('grid', 'progress.list', { eventId: 'gev-nowhere' }, P.secHx, 'NOT_FOUND')
    await h.expectRefused('grid', 'progress.list', { eventId: f.id, pageSize: 51 }, P.secHx, 'INVALID_INPUT')
    await h.expectRefused('grid', 'progress.list', {}, P.secHx, 'INVALID_INPUT')
  })

  it('two people of the handler posting at once: both entries are kept, or one is refused and nothing is lost', async () => {
    const f = await accepted()
    const calls = await Promise.all([
      h.call<EventView>('grid', 'event.progress', { eventId: f.id, note: '甲：已到场', photos: [] }, P.prop),
      h.call<EventView>('grid', 'event.progress', { eventId: f.id, note: '乙：已备件', photos: [] }, PROP2),
    ])
    const outcomes = calls.map((c) => (c.env.ok ? 'ok' : c.env.error.code))
    expect(outcomes.every((o) => o === 'ok' || o === 'CONFLICT')).toBe(true)
    const page = await h.ok<Page>('grid', 'progress.list', { eventId: f.id }, P.secHx)
    expect(page.total).toBe(outcomes.filter((o) => o === 'ok').length)
    expect(new Set(page.items.map((x) => x.seq)).size).toBe(page.total)
    const { event } = await h.ok<{ event: EventView & { progressCount: number } }>(
      'grid',
      'event.get',
      { eventId: f.id },
      P.secHx,
    )
    expect(event.progressCount).toBe(page.total)
  })
})

describe('personal data', () => {
  it('keeps every field that names a person in the personal-data registry', () => expectPersonalDataRegistered(h))
})
