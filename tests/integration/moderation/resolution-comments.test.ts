/**
 * 事后反馈 comments on a resolution: readable by the community without any household or time finer
 * than the day, reportable, and hidden by three households — from the list for everyone but the
 * household that wrote it, which sees it marked and is told of the decision.
 */
import type { ResolutionCommentView } from '../../../types/council'
import { dateIn, publishedMeeting } from '../council/fixtures'
import { openCloud, P, type Cloud } from '../harness'
import { addLiuSpouse, auditOf, LIU_SPOUSE, outboxTo, queue } from './fixtures'

let h: Cloud
let res: string
beforeAll(async () => {
  h = await openCloud()
  await addLiuSpouse(h)
  const m = await publishedMeeting(h)
  await h.ok('council', 'meeting.start', { meetingId: m.id }, P.secHx)
  const r = await h.ok<{ id: string }>(
    'council',
    'resolution.record',
    {
      meetingId: m.id,
      itemId: m.itemIds[0],
      decision: '楼顶防水层翻新',
      responsible: { type: 'company', id: 'co-1' },
      deadline: dateIn(10),
    },
    P.secHx,
  )
  await h.ok('council', 'resolution.progress', { resolutionId: r.id, note: '已完工', status: 'done' }, P.secHx)
  res = r.id
  await h.ok('council', 'resolution.rate', { resolutionId: res, stars: 2, comment: '施工队把垃圾扔在楼道' }, P.liu)
  await h.ok('council', 'resolution.rate', { resolutionId: res, stars: 5, comment: '修得很好' }, P.zhang)
  await h.ok('council', 'resolution.rate', { resolutionId: res, stars: 4 }, 'o-res-hx-102')
})
afterAll(() => h.close())

const comments = async (by: string) =>
  await h.ok<{ items: ResolutionCommentView[]; total: number }>(
    'council',
    'resolution.comments',
    { resolutionId: res },
    by,
  )

describe('the comments of a resolution', () => {
  it('show only comments, with stars and the day, never a household or a person', async () => {
    const page = await comments(P.member)
    expect(page.total).toBe(2)
    expect(page.items.map((c) => c.comment).sort()).toEqual(['修得很好', '施工队把垃圾扔在楼道'])
    expect(page.items[0]).toEqual({
      id: expect.stringMatching(/^rc_/),
      stars: expect.any(Number),
      comment: expect.any(String),
      day: '2026-11-23',
      mine: false,
    })
    expect(JSON.stringify(page)).not.toMatch(/h-hx|o-res|刘芳|张德福/)
    expect((await comments(P.liu)).items.find((c) => c.comment === '施工队把垃圾扔在楼道')?.mine).toBe(true)
  })

  it('records a rating in the audit log anonymously and by the day, naming no household', async () => {
    const entries = await auditOf(h, `council_resolutions/${res}`)
    const ratings = entries.filter((e) => e.action === 'resolution.rate')
    expect(ratings).toHaveLength(3)
    expect(ratings.every((e) => e.actor === 'rating' && new Date(e.at).toISOString().endsWith('16:00:00.000Z'))).toBe(
      true,
    )
    const { data } = await h.db.collection('audit').where({ action: 'resolution.rate' }).get()
    expect(JSON.stringify(data)).not.toMatch(/h-hx|o-res/)
  })

  it("is hidden by three households' reports, except to its household, and restored with a notice to its members", async () => {
    const id = (await comments(P.member)).items.find((c) => c.comment === '施工队把垃圾扔在楼道')!.id
    await h.ok('council', 'report.submit', { kind: 'resolution_comment', id, reason: 'false' }, LIU_SPOUSE) // the household's own: does not count
    for (const by of [P.zhang, 'o-res-hx-102'])
      await h.ok('council', 'report.submit', { kind: 'resolution_comment', id, reason: 'false' }, by)
    expect((await comments(P.member)).total).toBe(2)
    await h.ok('council', 'report.submit', { kind: 'resolution_comment', id, reason: 'false' }, 'o-res-chen')

    expect((await comments(P.member)).items.map((c) => c.comment)).toEqual(['修得很好'])
    expect((await comments(P.secHx)).total).toBe(1)
    for (const who of [P.liu, LIU_SPOUSE]) {
      expect((await comments(who)).items.find((c) => c.id === id)).toMatchObject({
        comment: '施工队把垃圾扔在楼道',
        mine: true,
        moderation: 'held',
      })
    }
    const mine = await h.ok<{ myRating: { moderation?: string; comment?: string } }>(
      'council',
      'resolution.get',
      { resolutionId: res },
      P.liu,
    )
    expect(mine.myRating).toMatchObject({ comment: '施工队把垃圾扔在楼道', moderation: 'held' })
    await h.expectRefused(
      'council',
      'resolution.rate',
      { resolutionId: res, stars: 3, comment: '改一下' },
      P.liu,
      'CONFLICT',
    )

    const c = (await queue(h, P.secHx, { communityId: 'c-hx' })).items.find((x) => x.targetId === id)!
    expect(c).toMatchObject({ kind: 'resolution_comment', text: '施工队把垃圾扔在楼道', reports: 3 })
    await h.ok(
      'council',
      'moderation.review',
      { caseId: c.id, decision: 'restore', reason: '反映的是施工问题' },
      P.secHx,
    )
    expect((await comments(P.member)).total).toBe(2)
    expect((await outboxTo(h, P.liu)).length).toBe(1)
    expect((await outboxTo(h, LIU_SPOUSE)).length).toBe(1)
  })

  it('refuses a report of a comment from outside the community or of a rating without a comment', async () => {
    const id = (await comments(P.member)).items[0].id
    await h.expectRefused(
      'council',
      'report.submit',
      { kind: 'resolution_comment', id, reason: 'abuse' },
      P.secYg,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'council',
      'report.submit',
      { kind: 'resolution_comment', id: 'rc_nothing', reason: 'abuse' },
      P.zhang,
      'NOT_FOUND',
    )
  })

  it('holds a comment the content check wants reviewed, from the moment it is stored', async () => {
    await h.ok('council', 'resolution.rate', { resolutionId: res, stars: 3, comment: '关于待审词' }, 'o-res-hx-201')
    expect((await comments(P.member)).items.map((c) => c.comment)).not.toContain('关于待审词')
    expect((await comments('o-res-hx-201')).items.find((c) => c.mine)).toMatchObject({
      comment: '关于待审词',
      moderation: 'held',
    })
    expect(
      (await queue(h, P.secHx, { communityId: 'c-hx' })).items.some(
        (x) => x.kind === 'resolution_comment' && x.source === 'check',
      ),
    ).toBe(true)
  })
})
