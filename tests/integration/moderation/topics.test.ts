/**
 * 举报 on a council topic, the mechanism end to end: three households hide it at once, the author
 * still sees it (审核中), it waits in the secretary's queue, the secretary restores or removes it with a
 * reason, both are audited and the author is told. Every refusal changes nothing.
 */
import type { TopicDetailView, TopicView } from '../../../types/council'
import { openCloud, P, rid, type Cloud } from '../harness'
import { addLiuSpouse, auditOf, LIU_SPOUSE, outboxTo, queue, REPORTERS } from './fixtures'

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
  await addLiuSpouse(h)
})
afterAll(() => h.close())

async function topic(title = '楼道堆放杂物影响通行', body = '3号楼楼道长期堆放杂物，请处理。', photos: string[] = []) {
  return h.ok<TopicView>(
    'council',
    'topic.propose',
    { requestId: rid(), communityId: 'c-hx', title, body, photos },
    P.liu,
  )
}
const report = (id: string, by: string, extra: Record<string, unknown> = {}) =>
  h.ok('council', 'report.submit', { kind: 'topic', id, reason: 'abuse', ...extra }, by)
type Home = { sections: { groups: { items: { id: string }[] }[] }[] }
const listed = async (by: string) =>
  (await h.ok<{ items: TopicView[] }>('council', 'topic.list', { communityId: 'c-hx', pageSize: 50 }, by)).items
const get = (id: string, by: string) => h.ok<TopicDetailView>('council', 'topic.get', { topicId: id }, by)

describe('three households hide a topic', () => {
  it('stays visible after two reports and is hidden by the third, for everyone but its author', async () => {
    const t = await topic()
    await report(t.id, REPORTERS[0])
    await report(t.id, REPORTERS[1], { reason: 'false' })
    expect((await listed(P.member)).map((x) => x.id)).toContain(t.id)
    const before = await h.ok<Home>('org', 'home', {}, P.secHx)
    expect(before.sections.flatMap((s) => s.groups).flatMap((g) => g.items.map((i) => i.id))).toContain(t.id)
    expect((await get(t.id, P.member)).title).toBe(t.title)

    expect(await report(t.id, REPORTERS[2])).toEqual({ received: true })

    // Others: left out of the list, the placeholder on its page.
    for (const who of [P.member, P.zhang, P.secHx, P.admin])
      expect((await listed(who)).map((x) => x.id)).not.toContain(t.id)
    const other = await get(t.id, P.member)
    expect(other).toMatchObject({ title: '该内容正在审核', body: '', photos: [], moderation: 'held', canSecond: false })
    // The author: in the list and on the page, whole, marked 审核中.
    expect((await listed(P.liu)).find((x) => x.id === t.id)).toMatchObject({ title: t.title, moderation: 'held' })
    expect(await get(t.id, P.liu)).toMatchObject({ title: t.title, body: t.body, moderation: 'held', canEdit: false })
    // The secretary's home (topics to triage) leaves it out too: it waits in the review queue.
    const home = await h.ok<Home>('org', 'home', {}, P.secHx)
    expect(home.sections.flatMap((s) => s.groups).flatMap((g) => g.items.map((i) => i.id))).not.toContain(t.id)

    // The secretary's queue: the content, the reasons and how many, never who.
    const q = await queue(h, P.secHx, { communityId: 'c-hx' })
    const c = q.items.find((x) => x.targetId === t.id)!
    expect(c).toMatchObject({
      kind: 'topic',
      fn: 'council',
      status: 'held',
      source: 'reports',
      reports: 3,
      title: t.title,
      text: t.body,
    })
    expect(c.reasons.sort((a, b) => a.reason.localeCompare(b.reason))).toEqual([
      { reason: 'abuse', count: 2 },
      { reason: 'false', count: 1 },
    ])
    expect(JSON.stringify(c)).not.toMatch(/o-res|刘芳/)
  })

  it('is restored by the secretary with a reason: visible again, audited, the author told', async () => {
    const t = await topic('小区东门夜间照明不足', '东门路灯坏了两盏。')
    for (const r of REPORTERS) await report(t.id, r)
    const c = (await queue(h, P.secHx, { communityId: 'c-hx' })).items.find((x) => x.targetId === t.id)!
    const decided = await h.ok<{ status: string; decidedByName: string; decisionReason: string }>(
      'council',
      'moderation.review',
      { caseId: c.id, decision: 'restore', reason: '内容属实，无不当言论' },
      P.secHx,
    )
    expect(decided).toMatchObject({
      status: 'restored',
      decidedByName: '王秀英',
      decisionReason: '内容属实，无不当言论',
    })

    expect((await listed(P.member)).find((x) => x.id === t.id)).toMatchObject({ title: t.title })
    expect((await get(t.id, P.liu)).moderation).toBeUndefined()
    expect((await queue(h, P.secHx, { communityId: 'c-hx' })).items.map((x) => x.id)).not.toContain(c.id)
    expect((await queue(h, P.secHx, { communityId: 'c-hx' }, 'decided')).items.map((x) => x.id)).toContain(c.id)

    const audits = await auditOf(h, `moderation_cases/${c.id}`)
    expect(audits.map((a) => a.after)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ status: 'held' }),
        expect.objectContaining({ status: 'restored', reason: '内容属实，无不当言论' }),
      ]),
    )
    // Reports are in the log, but never who made them.
    expect(audits.filter((a) => a.actor !== P.secHx).every((a) => a.actor === 'report')).toBe(true)
    expect(await auditOf(h, `council_topics/${t.id}`)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor: P.secHx, after: { hidden: false, moderation: 'restored' } }),
      ]),
    )
    const told = await outboxTo(h, P.liu)
    expect(
      told.some(
        (m) =>
          m.page === `packages/council/pages/topic/index?id=${t.id}` &&
          m.data.thing2.value.startsWith('审核后已恢复显示'),
      ),
    ).toBe(true)
  })

  it('after a restore, three more households are needed to hide it again', async () => {
    const t = await topic('快递柜占用消防通道', '快递柜放在了消防通道上。')
    for (const r of REPORTERS) await report(t.id, r)
    const c = (await queue(h, P.secHx, { communityId: 'c-hx' })).items.find((x) => x.targetId === t.id)!
    await h.ok('council', 'moderation.review', { caseId: c.id, decision: 'restore', reason: '未见不当内容' }, P.secHx)
    await report(t.id, 'o-res-hx-201')
    await report(t.id, P.member)
    expect((await get(t.id, P.zhang)).moderation).toBeUndefined()
    await report(t.id, 'o-res-hx-301')
    expect((await get(t.id, P.zhang)).moderation).toBe('held')
  })

  it('is removed with a reason: kept, marked 已移除 to its author, hidden for good, reports refused', async () => {
    const t = await topic('某住户乱扔垃圾', '具体内容')
    for (const r of REPORTERS) await report(t.id, r)
    const c = (await queue(h, P.secHx, { communityId: 'c-hx' })).items.find((x) => x.targetId === t.id)!
    await h.ok(
      'council',
      'moderation.review',
      { caseId: c.id, decision: 'remove', reason: '含有针对个人的攻击' },
      P.secHx,
    )
    expect(await get(t.id, P.member)).toMatchObject({ title: '该内容已被移除', body: '', moderation: 'removed' })
    expect(await get(t.id, P.liu)).toMatchObject({ title: '某住户乱扔垃圾', moderation: 'removed' })
    expect((await listed(P.liu)).find((x) => x.id === t.id)?.moderation).toBe('removed')
    const { data } = await h.db.collection('council_topics').where({ _id: t.id }).get()
    expect(data[0]).toMatchObject({
      title: '某住户乱扔垃圾',
      hidden: true,
      moderation: expect.objectContaining({ state: 'removed' }),
    })
    await h.expectRefused(
      'council',
      'report.submit',
      { kind: 'topic', id: t.id, reason: 'abuse' },
      'o-res-hx-201',
      'CONFLICT',
    )
    await h.expectRefused(
      'council',
      'topic.update',
      { topicId: t.id, title: '改个标题', body: '改个内容', photos: [] },
      P.liu,
      'CONFLICT',
    )
    expect((await outboxTo(h, P.liu)).some((m) => m.data.thing2.value.startsWith('审核后已移除'))).toBe(true)
  })
})

describe('who counts', () => {
  it("does not count a report from the author's own household, and answers it the same", async () => {
    const t = await topic('楼下广场舞音量太大', '晚上九点后仍然很吵。')
    expect(await report(t.id, LIU_SPOUSE)).toEqual({ received: true })
    await report(t.id, REPORTERS[0])
    await report(t.id, REPORTERS[1])
    expect((await get(t.id, P.member)).moderation).toBeUndefined()
    await report(t.id, REPORTERS[2])
    expect((await get(t.id, P.member)).moderation).toBe('held')
  })

  it('counts a person without a household in the community (a member) as one voice', async () => {
    const t = await topic('电动车违规充电', '2号楼门口飞线充电。')
    await report(t.id, P.member)
    await report(t.id, REPORTERS[0])
    await report(t.id, P.grid)
    expect((await get(t.id, P.zhang)).moderation).toBe('held')
  })

  it('hides it once when the third and fourth reports arrive together', async () => {
    const t = await topic('地下车库漏水', '车库B区顶部漏水。')
    await report(t.id, REPORTERS[0])
    await report(t.id, REPORTERS[1])
    const results = await Promise.all(
      [REPORTERS[2], 'o-res-hx-201'].map((by) =>
        h.call('council', 'report.submit', { kind: 'topic', id: t.id, reason: 'abuse' }, by),
      ),
    )
    expect(results.map((r) => r.env.ok)).toEqual([true, true])
    const { data } = await h.db.collection('moderation_cases').where({ targetId: t.id }).get()
    expect(data).toHaveLength(1)
    expect(data[0]).toMatchObject({ status: 'held', reports: 4 })
    expect((data[0] as { voices: string[] }).voices).toHaveLength(3)
    const holds = (await auditOf(h, `moderation_cases/${(data[0] as { _id: string })._id}`)).filter(
      (a) => a.after?.status === 'held',
    )
    expect(holds).toHaveLength(1)
  })

  it('hides it once when three reports arrive at the same moment', async () => {
    const t = await topic('健身器材损坏', '单杠松动有危险。')
    const results = await Promise.all(
      REPORTERS.map((by) => h.call('council', 'report.submit', { kind: 'topic', id: t.id, reason: 'abuse' }, by)),
    )
    expect(results.map((r) => r.env.ok)).toEqual([true, true, true])
    expect((await get(t.id, P.member)).moderation).toBe('held')
    const { data } = await h.db
      .collection('moderation_reports')
      .where({ caseId: `mc:topic:${t.id}` })
      .get()
    expect(data).toHaveLength(3)
  })
})

describe('refusals change nothing', () => {
  it('refuses a second report by the same person, the author, a stranger, another community and bad input', async () => {
    const t = await topic('小区绿化带被占用', '有人在绿化带种菜。')
    await report(t.id, REPORTERS[0])
    await h.expectRefused(
      'council',
      'report.submit',
      { kind: 'topic', id: t.id, reason: 'ad' },
      REPORTERS[0],
      'CONFLICT',
    )
    await h.expectRefused('council', 'report.submit', { kind: 'topic', id: t.id, reason: 'abuse' }, P.liu, 'CONFLICT')
    await h.expectRefused('council', 'report.submit', { kind: 'topic', id: t.id, reason: 'abuse' }, P.zhou, 'FORBIDDEN')
    await h.expectRefused(
      'council',
      'report.submit',
      { kind: 'topic', id: t.id, reason: 'abuse' },
      P.stranger,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'council',
      'report.submit',
      { kind: 'topic', id: t.id, reason: 'abuse' },
      P.secYg,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'council',
      'report.submit',
      { kind: 'topic', id: 'topic_nope', reason: 'abuse' },
      P.zhang,
      'NOT_FOUND',
    )
    await h.expectRefused(
      'council',
      'report.submit',
      { kind: 'topic', id: t.id, reason: 'because' },
      P.zhang,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'council',
      'report.submit',
      { kind: 'wish', id: t.id, reason: 'abuse' },
      P.zhang,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'council',
      'report.submit',
      { kind: 'topic', id: t.id, reason: 'abuse', photo: 'cloud://council/photos/not-on-it.jpg' },
      P.zhang,
      'INVALID_INPUT',
    )
  })

  it('refuses a review by anyone but the community secretary, of a case not held, and without a reason', async () => {
    const t = await topic('垃圾分类点异味', '夏天异味很重。')
    for (const r of REPORTERS) await report(t.id, r)
    const c = (await queue(h, P.secHx, { communityId: 'c-hx' })).items.find((x) => x.targetId === t.id)!
    await h.expectRefused(
      'council',
      'moderation.review',
      { caseId: c.id, decision: 'remove', reason: '理由' },
      P.secYg,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'council',
      'moderation.review',
      { caseId: c.id, decision: 'remove', reason: '理由' },
      P.admin,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'council',
      'moderation.review',
      { caseId: c.id, decision: 'remove', reason: '理由' },
      P.liu,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'council',
      'moderation.review',
      { caseId: c.id, decision: 'remove', reason: '' },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'council',
      'moderation.review',
      { caseId: 'mc:topic:nope', decision: 'remove', reason: '理由' },
      P.secHx,
      'NOT_FOUND',
    )
    await h.expectRefused(
      'council',
      'moderation.review',
      { caseId: c.id, decision: 'remove', reason: '这是违禁词' },
      P.secHx,
      'CONTENT_REJECTED',
    )
    await h.ok('council', 'moderation.review', { caseId: c.id, decision: 'restore', reason: '无不当内容' }, P.secHx)
    await h.expectRefused(
      'council',
      'moderation.review',
      { caseId: c.id, decision: 'remove', reason: '再次处理' },
      P.secHx,
      'CONFLICT',
    )
  })

  it("refuses the queue to anyone but the scope's reviewer", async () => {
    await h.expectRefused('org', 'moderation.queue', { communityId: 'c-hx' }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('org', 'moderation.queue', { communityId: 'c-hx' }, P.liu, 'FORBIDDEN')
    await h.expectRefused('org', 'moderation.queue', { streetId: 'st-jinxiu' }, P.secHx, 'FORBIDDEN')
    await h.expectRefused('org', 'moderation.queue', {}, P.secHx, 'INVALID_INPUT')
  })
})

describe('held by the content check', () => {
  it('stores a topic the platform wants reviewed held, in the queue, out of sight but its author’s', async () => {
    const t = await topic('关于待审词的意见', '正文')
    expect(t.moderation).toBe('held')
    expect((await listed(P.zhang)).map((x) => x.id)).not.toContain(t.id)
    expect((await get(t.id, P.zhang)).title).toBe('该内容正在审核')
    const c = (await queue(h, P.secHx, { communityId: 'c-hx' })).items.find((x) => x.targetId === t.id)!
    expect(c).toMatchObject({ source: 'check', status: 'held', reports: 0, title: '关于待审词的意见' })
    await h.ok('council', 'moderation.review', { caseId: c.id, decision: 'restore', reason: '经核实无问题' }, P.secHx)
    expect((await get(t.id, P.zhang)).title).toBe('关于待审词的意见')
  })

  it('holds an edit the platform wants reviewed', async () => {
    const t = await topic('停车难', '希望增加车位。')
    await h.ok(
      'council',
      'topic.update',
      { topicId: t.id, title: '停车难', body: '希望增加车位，待审词', photos: [] },
      P.liu,
    )
    expect((await get(t.id, P.zhang)).moderation).toBe('held')
    expect((await get(t.id, P.liu)).body).toBe('希望增加车位，待审词')
  })

  it('refuses other text the platform wants reviewed (nothing to hold a reason in), changing nothing', async () => {
    const t = await topic('楼顶漏雨', '顶楼漏雨严重。')
    await h.expectRefused(
      'council',
      'topic.triage',
      { topicId: t.id, decision: 'decline', reason: '待审词' },
      P.secHx,
      'CONTENT_REJECTED',
    )
  })
})

describe('a photo on a topic', () => {
  it('is hidden alone by three reports: others see the topic without it, the author sees which one', async () => {
    const [keep, bad] = [await h.photo('council', P.liu), await h.photo('council', P.liu)]
    const t = await topic('违建照片', '见照片', [keep, bad])
    for (const r of REPORTERS) await report(t.id, r, { photo: bad, reason: 'privacy' })
    expect(await get(t.id, P.member)).toMatchObject({ title: '违建照片', photos: [keep] })
    expect((await get(t.id, P.member)).moderation).toBeUndefined()
    expect(await get(t.id, P.liu)).toMatchObject({ photos: [keep, bad], heldPhotos: [bad] })
    const c = (await queue(h, P.secHx, { communityId: 'c-hx' })).items.find(
      (x) => x.targetId === t.id && x.photo === bad,
    )!
    expect(c).toMatchObject({ photos: [bad], text: '', title: '违建照片' })
    await h.ok(
      'council',
      'moderation.review',
      { caseId: c.id, decision: 'remove', reason: '照片含他人门牌号' },
      P.secHx,
    )
    expect((await get(t.id, P.zhang)).photos).toEqual([keep])
  })
})
