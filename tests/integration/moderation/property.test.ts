/**
 * 举报 on a property rating's comment (物业红黑榜): its readers (the company's staff, the street admin)
 * report it; three of them hide the comment and photos — the stars still count — from every view that
 * shows them (the staff inbox, the rectification item that copies it, the company's home list, the
 * street's export) but the rating household's; the street admin reviews. Nothing names the rater.
 */
import { join } from 'path'
import ExcelJS from 'exceljs'
import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { auditOf, outboxTo, queue } from './fixtures'

const PERIOD = 'per:st-jinxiu:2026-11'
const poor = { cleaning: 2, order: 3, repairs: 1, greening: 3, attitude: 3, fees: 2 }
const STAFF = [P.prop, 'o-prop-co1-b', 'o-prop-co1-c']
const COMMENT = '物业经理态度恶劣，电梯坏了一周没人修'

type Rating = {
  id: string
  comment?: string
  photos: string[]
  moderation?: string
  heldPhotos?: string[]
  rectificationId?: string
  stars: Record<string, number>
}
type Rect = { id: string; comment: string; events: { kind: string; text?: string }[]; moderation?: string }

let h: Cloud
let rating: Rating
let photo: string
beforeAll(async () => {
  h = await openCloud()
  for (const id of STAFF.slice(1)) {
    await h.db.collection('users').add({
      data: {
        _id: id,
        name: `安居员工${id.slice(-1)}`,
        createdAt: T0,
        updatedAt: T0,
        roles: [
          {
            role: 'property_staff',
            scopeType: 'company',
            scopeId: 'co-1',
            scopeName: '安居物业服务有限公司',
            streetId: 'st-jinxiu',
          },
        ],
      },
    })
  }
  photo = await h.photo('property', P.liu)
  rating = await h.ok<Rating>(
    'property',
    'rating.submit',
    { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-1-1-101', stars: poor, comment: COMMENT, photos: [photo] },
    P.liu,
  )
})
afterAll(() => h.close())

const inbox = async (by: string) =>
  (
    await h.ok<{ items: Rating[] }>(
      'property',
      'rating.inbox',
      { companyId: 'co-1', periodId: PERIOD, onlyComments: true, pageSize: 50 },
      by,
    )
  ).items.find((r) => r.id === rating.id)!
const rects = async (by: string) =>
  (await h.ok<{ items: Rect[] }>('property', 'rectification.list', { companyId: 'co-1', pageSize: 50 }, by)).items.find(
    (r) => r.id === rating.rectificationId,
  )!
const mine = async () =>
  (await h.ok<{ items: Rect[] }>('property', 'rectification.mine', { pageSize: 50 }, P.liu)).items.find(
    (r) => r.id === rating.rectificationId,
  )!
const report = (by: string) =>
  h.ok('property', 'report.submit', { kind: 'rating_comment', id: rating.id, reason: 'abuse' }, by)

describe('a rating comment', () => {
  it('is readable by its company before any report, with its rectification item', async () => {
    expect(rating.rectificationId).toBeTruthy()
    expect(await inbox(P.prop)).toMatchObject({ comment: COMMENT, photos: [photo] })
    expect((await rects(P.prop)).comment).toBe(COMMENT)
  })

  it('refuses reporters who cannot read it, and the rater, changing nothing', async () => {
    await h.expectRefused(
      'property',
      'report.submit',
      { kind: 'rating_comment', id: rating.id, reason: 'abuse' },
      P.zhang,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'property',
      'report.submit',
      { kind: 'rating_comment', id: rating.id, reason: 'abuse' },
      P.secHx,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'property',
      'report.submit',
      { kind: 'rating_comment', id: rating.id, reason: 'abuse' },
      'o-prop-qian',
      'FORBIDDEN',
    )
    await h.expectRefused(
      'property',
      'report.submit',
      { kind: 'topic', id: rating.id, reason: 'abuse' },
      P.prop,
      'INVALID_INPUT',
    )
  })

  it('is hidden by three staff: placeholder in the inbox and on the rectification item, whole for the household', async () => {
    const before = (
      await h.db
        .collection('property_aggregates')
        .where({ _id: `agg:${PERIOD}:co-1` })
        .get()
    ).data[0]
    for (const by of STAFF) await report(by)
    const staff = await inbox(P.prop)
    expect(staff).toMatchObject({ comment: '该内容正在审核', photos: [], moderation: 'held', stars: poor })
    expect(await inbox(P.admin)).toMatchObject({ comment: '该内容正在审核', photos: [] })
    const r = await rects(P.prop)
    expect(r).toMatchObject({ comment: '该内容正在审核', moderation: 'held' })
    expect(r.events.find((e) => e.kind === 'opened')?.text).toBe('该内容正在审核')
    expect(await mine()).toMatchObject({ comment: COMMENT })
    const own = await h.ok<{ rating: Rating }>('property', 'rating.context', { householdId: 'h-hx-1-1-101' }, P.liu)
    expect(own.rating).toMatchObject({ comment: COMMENT, photos: [photo], moderation: 'held' })
    // The stars still count: the aggregate did not move.
    expect(
      (
        await h.db
          .collection('property_aggregates')
          .where({ _id: `agg:${PERIOD}:co-1` })
          .get()
      ).data[0],
    ).toEqual(before)
  })

  it("leaves the company's home list and shows the placeholder in the street's export", async () => {
    const home = await h.ok<{ sections: { groups: { kind: string; items: { id: string }[] }[] }[] }>(
      'org',
      'home',
      {},
      P.prop,
    )
    const answers = home.sections
      .flatMap((s) => s.groups)
      .filter((g) => g.kind === 'ratingAnswers')
      .flatMap((g) => g.items.map((i) => i.id))
    expect(answers).not.toContain(rating.id)
    const x = await h.ok<{ url: string }>('export', 'property.period', { periodId: PERIOD }, P.admin)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(join(h.dir, 'uploads', x.url.replace('/local/files/', '')))
    const cells = wb.getWorksheet('居民评价')!.getSheetValues().flat().map(String)
    expect(cells).toContain('该内容正在审核')
    expect(cells).not.toContain(COMMENT)
  })

  it("is in the street admin's queue, not a secretary's, with no household or rater", async () => {
    const q = await queue(h, P.admin, { streetId: 'st-jinxiu' })
    const c = q.items.find((x) => x.targetId === rating.id)!
    expect(c).toMatchObject({ kind: 'rating_comment', fn: 'property', text: COMMENT, photos: [photo], reports: 3 })
    expect(JSON.stringify(c)).not.toMatch(/h-hx|o-res|刘芳|101/)
    expect((await queue(h, P.secHx, { communityId: 'c-hx' })).items.map((x) => x.targetId)).not.toContain(rating.id)
    await h.expectRefused(
      'property',
      'moderation.review',
      { caseId: c.id, decision: 'remove', reason: '人身攻击' },
      P.secHx,
      'FORBIDDEN',
    )
  })

  it('is removed by the street admin: the rater is told, the log names nobody on the rating', async () => {
    const c = (await queue(h, P.admin, { streetId: 'st-jinxiu' })).items.find((x) => x.targetId === rating.id)!
    await h.ok('property', 'moderation.review', { caseId: c.id, decision: 'remove', reason: '含人身攻击' }, P.admin)
    expect(await inbox(P.prop)).toMatchObject({ comment: '该内容已被移除', moderation: 'removed' })
    expect((await rects(P.prop)).comment).toBe('该内容已被移除')
    expect((await outboxTo(h, P.liu)).length).toBe(1)
    const entries = [
      ...(await auditOf(h, `property_ratings/${rating.id}`)),
      ...(await auditOf(h, `moderation_cases/${c.id}`)),
    ]
    expect(entries.length).toBeGreaterThanOrEqual(4)
    expect(JSON.stringify(entries)).not.toMatch(/o-res-liu|h-hx-1-1-101/)
    // The household cannot edit a removed comment away.
    await h.expectRefused(
      'property',
      'rating.submit',
      { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-1-1-101', stars: poor, comment: '换个说法' },
      P.liu,
      'CONFLICT',
    )
  })

  it('holds a comment the content check wants reviewed from the moment it is stored', async () => {
    const r = await h.ok<Rating>(
      'property',
      'rating.submit',
      { requestId: rid(), periodId: PERIOD, householdId: 'h-hx-1-1-202', stars: poor, comment: '待审词：保安收钱' },
      P.zhang,
    )
    expect(r.moderation).toBe('held')
    expect(
      (
        await h.ok<{ items: Rating[] }>(
          'property',
          'rating.inbox',
          { companyId: 'co-1', periodId: PERIOD, onlyComments: true, pageSize: 50 },
          P.prop,
        )
      ).items.find((x) => x.id === r.id)?.comment,
    ).toBe('该内容正在审核')
    const items = (
      await h.ok<{ items: Rect[] }>('property', 'rectification.list', { companyId: 'co-1', pageSize: 50 }, P.prop)
    ).items
    expect(items.find((x) => x.id === r.rectificationId)?.comment).toBe('该内容正在审核')
    expect((await queue(h, P.admin, { streetId: 'st-jinxiu' })).items.find((x) => x.targetId === r.id)).toMatchObject({
      source: 'check',
    })
    const { data } = await h.db.collection('audit').where({ action: 'rating.submit' }).get()
    expect(JSON.stringify(data)).not.toMatch(/o-res-zhang|h-hx-1-1-202|o-res-liu|h-hx-1-1-101/)
  })

  it("shows the placeholder in the street's integrity review of held ratings too", async () => {
    type Held = { id: string; comment?: string; moderation?: string }
    const held = (
      await h.ok<{ items: Held[] }>('property', 'review.list', { streetId: 'st-jinxiu', pageSize: 50 }, P.admin)
    ).items[0]
    // A held rating of the demo, given a comment to report (as a newly verified household's burst would carry).
    await h.db
      .collection('property_ratings')
      .where({ publicId: held.id })
      .update({ data: { comment: '全是刷出来的评价', hasComment: true } })
    const company = (await h.db.collection('property_ratings').where({ publicId: held.id }).get()).data[0] as {
      companyId: string
    }
    const staff = ['o-review-a', 'o-review-b', 'o-review-c']
    for (const id of staff) {
      await h.db.collection('users').add({
        data: {
          _id: id,
          name: '员工',
          createdAt: T0,
          updatedAt: T0,
          roles: [
            {
              role: 'property_staff',
              scopeType: 'company',
              scopeId: company.companyId,
              scopeName: '物业',
              streetId: 'st-jinxiu',
            },
          ],
        },
      })
      await h.ok('property', 'report.submit', { kind: 'rating_comment', id: held.id, reason: 'false' }, id)
    }
    const after = (
      await h.ok<{ items: Held[] }>('property', 'review.list', { streetId: 'st-jinxiu', pageSize: 50 }, P.admin)
    ).items.find((r) => r.id === held.id)
    expect(after).toMatchObject({ comment: '该内容正在审核', moderation: 'held' })
  })
})
