import { memberRecordId } from '../../../cloudfunctions/shared/pseudonym'
import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { dateIn, DAY, iso } from './fixtures'

/**
 * Resolutions the responsible party carries (issue 14 §8): the party is a linked record of the
 * community, sees its resolutions in its inbox and on home, posts progress with photos; the deadline
 * is a day; overdue resolutions reach the secretary's home and the street's overdue queue.
 */

type Progress = { seq: number; note: string; byName: string; byParty?: string; photos: string[] }
type Resolution = {
  id: string
  status: string
  overdue: boolean
  responsibleKind: string
  responsibleId?: string
  responsibleName: string
  deadline: string
  deadlineDate: string
  progressCount: number
  latestProgress: Progress | null
  canProgress?: boolean
}
type Page<T> = { items: T[]; total: number }
type Home = { sections: { role: string; groups: { kind: string; count: number; items: { id: string }[] }[] }[] }

const QIAN = 'o-prop-qian'
const XU = 'o-liaison-xu'

let h: Cloud
let meetingId: string
beforeAll(async () => {
  h = await openCloud()
  const m = await h.ok<{ id: string }>(
    'council',
    'meeting.create',
    {
      requestId: rid(),
      communityId: 'c-hx',
      title: '和谐社区红色议事会（落实专题）',
      startsAt: iso(new Date(T0.getTime() + DAY)),
      place: '党群服务中心',
      agenda: ['楼道照明', '绿化补种', '电梯维保', '路面修补', '快递柜', '垃圾分类'].map((title) => ({ title })),
      participants: [{ kind: 'party', name: '和谐社区党委' }],
    },
    P.secHx,
  )
  meetingId = m.id
  await h.ok('council', 'meeting.publish', { meetingId }, P.secHx)
  await h.ok('council', 'meeting.start', { meetingId }, P.secHx)
})
afterAll(() => h.close())
afterEach(() => h.setNow(T0))

const record = (itemId: string, responsible: { type: string; id: string }, over: Record<string, unknown> = {}) => ({
  meetingId,
  itemId,
  decision: '按议定方案落实，完成后公示。',
  responsible,
  deadline: dateIn(10),
  ...over,
})
const inbox = async (who: string) =>
  (await h.ok<Page<Resolution>>('council', 'resolution.inbox', {}, who)).items.map((r) => r.id)
const homeKinds = async (who: string) =>
  (await h.ok<Home>('org', 'home', {}, who)).sections.flatMap((s) =>
    s.groups.filter((g) => g.count > 0).map((g) => g.kind),
  )

describe('recording who carries it', () => {
  it('refuses a typed party, a party of another community, a company not serving it, a bad or past day — nothing changed', async () => {
    await h.expectRefused(
      'council',
      'resolution.record',
      {
        meetingId,
        itemId: 'item-1',
        decision: '落实',
        responsibleKind: 'company',
        responsibleName: '安居物业服务有限公司',
        deadline: dateIn(10),
      },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'council',
      'resolution.record',
      record('item-1', { type: 'unit', id: 'u-yg-2' }),
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'council',
      'resolution.record',
      record('item-1', { type: 'company', id: 'co-6' }),
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'council',
      'resolution.record',
      record('item-1', { type: 'member', id: 'm:nobody' }),
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'council',
      'resolution.record',
      record('item-1', { type: 'community', id: 'c-yg' }),
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'council',
      'resolution.record',
      record('item-1', { type: 'person', id: 'x' }),
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'council',
      'resolution.record',
      record('item-1', { type: 'company', id: 'co-1' }, { deadline: '2026-02-30' }),
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'council',
      'resolution.record',
      record('item-1', { type: 'company', id: 'co-1' }, { deadline: dateIn(-1) }),
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'council',
      'resolution.record',
      record('item-1', { type: 'company', id: 'co-1' }, { deadline: iso(T0) }),
      P.secHx,
      'INVALID_INPUT',
    )
  })

  it('names the party from its record and keeps the day; the party and nobody else sees it in its inbox and on home', async () => {
    const r = await h.ok<Resolution>(
      'council',
      'resolution.record',
      record('item-1', { type: 'company', id: 'co-1' }, { deadline: dateIn(0) }),
      P.secHx,
    )
    expect(r).toMatchObject({
      responsibleKind: 'company',
      responsibleId: 'co-1',
      responsibleName: '安居物业服务有限公司',
      deadlineDate: dateIn(0),
      overdue: false,
    })
    // The last instant of that Beijing day.
    expect(r.deadline).toBe(new Date(`${dateIn(0)}T23:59:59.999+08:00`).toISOString())
    expect(await inbox(P.prop)).toContain(r.id)
    expect(await inbox(QIAN)).not.toContain(r.id)
    expect(await homeKinds(P.prop)).toContain('resolutions')
    expect(await homeKinds(QIAN)).not.toContain('resolutions')
  })

  it('links a unit, a grid and a member, each reaching its own people', async () => {
    const unit = await h.ok<Resolution>(
      'council',
      'resolution.record',
      record('item-2', { type: 'unit', id: 'u-hx-2' }),
      P.secHx,
    )
    const grid = await h.ok<Resolution>(
      'council',
      'resolution.record',
      record('item-3', { type: 'grid', id: 'g-hx-1' }),
      P.secHx,
    )
    const member = await h.ok<Resolution>(
      'council',
      'resolution.record',
      record('item-4', { type: 'member', id: memberRecordId(P.member) }),
      P.secHx,
    )
    expect([unit.responsibleName, grid.responsibleName, member.responsibleName]).toEqual([
      '锦绣区第一中学',
      '第一网格',
      '孙伟',
    ])
    expect(await inbox(XU)).toEqual([unit.id])
    expect(await inbox(P.grid)).toEqual([grid.id])
    expect(await inbox(P.member)).toEqual([member.id])
    expect(JSON.stringify([unit, grid, member])).not.toMatch(/o-(member|grid|liaison)-|responsibleKey/)
    const community = await h.ok<Resolution>(
      'council',
      'resolution.record',
      record('item-5', { type: 'community', id: 'c-hx' }),
      P.secHx,
    )
    expect(await inbox(P.secHx)).toContain(community.id)
  })
})

describe('the party carries it', () => {
  let r: Resolution
  beforeAll(async () => {
    r = await h.ok<Resolution>('council', 'resolution.get', { resolutionId: `res:${meetingId}:item-1` }, P.prop)
  })

  it('tells the party and the secretary they may post, and nobody else', async () => {
    expect(r.canProgress).toBe(true)
    expect((await h.ok<Resolution>('council', 'resolution.get', { resolutionId: r.id }, P.secHx)).canProgress).toBe(
      true,
    )
    expect((await h.ok<Resolution>('council', 'resolution.get', { resolutionId: r.id }, P.liu)).canProgress).toBe(false)
    await h.expectRefused('council', 'resolution.get', { resolutionId: r.id }, QIAN, 'FORBIDDEN')
  })

  it("posts progress with photos it uploaded, signed with the party; another's photo or another party is refused", async () => {
    const photo = await h.photo('council', P.prop)
    const p = await h.ok<Resolution>(
      'council',
      'resolution.progress',
      { resolutionId: r.id, note: '灯具已采购，开始安装', status: 'in_progress', photos: [photo] },
      P.prop,
    )
    expect(p.latestProgress).toMatchObject({ seq: 1, byName: '郑凯', byParty: '安居物业服务有限公司', photos: [photo] })
    const timeline = await h.ok<Page<Progress>>('council', 'resolution.timeline', { resolutionId: r.id }, P.liu)
    expect(timeline.items[0].photos).toEqual([photo])
    const secretaryPhoto = await h.photo('council', P.secHx)
    await h.expectRefused(
      'council',
      'resolution.progress',
      { resolutionId: r.id, note: '借用照片', status: 'in_progress', photos: [secretaryPhoto] },
      P.prop,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'council',
      'resolution.progress',
      { resolutionId: r.id, note: '越权', status: 'in_progress' },
      QIAN,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'council',
      'resolution.progress',
      { resolutionId: `res:${meetingId}:item-2`, note: '越权', status: 'in_progress' },
      P.prop,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'council',
      'resolution.progress',
      { resolutionId: r.id, note: '越权', status: 'in_progress' },
      P.liu,
      'FORBIDDEN',
    )
  })

  it("lands both entries when the party and the secretary post at once, and two of the company's staff at once", async () => {
    await h.db.collection('users').add({
      data: {
        _id: 'o-prop-zheng-2',
        name: '郑敏',
        roles: [
          {
            role: 'property_staff',
            scopeType: 'company',
            scopeId: 'co-1',
            scopeName: '安居物业服务有限公司',
            streetId: 'st-jinxiu',
          },
        ],
        createdAt: T0,
        updatedAt: T0,
      },
    })
    const both = await Promise.all([
      h.call(
        'council',
        'resolution.progress',
        { resolutionId: r.id, note: '物业：1 号楼已装好', status: 'in_progress' },
        P.prop,
      ),
      h.call(
        'council',
        'resolution.progress',
        { resolutionId: r.id, note: '社区：已现场查看', status: 'in_progress' },
        P.secHx,
      ),
    ])
    expect(both.map((x) => x.env.ok)).toEqual([true, true])
    const staff = await Promise.all([
      h.call(
        'council',
        'resolution.progress',
        { resolutionId: r.id, note: '2 号楼已装好', status: 'in_progress' },
        P.prop,
      ),
      h.call(
        'council',
        'resolution.progress',
        { resolutionId: r.id, note: '3 号楼已装好', status: 'in_progress' },
        'o-prop-zheng-2',
      ),
    ])
    expect(staff.map((x) => x.env.ok)).toEqual([true, true])
    const all = await h.ok<Page<Progress>>('council', 'resolution.timeline', { resolutionId: r.id }, P.secHx)
    expect(all.items.map((x) => x.seq)).toEqual([1, 2, 3, 4, 5])
    expect(all.items.map((x) => x.note).sort()).toEqual(
      ['灯具已采购，开始安装', '物业：1 号楼已装好', '社区：已现场查看', '2 号楼已装好', '3 号楼已装好'].sort(),
    )
    expect(all.items.find((x) => x.note === '社区：已现场查看')?.byParty).toBe('社区')
  })

  it('is marked done by the party; it then leaves the open inbox and takes no more progress', async () => {
    const done = await h.ok<Resolution>(
      'council',
      'resolution.progress',
      { resolutionId: r.id, note: '全部安装完成', status: 'done' },
      P.prop,
    )
    expect(done.status).toBe('done')
    expect(await inbox(P.prop)).not.toContain(r.id)
    const everything = await h.ok<Page<Resolution>>('council', 'resolution.inbox', { open: false }, P.prop)
    expect(everything.items.map((x) => x.id)).toContain(r.id)
    await h.expectRefused(
      'council',
      'resolution.progress',
      { resolutionId: r.id, note: '再补一条', status: 'in_progress' },
      P.prop,
      'CONFLICT',
    )
  })

  it('refuses the inbox to a caller without an identity and a malformed page or filter, changing nothing', async () => {
    await h.expectRefused('council', 'resolution.inbox', {}, null, 'UNAUTHENTICATED')
    await h.expectRefused('council', 'resolution.inbox', { pageSize: 10_000 }, P.prop, 'INVALID_INPUT')
    await h.expectRefused('council', 'resolution.inbox', { open: 'yes' }, P.prop, 'INVALID_INPUT')
  })
})

describe('overdue resolutions', () => {
  const overdue = async (input: Record<string, unknown>, who: string) =>
    (await h.ok<Page<Resolution>>('council', 'resolution.overdue', input, who)).items.map((r) => r.id)
  let late: Resolution

  beforeAll(async () => {
    late = await h.ok<Resolution>(
      'council',
      'resolution.record',
      record('item-6', { type: 'company', id: 'co-1' }, { deadline: dateIn(3) }),
      P.secHx,
    )
  })

  it('is not overdue on its deadline day, and is from the next', async () => {
    h.setNow(new Date(`${dateIn(3)}T23:00:00+08:00`))
    expect(await overdue({ communityId: 'c-hx' }, P.secHx)).not.toContain(late.id)
    h.setNow(new Date(`${dateIn(4)}T00:00:00+08:00`))
    expect(await overdue({ communityId: 'c-hx' }, P.secHx)).toContain(late.id)
    expect((await h.ok<Resolution>('council', 'resolution.get', { resolutionId: late.id }, P.liu)).overdue).toBe(true)
  })

  it("shows on the secretary's home and in the street admin's overdue queue and home", async () => {
    h.setNow(new Date(T0.getTime() + 20 * DAY))
    expect(await overdue({ streetId: 'st-jinxiu' }, P.admin)).toContain(late.id)
    expect(await homeKinds(P.secHx)).toContain('overdueResolutions')
    expect(await homeKinds(P.admin)).toContain('overdueResolutions')
    // Done ones leave the queue.
    await h.ok('council', 'resolution.progress', { resolutionId: late.id, note: '补办完成', status: 'done' }, P.prop)
    expect(await overdue({ streetId: 'st-jinxiu' }, P.admin)).not.toContain(late.id)
  })

  it("refuses the queue to residents, another community's secretary, an admin of nothing asked, and both scopes at once", async () => {
    await h.expectRefused('council', 'resolution.overdue', { communityId: 'c-hx' }, P.liu, 'FORBIDDEN')
    await h.expectRefused('council', 'resolution.overdue', { communityId: 'c-hx' }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('council', 'resolution.overdue', { communityId: 'c-hx' }, P.admin, 'FORBIDDEN')
    await h.expectRefused('council', 'resolution.overdue', { streetId: 'st-jinxiu' }, P.secHx, 'FORBIDDEN')
    await h.expectRefused(
      'council',
      'resolution.overdue',
      { communityId: 'c-hx', streetId: 'st-jinxiu' },
      P.admin,
      'INVALID_INPUT',
    )
    await h.expectRefused('council', 'resolution.overdue', {}, P.admin, 'INVALID_INPUT')
  })
})
