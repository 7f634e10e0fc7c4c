import { openCloud, P, rid, type Cloud } from '../harness'

/**
 * 联席会议 "the members invited and told" (issue 15 §2): convening sends the meeting to the people who
 * speak for each invited member's body in 同心圆 — a unit's liaisons, a company's staff — after the
 * commit and once per request; a member with nobody linked is shown as told by the convener.
 */

type Invited = { memberId: string; name: string; notified: boolean }
type Meeting = { id: string; invited: Invited[] }
type Outbox = { toOpenid: string; templateId: string; page: string; data: Record<string, { value: string }> }

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

const pageOf = (id: string) => `packages/joint/pages/meeting/index?id=${id}`
async function noticesOf(meetingId: string): Promise<Outbox[]> {
  const { data } = await h.db
    .collection('outbox')
    .where({ page: pageOf(meetingId) })
    .get()
  return data as Outbox[]
}

describe('convening a 联席会议 tells the invited members who can be reached', () => {
  // 陈志远 (锦绣区人民医院, liaison 吴敏), 赵国栋 (自来水公司: no liaison), 孙立群 (安居物业, staff 郑凯), 周卫东 (派出所: another body); listed in roster order.
  const invite = ['cmt-hx-1', 'cmt-hx-4', 'cmt-hx-3', 'cmt-hx-6']
  const requestId = rid()
  const convene = {
    requestId,
    scopeType: 'community',
    scopeId: 'c-hx',
    title: '12 月联席会议',
    date: '2026-12-08',
    cadence: 'monthly',
    agenda: [{ source: 'other', title: '冬季除雪' }],
    invite,
  }
  let meeting: Meeting

  it("sends the meeting to the unit's liaison and the company's staff, and to nobody for a member without a linked person", async () => {
    meeting = await h.ok<Meeting>('org', 'jointMeeting.convene', convene, P.secHx)
    expect(meeting.invited.map((i) => `${i.name}:${i.notified}`)).toEqual([
      '陈志远:true',
      '赵国栋:false',
      '孙立群:true',
      '周卫东:false',
    ])
    const notices = await noticesOf(meeting.id)
    expect(notices.map((n) => n.toOpenid).sort()).toEqual([P.liaison, P.prop].sort())
    expect(notices.every((n) => n.templateId === 'tpl-joint-meeting')).toBe(true)
    expect(notices[0].data).toEqual({
      thing1: { value: '12 月联席会议' },
      date2: { value: '2026-12-08' },
      thing3: { value: '和谐社区' },
    })
  })

  it('sends nothing again when the same request is retried', async () => {
    const again = await h.ok<Meeting>('org', 'jointMeeting.convene', convene, P.secHx)
    expect(again.id).toBe(meeting.id)
    expect(await noticesOf(meeting.id)).toHaveLength(2)
  })

  it('shows everyone who was told and who the convener tells', async () => {
    const r = await h.ok<{ meeting: Meeting }>('org', 'jointMeeting.get', { meetingId: meeting.id }, P.liu)
    expect(r.meeting.invited.filter((i) => !i.notified).map((i) => i.name)).toEqual(['赵国栋', '周卫东'])
  })

  it('tells a person once even when they speak for two invited bodies', async () => {
    // 许文 is the liaison of 锦绣区第一中学 (u-hx-2); made also liaison of 锦绣区人民医院 (u-hx-1) here.
    const { data } = await h.db.collection('users').where({ _id: 'o-liaison-xu' }).get()
    const xu = data[0] as { roles: { role: string; scopeId: string }[] }
    const extra = { ...xu.roles[0], scopeId: 'u-hx-1', scopeName: '锦绣区人民医院' }
    await h.db
      .collection('users')
      .doc('o-liaison-xu')
      .update({ data: { roles: [...xu.roles, extra] } })
    const m = await h.ok<Meeting>(
      'org',
      'jointMeeting.convene',
      { ...convene, requestId: rid(), title: '专题联席会议', invite: ['cmt-hx-1', 'cmt-hx-2'] },
      P.secHx,
    )
    expect(m.invited.map((i) => i.notified)).toEqual([true, true])
    expect((await noticesOf(m.id)).map((n) => n.toOpenid).sort()).toEqual([P.liaison, 'o-liaison-xu'].sort())
  })

  it('a refused convening sends nothing', async () => {
    const before = (await h.db.collection('outbox').count()).total
    await h.expectRefused('org', 'jointMeeting.convene', { ...convene, requestId: rid() }, P.secYg, 'FORBIDDEN')
    expect((await h.db.collection('outbox').count()).total).toBe(before)
  })
})

describe('the demo meeting', () => {
  it('was told to the members whose unit or company has someone in 同心圆; the others by the convener', async () => {
    const r = await h.ok<{ meeting: Meeting }>('org', 'jointMeeting.get', { meetingId: 'jm-hx-2026-11' }, P.liu)
    expect(r.meeting.invited.map((i) => `${i.name}:${i.notified}`)).toEqual([
      '陈志远:true',
      '刘红梅:true',
      '赵国栋:false',
      '孙立群:true',
      '马建军:true',
      '周卫东:false',
    ])
  })
})
