import ExcelJS from 'exceljs'
import { sdk } from '../../../cloudfunctions/shared/cloud'
import { GRID_PEOPLE } from '../../../local/seed/grid'
import type { EventView, GridStatsView, SummonsView, WhistleRecordView } from '../../../types/grid'
import { cnTime } from '../../../cloudfunctions/shared/clock'
import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { expectPersonalDataRegistered } from '../personal-data'

/**
 * Journey 7 (SPEC §10): a grid worker reports 乱堆乱放 with a photo; the secretary whistles the estate's
 * property company and the grid's responsible unit; both answer within the window; the company fixes it
 * and posts an after-photo; the reporter confirms; the unit's record (feedback letter) shows its answer
 * and the grid's statistics show the on-time fix.
 */

const WORKER = GRID_PEOPLE.worker2
const XU = GRID_PEOPLE.liaisonXu
const at = (h: number) => new Date(T0.getTime() + h * 3600_000)

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

describe('journey 7: report, whistle, answers, fix, confirm, statistics', () => {
  let ev: EventView
  let summons: SummonsView[]

  it('a grid worker reports 乱堆乱放 with a photo and sees it in 我的上报', async () => {
    const before = await h.photo('grid', WORKER)
    ev = await h.ok<EventView>(
      'grid',
      'event.report',
      {
        requestId: rid(),
        gridId: 'g-hx-2',
        buildingId: 'b-hx-1-2',
        place: '2号楼楼道',
        category: 'clutter',
        description: '楼道堆放纸箱和旧家具，堵塞消防通道',
        photos: [before],
        urgency: 'normal',
      },
      WORKER,
    )
    expect(ev).toMatchObject({
      status: 'reported',
      gridName: '第二网格',
      communityName: '和谐社区',
      estateId: 'e-hx-1',
      category: 'clutter',
      mine: true,
      photos: [before],
    })
    const mine = await h.ok<{ items: EventView[] }>('grid', 'event.mine', {}, WORKER)
    expect(mine.items.map((e) => e.id)).toContain(ev.id)
  })

  it('the secretary sees it on the dispatch board and assigns the estate company with a 72 h deadline', async () => {
    const board = await h.ok<{ items: EventView[] }>(
      'grid',
      'event.board',
      { communityId: 'c-hx', status: 'reported' },
      P.secHx,
    )
    expect(board.items.map((e) => e.id)).toContain(ev.id)
    ev = await h.ok<EventView>(
      'grid',
      'event.assign',
      { eventId: ev.id, handler: { type: 'company', id: 'co-1' } },
      P.secHx,
    )
    expect(ev.status).toBe('assigned')
    expect(ev.handler).toMatchObject({ type: 'company', id: 'co-1' })
    expect(ev.deadline).toBe(at(72).toISOString())
    const outbox = await h.db.collection('outbox').where({ toOpenid: P.prop }).get()
    expect(outbox.data.length).toBeGreaterThan(0)
    // The notice's time is Beijing wall time, as the person's phone shows it (not UTC).
    expect(outbox.data.map((o) => (o as { data: { time2?: { value: string } } }).data.time2?.value)).toContain(
      cnTime(at(0)),
    )
  })

  it('the secretary whistles the company and the grid responsible unit at once', async () => {
    const parties = await h.ok<{ items: { type: string; id: string }[] }>(
      'grid',
      'whistle.parties',
      { eventId: ev.id },
      P.secHx,
    )
    expect(parties.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'company', id: 'co-1' }),
        expect.objectContaining({ type: 'unit', id: 'u-hx-2' }),
      ]),
    )
    const out = await h.ok<{ summons: SummonsView[] }>(
      'grid',
      'whistle.blow',
      {
        requestId: rid(),
        eventId: ev.id,
        parties: [
          { type: 'company', id: 'co-1' },
          { type: 'unit', id: 'u-hx-2' },
        ],
        note: '请各方到场',
      },
      P.secHx,
    )
    summons = out.summons
    expect(summons.map((s) => s.state)).toEqual(['pending', 'pending'])
    expect(summons[0].windowEndsAt).toBe(at(24).toISOString())
  })

  it('both answer within the window', async () => {
    h.setNow(at(2))
    const inboxCo = await h.ok<{ items: SummonsView[] }>('grid', 'whistle.inbox', {}, P.prop)
    const sCo = inboxCo.items.find((s) => s.eventId === ev.id)!
    const a1 = await h.ok<SummonsView>(
      'grid',
      'whistle.answer',
      { summonsId: sCo.id, kind: 'report', text: '物业今天下午清理' },
      P.prop,
    )
    expect(a1).toMatchObject({ state: 'on_time', answerKind: 'report', answeredByName: '郑凯' })
    const inboxU = await h.ok<{ items: SummonsView[] }>('grid', 'whistle.inbox', {}, XU)
    const sU = inboxU.items.find((s) => s.eventId === ev.id)!
    const a2 = await h.ok<SummonsView>(
      'grid',
      'whistle.answer',
      { summonsId: sU.id, kind: 'report', text: '派 5 名党员志愿者协助搬运' },
      XU,
    )
    expect(a2.state).toBe('on_time')
  })

  it('the company accepts, fixes it with an after-photo and marks it done', async () => {
    h.setNow(at(3))
    const inbox = await h.ok<{ items: EventView[] }>('grid', 'event.inbox', {}, P.prop)
    expect(inbox.items.map((e) => e.id)).toContain(ev.id)
    await h.ok('grid', 'event.accept', { eventId: ev.id }, P.prop)
    h.setNow(at(6))
    const after = await h.photo('grid', P.prop)
    ev = await h.ok<EventView>(
      'grid',
      'event.progress',
      { eventId: ev.id, note: '已清理完毕，楼道畅通', photos: [after], done: true },
      P.prop,
    )
    expect(ev.status).toBe('done')
    expect(ev.progress.at(-1)).toMatchObject({ kind: 'done', photos: [after], byName: '郑凯' })
  })

  it('the reporter confirms and rates it', async () => {
    h.setNow(at(7))
    ev = await h.ok<EventView>('grid', 'event.confirm', { eventId: ev.id, resolved: true, rating: 5 }, WORKER)
    expect(ev).toMatchObject({ status: 'closed', rating: 5, overdue: false })
  })

  it("the unit's record shows its answer, and the grid statistics the on-time fix", async () => {
    const rec = await h.ok<WhistleRecordView>(
      'grid',
      'whistle.record',
      { partyType: 'unit', partyId: 'u-hx-2' },
      P.secHx,
    )
    expect(rec).toMatchObject({ summoned: 1, onTime: 1, late: 0, silent: 0 })
    expect(rec.items[0]).toMatchObject({ answerText: '派 5 名党员志愿者协助搬运', state: 'on_time' })
    const stats = await h.ok<{ community: GridStatsView; grids: GridStatsView[] }>(
      'grid',
      'stats.get',
      { communityId: 'c-hx' },
      P.secHx,
    )
    const g2 = stats.grids.find((g) => g.scopeId === 'g-hx-2')!
    expect(g2).toMatchObject({
      reported: 1,
      handled: 1,
      onTime: 1,
      onTimeRate: 100,
      medianHours: 6,
      reopened: 0,
      reopenRate: 0,
    })
    // The community adds the seeded grid-1 events (3 reported, 1 fixed on time) to this one.
    expect(stats.community).toMatchObject({ reported: 4, handled: 2, onTime: 2, onTimeRate: 100 })
  })

  it("the unit's quarterly feedback letter shows its whistle answer", async () => {
    const letter = await h.ok<{ whistles?: WhistleRecordView }>(
      'service',
      'letter.issue',
      { requestId: rid(), unitId: 'u-hx-2', quarter: '2026Q4' },
      P.secHx,
    )
    expect(letter.whistles).toMatchObject({ summoned: 1, onTime: 1, late: 0, silent: 0 })
    expect(letter.whistles!.items[0]).toMatchObject({
      eventTitle: '乱堆乱放·2号楼楼道',
      answerKind: 'report',
      answerText: '派 5 名党员志愿者协助搬运',
      state: 'on_time',
    })
    const listed = await h.ok<{ items: { id: string; whistles?: WhistleRecordView }[] }>(
      'service',
      'letter.list',
      { unitId: 'u-hx-2' },
      XU,
    )
    expect(listed.items[0].whistles!.onTime).toBe(1)
    // The letter's Excel export carries the same lines.
    const file = await h.ok<{ fileId: string }>('export', 'service.letter', { letterId: listed.items[0].id }, XU)
    const { fileContent } = await sdk().downloadFile({ fileID: file.fileId })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(fileContent as unknown as ArrayBuffer)
    const cells = wb.worksheets[0].getSheetValues().flat().map(String).join('\n')
    expect(cells).toContain('网格吹哨：召集 1 次，按时应答 1 次，逾期 0 次，未应答 0 次')
    expect(cells).toContain('乱堆乱放·2号楼楼道：按时应答，派 5 名党员志愿者协助搬运')
  })

  it("the company's page on the list shows its answers and the seeded silence", async () => {
    const page = await h.ok<{ whistle: WhistleRecordView }>('property', 'company.get', { companyId: 'co-1' }, P.liu)
    expect(page.whistle).toMatchObject({ summoned: 2, onTime: 1, late: 0, silent: 1 })
    expect(page.whistle.items.map((s) => s.state).sort()).toEqual(['on_time', 'silent'])
  })
})

describe('personal data', () => {
  it('keeps every field that names a person in the personal-data registry', () => expectPersonalDataRegistered(h))
})
