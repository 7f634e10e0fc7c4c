import ExcelJS from 'exceljs'
import { readFileSync } from 'fs'
import { join } from 'path'
import { openCloud, P, rid, T0, type Cloud } from '../harness'

/**
 * 社区大党委 and 联席会议 (issue 15 §2): the seeded roster of six, a meeting with three problems taken
 * on; appointing and ending terms; convening, attendance, 现场认领 and progress to done; what the
 * company page shows; refusals with nothing changed; races on the shared records.
 */

type Member = {
  id: string
  name: string
  serving: boolean
  affiliation: { kind: string; id?: string; name: string }
  endReason?: string
}
type Meeting = {
  id: string
  agenda: { id: string; title: string; commitmentId?: string }[]
  invited: { memberId: string }[]
  present: string[]
}
type Commitment = {
  id: string
  status: string
  overdue: boolean
  affiliation: { name: string }
  progress: { text: string; byName: string }[]
}

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

const appoint = (over: Record<string, unknown> = {}) => ({
  requestId: rid(),
  scopeType: 'community',
  scopeId: 'c-hx',
  name: '钱守信',
  post: '兼职委员',
  title: '校长',
  affiliation: { kind: 'other', name: '锦绣路小学' },
  termStart: '2026-11-01',
  termEnd: '2029-10-31',
  ...over,
})

describe('the demo world', () => {
  it('shows residents the 大党委 of six serving members, each with their unit or company', async () => {
    const r = await h.ok<{ name: string; scopeName: string; items: Member[] }>(
      'org',
      'committee.list',
      { scopeType: 'community', scopeId: 'c-hx' },
      P.liu,
    )
    expect(r).toMatchObject({ name: '社区大党委', scopeName: '和谐社区' })
    expect(r.items.map((m) => `${m.name}:${m.affiliation.name}`)).toEqual([
      '陈志远:锦绣区人民医院',
      '刘红梅:锦绣区第一中学',
      '赵国栋:市自来水公司第三分公司',
      '孙立群:安居物业服务有限公司',
      '马建军:恒泰物业管理有限公司',
      '周卫东:锦绣路派出所',
    ])
  })

  it('holds a 联席会议 with three problems taken on, one done and one overdue, and the company page shows its own', async () => {
    const r = await h.ok<{ meeting: Meeting; commitments: Commitment[] }>(
      'org',
      'jointMeeting.get',
      { meetingId: 'jm-hx-2026-11' },
      P.liu,
    )
    expect(r.meeting.agenda).toHaveLength(4)
    expect(r.meeting.present).toHaveLength(5)
    expect(r.commitments.map((c) => `${c.affiliation.name}:${c.status}:${c.overdue}`)).toEqual([
      '锦绣区人民医院:done:false',
      '安居物业服务有限公司:open:false',
      '锦绣路派出所:open:true',
    ])
    const page = await h.ok<{ commitments: Commitment[] }>('property', 'company.get', { companyId: 'co-1' }, P.liu)
    expect(page.commitments.map((c) => c.status)).toEqual(['open'])
    const unit = await h.ok<{ items: Commitment[] }>(
      'org',
      'commitment.list',
      { kind: 'unit', affiliationId: 'u-hx-1' },
      P.liaison,
    )
    expect(unit.items.map((c) => c.progress[0]?.byName)).toEqual(['吴敏'])
  })
})

describe('督办: the overdue commitments of a 大党委', () => {
  it("lists the secretary's commitments past their deadline and not done, the most overdue first", async () => {
    const r = await h.ok<{ items: (Commitment & { deadline: string })[]; total: number }>(
      'org',
      'commitment.overdue',
      { scopeType: 'community', scopeId: 'c-hx' },
      P.secHx,
    )
    // At T0 (2026-11-23) only the police station's (due 11-20) is late; 安居's is due 11-24, the hospital's is done.
    expect(r.items.map((c) => `${c.affiliation.name}:${c.deadline}:${c.overdue}`)).toEqual([
      '锦绣路派出所:2026-11-20:true',
    ])
    expect(r.total).toBe(1)
    h.setNow(new Date('2026-11-25T02:00:00Z'))
    try {
      const later = await h.ok<{ items: Commitment[] }>(
        'org',
        'commitment.overdue',
        { scopeType: 'community', scopeId: 'c-hx' },
        P.admin,
      )
      expect(later.items.map((c) => c.affiliation.name)).toEqual(['锦绣路派出所', '安居物业服务有限公司'])
    } finally {
      h.setNow(T0)
    }
  })

  it('is for the convener only', async () => {
    await h.expectRefused('org', 'commitment.overdue', { scopeType: 'community', scopeId: 'c-hx' }, P.liu, 'FORBIDDEN')
    await h.expectRefused(
      'org',
      'commitment.overdue',
      { scopeType: 'community', scopeId: 'c-hx' },
      P.secYg,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'org',
      'commitment.overdue',
      { scopeType: 'street', scopeId: 'st-jinxiu' },
      P.secHx,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'org',
      'commitment.overdue',
      { scopeType: 'community', scopeId: 'c-none' },
      P.secHx,
      'NOT_FOUND',
    )
  })
})

describe('from agenda to a commitment marked done', () => {
  let member = ''
  let meeting: Meeting
  it('appoints a member from outside the registered units, and the roster shows them', async () => {
    const m = await h.ok<Member>('org', 'committee.appoint', appoint(), P.secHx)
    member = m.id
    expect(m).toMatchObject({ serving: true, affiliation: { kind: 'other', name: '锦绣路小学' } })
    const roster = await h.ok<{ items: Member[] }>(
      'org',
      'committee.list',
      { scopeType: 'community', scopeId: 'c-hx' },
      P.zhang,
    )
    expect(roster.items).toHaveLength(7)
  })

  it('convenes a meeting, records attendance, takes on a problem and follows it to done', async () => {
    meeting = await h.ok<Meeting>(
      'org',
      'jointMeeting.convene',
      {
        requestId: rid(),
        scopeType: 'community',
        scopeId: 'c-hx',
        title: '和谐社区 12 月联席会议',
        date: '2026-12-08',
        cadence: 'monthly',
        agenda: [
          { source: 'grid_event', refId: 'ev-1', title: '学校门口早高峰拥堵' },
          { source: 'need', title: '小区缺少晾晒场地' },
        ],
        invite: [member, 'cmt-hx-4'],
      },
      P.secHx,
    )
    expect(meeting.invited.map((i) => i.memberId)).toEqual(['cmt-hx-4', member])
    const att = await h.ok<Meeting>(
      'org',
      'jointMeeting.attendance',
      { meetingId: meeting.id, present: [member, 'cmt-hx-4'] },
      P.secHx,
    )
    expect(att.present).toEqual([member, 'cmt-hx-4'])
    const c = await h.ok<Commitment & { id: string }>(
      'org',
      'jointMeeting.claim',
      {
        meetingId: meeting.id,
        itemId: 'a2',
        memberId: 'cmt-hx-4',
        commitment: '在 5 号楼旁辟出晾晒区',
        deadline: '2026-12-31',
      },
      P.secHx,
    )
    expect(c).toMatchObject({ status: 'open', affiliation: { name: '安居物业服务有限公司' } })
    // The company's staff report progress, then done.
    await h.ok('org', 'commitment.progress', { commitmentId: c.id, text: '已选址，材料进场', done: false }, P.prop)
    const done = await h.ok<Commitment>(
      'org',
      'commitment.progress',
      { commitmentId: c.id, text: '晾晒区已建成', done: true },
      P.prop,
    )
    expect(done).toMatchObject({ status: 'done' })
    expect(done.progress.map((p) => p.text)).toEqual(['已选址，材料进场', '晾晒区已建成'])
    const got = await h.ok<{ meeting: Meeting }>('org', 'jointMeeting.get', { meetingId: meeting.id }, P.liu)
    expect(got.meeting.agenda.find((a) => a.id === 'a2')!.commitmentId).toBe(c.id)
    const page = await h.ok<{ commitments: Commitment[] }>('property', 'company.get', { companyId: 'co-1' }, P.liu)
    expect(page.commitments.map((x) => x.status)).toEqual(['done', 'open'])
  })

  it('ends a term early with the reason, keeping the member in the history', async () => {
    const ended = await h.ok<Member>('org', 'committee.end', { memberId: member, reason: '工作调动' }, P.secHx)
    expect(ended).toMatchObject({ serving: false, endReason: '工作调动' })
    const now = await h.ok<{ items: Member[] }>(
      'org',
      'committee.list',
      { scopeType: 'community', scopeId: 'c-hx' },
      P.liu,
    )
    expect(now.items.some((m) => m.id === member)).toBe(false)
    const all = await h.ok<{ items: Member[] }>(
      'org',
      'committee.list',
      { scopeType: 'community', scopeId: 'c-hx', includeEnded: true },
      P.liu,
    )
    expect(all.items.find((m) => m.id === member)).toMatchObject({ serving: false })
  })

  it('refuses the wrong people, wrong scopes and bad input, changing nothing', async () => {
    await h.expectRefused('org', 'committee.appoint', appoint(), P.secYg, 'FORBIDDEN')
    await h.expectRefused('org', 'committee.appoint', appoint(), P.liu, 'FORBIDDEN')
    await h.expectRefused(
      'org',
      'committee.appoint',
      appoint({ scopeType: 'street', scopeId: 'st-jinxiu' }),
      P.secHx,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'org',
      'committee.appoint',
      appoint({ affiliation: { kind: 'unit', id: 'u-yg-1' } }),
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'org',
      'committee.appoint',
      appoint({ affiliation: { kind: 'unit', name: '没选' } }),
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused('org', 'committee.appoint', appoint({ termEnd: '2026-10-01' }), P.secHx, 'INVALID_INPUT')
    await h.expectRefused('org', 'committee.appoint', appoint({ scopeId: 'c-none' }), P.secHx, 'NOT_FOUND')
    await h.expectRefused('org', 'committee.end', { memberId: member, reason: '再结束' }, P.secHx, 'CONFLICT')
    await h.expectRefused('org', 'committee.end', { memberId: 'cmt-hx-1', reason: '越权' }, P.secYg, 'FORBIDDEN')
    const convene = {
      requestId: rid(),
      scopeType: 'community',
      scopeId: 'c-hx',
      title: '会',
      date: '2026-12-20',
      cadence: 'monthly',
      agenda: [{ source: 'other', title: '议题' }],
    }
    await h.expectRefused('org', 'jointMeeting.convene', convene, P.secYg, 'FORBIDDEN')
    await h.expectRefused('org', 'jointMeeting.convene', { ...convene, invite: [member] }, P.secHx, 'INVALID_INPUT')
    await h.expectRefused('org', 'jointMeeting.convene', { ...convene, agenda: [] }, P.secHx, 'INVALID_INPUT')
    await h.expectRefused(
      'org',
      'jointMeeting.attendance',
      { meetingId: meeting.id, present: ['cmt-hx-2'] },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'org',
      'jointMeeting.attendance',
      { meetingId: meeting.id, present: [] },
      P.secYg,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'org',
      'jointMeeting.claim',
      { meetingId: meeting.id, itemId: 'a2', memberId: 'cmt-hx-4', commitment: '再认领', deadline: '2026-12-31' },
      P.secHx,
      'CONFLICT',
    )
    await h.expectRefused(
      'org',
      'jointMeeting.claim',
      { meetingId: meeting.id, itemId: 'a9', memberId: 'cmt-hx-4', commitment: '无此议题', deadline: '2026-12-31' },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'org',
      'jointMeeting.claim',
      { meetingId: meeting.id, itemId: 'a1', memberId: 'cmt-hx-2', commitment: '未受邀', deadline: '2026-12-31' },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'org',
      'jointMeeting.claim',
      { meetingId: meeting.id, itemId: 'a1', memberId: 'cmt-hx-4', commitment: '期限太早', deadline: '2026-12-01' },
      P.secHx,
      'INVALID_INPUT',
    )
    // Progress: only the owner or the convener; not on a done item.
    await h.expectRefused(
      'org',
      'commitment.progress',
      { commitmentId: 'cm:jm-hx-2026-11:a2', text: '别家的', done: false },
      'o-prop-qian',
      'FORBIDDEN',
    )
    await h.expectRefused(
      'org',
      'commitment.progress',
      { commitmentId: 'cm:jm-hx-2026-11:a2', text: '别的单位', done: false },
      P.liaison,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'org',
      'commitment.progress',
      { commitmentId: 'cm:jm-hx-2026-11:a1', text: '已办结的', done: false },
      P.liaison,
      'CONFLICT',
    )
    await h.expectRefused(
      'org',
      'commitment.progress',
      { commitmentId: 'cm:none', text: '无', done: false },
      P.secHx,
      'NOT_FOUND',
    )
  })
})

describe('races on shared records', () => {
  it('two claims of one problem at once: one lands, the other CONFLICT', async () => {
    const m = await h.ok<Meeting>(
      'org',
      'jointMeeting.convene',
      {
        requestId: rid(),
        scopeType: 'community',
        scopeId: 'c-hx',
        title: '临时联席会议',
        date: '2026-12-10',
        cadence: 'monthly',
        agenda: [{ source: 'other', title: '停车难' }],
      },
      P.secHx,
    )
    const [a, b] = await Promise.all([
      h.call(
        'org',
        'jointMeeting.claim',
        { meetingId: m.id, itemId: 'a1', memberId: 'cmt-hx-4', commitment: '物业来办', deadline: '2026-12-31' },
        P.secHx,
      ),
      h.call(
        'org',
        'jointMeeting.claim',
        { meetingId: m.id, itemId: 'a1', memberId: 'cmt-hx-6', commitment: '派出所来办', deadline: '2026-12-31' },
        P.secHx,
      ),
    ])
    expect([a.env, b.env].map((e) => (e.ok ? 'ok' : e.error.code)).sort()).toEqual(['CONFLICT', 'ok'])
    const { total } = await h.db.collection('joint_commitments').where({ meetingId: m.id }).count()
    expect(total).toBe(1)
  })

  it('a claim and an attendance record on one meeting at once: both survive', async () => {
    const m = await h.ok<Meeting>(
      'org',
      'jointMeeting.convene',
      {
        requestId: rid(),
        scopeType: 'community',
        scopeId: 'c-hx',
        title: '又一次联席会议',
        date: '2026-12-12',
        cadence: 'monthly',
        agenda: [{ source: 'other', title: '垃圾分类' }],
      },
      P.secHx,
    )
    await Promise.all([
      h.ok(
        'org',
        'jointMeeting.claim',
        { meetingId: m.id, itemId: 'a1', memberId: 'cmt-hx-5', commitment: '增设分类桶', deadline: '2026-12-31' },
        P.secHx,
      ),
      h.ok('org', 'jointMeeting.attendance', { meetingId: m.id, present: ['cmt-hx-5', 'cmt-hx-1'] }, P.secHx),
    ])
    const got = await h.ok<{ meeting: Meeting }>('org', 'jointMeeting.get', { meetingId: m.id }, P.liu)
    expect(got.meeting.present).toEqual(['cmt-hx-5', 'cmt-hx-1'])
    expect(got.meeting.agenda[0].commitmentId).toBe(`cm:${m.id}:a1`)
  })

  it('two progress reports at once: both are kept', async () => {
    await Promise.all([
      h.ok(
        'org',
        'commitment.progress',
        { commitmentId: 'cm:jm-hx-2026-11:a3', text: '已排查 2 号楼', done: false },
        P.secHx,
      ),
      h.ok(
        'org',
        'commitment.progress',
        { commitmentId: 'cm:jm-hx-2026-11:a3', text: '已排查 4 号楼', done: false },
        P.admin,
      ),
    ])
    const { meeting: _m, commitments } = await h.ok<{
      meeting: Meeting
      commitments: (Commitment & { itemId: string })[]
    }>('org', 'jointMeeting.get', { meetingId: 'jm-hx-2026-11' }, P.liu)
    expect(
      commitments
        .find((c) => c.itemId === 'a3')!
        .progress.map((p) => p.text)
        .sort(),
    ).toEqual(['已排查 2 号楼', '已排查 4 号楼'])
  })
})

describe("the unit's 双反馈 letter", () => {
  type Letter = { version: number; commitments?: (Commitment & { problem: string; itemId: string })[] }

  it('carries the problems the unit took on in the quarter, as they stood at issue, and keeps them when the commitment moves on', async () => {
    const m = await h.ok<Meeting>(
      'org',
      'jointMeeting.convene',
      {
        requestId: rid(),
        scopeType: 'community',
        scopeId: 'c-hx',
        title: '医院专题联席会议',
        date: '2026-11-25',
        cadence: 'monthly',
        agenda: [{ source: 'need', title: '慢病老人取药难' }],
      },
      P.secHx,
    )
    const c = await h.ok<Commitment>(
      'org',
      'jointMeeting.claim',
      { meetingId: m.id, itemId: 'a1', memberId: 'cmt-hx-1', commitment: '每周二送药上门', deadline: '2026-12-20' },
      P.secHx,
    )
    const first = await h.ok<Letter>(
      'service',
      'letter.issue',
      { requestId: rid(), unitId: 'u-hx-1', quarter: '2026Q4' },
      P.secHx,
    )
    // The seeded problem done in November and the new one still open; never another body's.
    expect(first.commitments!.map((x) => `${x.problem}:${x.status}`)).toEqual([
      '独居老人就医难，希望有上门问诊:done',
      '慢病老人取药难:open',
    ])
    await h.ok('org', 'commitment.progress', { commitmentId: c.id, text: '已送药 6 户', done: true }, P.liaison)
    const list = await h.ok<{ items: Letter[] }>('service', 'letter.list', { unitId: 'u-hx-1' }, P.liaison)
    expect(list.items[0].commitments!.find((x) => x.id === c.id)).toMatchObject({ status: 'open', progress: [] })
    const second = await h.ok<Letter>(
      'service',
      'letter.issue',
      { requestId: rid(), unitId: 'u-hx-1', quarter: '2026Q4' },
      P.secHx,
    )
    expect(second.commitments!.find((x) => x.id === c.id)).toMatchObject({
      status: 'done',
      progress: [{ text: '已送药 6 户', byName: '吴敏' }],
    })
    // The letter's Excel lists them too.
    const f = await h.ok<{ fileId: string }>(
      'export',
      'service.letter',
      { letterId: (second as unknown as { id: string }).id },
      P.liaison,
    )
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(
      readFileSync(join(h.dir, 'uploads', f.fileId.replace('cloud://local/', ''))) as unknown as ArrayBuffer,
    )
    const lines: string[] = []
    wb.worksheets[0].eachRow((r) => lines.push((r.values as unknown[]).slice(1).join(' ')))
    expect(lines).toContain('联席会议认领：2 项，已办结 2 项')
    expect(lines).toContain(
      '慢病老人取药难：已办结；锦绣区人民医院（陈志远）承诺每周二送药上门，期限 2026-12-20；最新进展：已送药 6 户',
    )
  })

  it('a unit with no commitments gets a letter with none', async () => {
    const l = await h.ok<Letter>(
      'service',
      'letter.issue',
      { requestId: rid(), unitId: 'u-hx-3', quarter: '2026Q4' },
      P.secHx,
    )
    expect(l.commitments).toEqual([])
  })
})
