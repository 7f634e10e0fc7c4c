import type { Envelope } from '../../../types'
import { openCloud, P, rid, type Cloud } from '../harness'
import { at, interleave } from '../interleave'

/**
 * Ending roles (issue 12 §1): the level above ends what it could give, a person steps down from their
 * own role, an ended grant stops working at the person's very next call and is kept as history (who,
 * when, why) that the person reads on 我的. Every ending goes through shared/grants.ts.
 */

type Holder = { grantId: string; role: string; name: string; since?: string; self: boolean }
type History = {
  id: string
  role: string
  scopeName: string
  kind: string
  reason?: string
  endedByName: string
  since?: string
  endedAt: string
}
type Me = { roles: { role: string; scopeId: string; grantId?: string; since?: string }[] }
type Page<T> = { items: T[]; total: number }

const code = (e: Envelope<unknown>) => (e.ok ? 'OK' : e.error.code)

async function holders(h: Cloud, scopeId: string, role: string, by: string): Promise<Holder[]> {
  return (await h.ok<Page<Holder>>('org', 'role.holders', { scopeId, role }, by)).items
}
async function grantOf(h: Cloud, openid: string, role: string, scopeId: string): Promise<string> {
  const me = await h.ok<Me>('org', 'me', {}, openid)
  const g = me.roles.find((x) => x.role === role && x.scopeId === scopeId)
  if (!g?.grantId) throw new Error(`${openid} holds no ${role} on ${scopeId}`)
  return g.grantId
}
async function historyOf(h: Cloud, openid: string): Promise<History[]> {
  return (await h.ok<Page<History>>('org', 'role.history', {}, openid)).items
}

describe('who holds what, for the level above', () => {
  let h: Cloud
  beforeAll(async () => {
    h = await openCloud()
  })
  afterAll(() => h.close())

  it('lists a community’s secretaries to the street admin by name and grant id, never an openid', async () => {
    const page = await h.ok<Page<Holder>>('org', 'role.holders', { scopeId: 'c-hx', role: 'secretary' }, P.admin)
    expect(page.total).toBe(1)
    expect(page.items[0]).toMatchObject({ role: 'secretary', name: '王秀英', self: false })
    expect(page.items[0].grantId).toMatch(/^gr_/)
    expect(page.items[0].since).toBeDefined()
    expect(JSON.stringify(page)).not.toMatch(/o-sec-hx/)
  })

  it('lists the community’s members, liaisons and grid staff to its secretary, and the staff of a company serving it', async () => {
    expect((await holders(h, 'c-hx', 'member', P.secHx)).map((x) => x.name)).toContain('孙伟')
    expect((await holders(h, 'u-hx-1', 'unit_liaison', P.secHx)).map((x) => x.name)).toEqual(['吴敏'])
    expect((await holders(h, 'g-hx-1', 'grid_worker', P.secHx)).map((x) => x.name)).toContain('黄丽')
    expect((await holders(h, 'co-2', 'property_staff', P.secHx)).map((x) => x.name)).toEqual(['钱进'])
    expect((await holders(h, 'st-jinxiu', 'street_admin', P.admin))[0]).toMatchObject({ name: '赵立新', self: true })
  })

  it('refuses anyone not above the role, and changes nothing', async () => {
    await h.expectRefused('org', 'role.holders', { scopeId: 'c-hx', role: 'secretary' }, P.secHx, 'FORBIDDEN')
    await h.expectRefused('org', 'role.holders', { scopeId: 'c-hx', role: 'member' }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('org', 'role.holders', { scopeId: 'co-1', role: 'property_staff' }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('org', 'role.holders', { scopeId: 'c-hx', role: 'member' }, P.liu, 'FORBIDDEN')
    await h.expectRefused('org', 'role.holders', { scopeId: 'c-none', role: 'member' }, P.secHx, 'NOT_FOUND')
    await h.expectRefused('org', 'role.holders', { scopeId: 'c-hx', role: 'resident' }, P.secHx, 'INVALID_INPUT')
  })
})

describe('the level above ends a grant', () => {
  let h: Cloud
  beforeAll(async () => {
    h = await openCloud()
  })
  afterAll(() => h.close())

  it('ends property staff: the very next call is FORBIDDEN, and the history says who, when and why', async () => {
    expect(code((await h.call('property', 'rating.inbox', { companyId: 'co-1' }, P.prop)).env)).toBe('OK')
    const grantId = (await holders(h, 'co-1', 'property_staff', P.admin))[0].grantId
    const ended = await h.ok<History>('org', 'role.end', { grantId, reason: '合同到期，已离职' }, P.admin)
    expect(ended).toMatchObject({
      role: 'property_staff',
      scopeName: '安居物业服务有限公司',
      kind: 'ended',
      reason: '合同到期，已离职',
      endedByName: '街道管理员 赵立新',
    })
    expect((await h.call('property', 'rating.inbox', { companyId: 'co-1' }, P.prop)).env).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    const me = await h.ok<Me>('org', 'me', {}, P.prop)
    expect(me.roles).toEqual([])
    const history = await historyOf(h, P.prop)
    expect(history).toEqual([
      expect.objectContaining({
        role: 'property_staff',
        kind: 'ended',
        reason: '合同到期，已离职',
        endedByName: '街道管理员 赵立新',
      }),
    ])
    expect(history[0].since).toBeDefined()
    expect(await holders(h, 'co-1', 'property_staff', P.admin)).toEqual([])
  })

  it('refuses ending it again with CONFLICT and changes nothing', async () => {
    const [entry] = await historyOf(h, P.prop)
    const grantId = entry.id.replace(/^end:/, '')
    await h.expectRefused('org', 'role.end', { grantId, reason: '再来一次' }, P.admin, 'CONFLICT')
  })

  it('lets the secretary end staff of a company serving the community, a liaison and grid staff of the community', async () => {
    await h.ok(
      'org',
      'role.end',
      { grantId: await grantOf(h, 'o-prop-qian', 'property_staff', 'co-2'), reason: '物业公司调整人员' },
      P.secHx,
    )
    expect(code((await h.call('property', 'rating.inbox', { companyId: 'co-2' }, 'o-prop-qian')).env)).toBe('FORBIDDEN')
    await h.ok(
      'org',
      'role.end',
      { grantId: await grantOf(h, P.liaison, 'unit_liaison', 'u-hx-1'), reason: '单位更换联络员' },
      P.secHx,
    )
    expect(code((await h.call('service', 'letter.ack', { letterId: 'fl:u-hx-1:2026-Q3:v1' }, P.liaison)).env)).toBe(
      'FORBIDDEN',
    )
    await h.ok(
      'org',
      'role.end',
      { grantId: await grantOf(h, P.grid, 'grid_worker', 'g-hx-1'), reason: '调往其他社区' },
      P.secHx,
    )
    const { data } = await h.db.collection('grid_staff').where({ gridId: 'g-hx-1', openid: P.grid }).get()
    expect((data as { status: string }[]).map((s) => s.status)).toEqual(['removed'])
    const { data: lock } = await h.db.collection('grid_staff').where({ _id: 'gl:g-hx-1' }).get()
    expect((lock[0] as { leaderOpenid: string | null }).leaderOpenid).toBeNull()
  })

  it('ends a member’s check-in with its reason: the 报到 shows it ended, and member actions are FORBIDDEN', async () => {
    await h.ok(
      'org',
      'role.end',
      { grantId: await grantOf(h, P.member, 'member', 'c-hx'), reason: '已调离本社区' },
      P.secHx,
    )
    const mine = await h.ok<{ status: string; reason?: string; approvedYear?: number }>(
      'service',
      'member.mine',
      {},
      P.member,
    )
    expect(mine).toMatchObject({ status: 'ended', reason: '已调离本社区' })
    expect(mine.approvedYear).toBeUndefined()
    expect(code((await h.call('service', 'activity.signup', { activityId: 'act-any' }, P.member)).env)).toBe(
      'FORBIDDEN',
    )
    const approved = await h.ok<Page<{ name: string }>>(
      'service',
      'member.list',
      { communityId: 'c-hx', status: 'approved', pageSize: 50 },
      P.secHx,
    )
    expect(approved.items.map((m) => m.name)).not.toContain('孙伟')
  })

  it('lets a member whose check-in ended check in again', async () => {
    const again = await h.ok<{ status: string }>(
      'service',
      'member.checkin',
      {
        requestId: rid(),
        name: '孙伟',
        communityId: 'c-hx',
        unitName: '锦绣区人民医院',
        skills: ['义诊'],
        availability: '周末',
      },
      P.member,
    )
    expect(again.status).toBe('pending')
  })

  it('lets the street admin end a secretary, who is FORBIDDEN from the next call', async () => {
    const grantId = (await holders(h, 'c-yg', 'secretary', P.admin))[0].grantId
    await h.ok('org', 'role.end', { grantId, reason: '换届' }, P.admin)
    expect(code((await h.call('org', 'binding.listPending', { communityId: 'c-yg' }, P.secYg)).env)).toBe('FORBIDDEN')
  })

  it('refuses the wrong level, a resident’s role, a missing reason and an unknown grant, and changes nothing', async () => {
    const secHx = await grantOf(h, P.secHx, 'secretary', 'c-hx')
    await h.expectRefused('org', 'role.end', { grantId: secHx, reason: '越级' }, P.secHx, 'FORBIDDEN')
    await h.expectRefused(
      'org',
      'role.end',
      { grantId: await grantOf(h, P.admin, 'street_admin', 'st-jinxiu'), reason: '越级' },
      P.secHx,
      'FORBIDDEN',
    )
    await h.expectRefused('org', 'role.end', { grantId: secHx, reason: '越级' }, P.liu, 'FORBIDDEN')
    await h.expectRefused(
      'org',
      'role.end',
      { grantId: await grantOf(h, P.liu, 'resident', 'h-hx-1-1-101'), reason: '搬走了' },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused('org', 'role.end', { grantId: secHx, reason: '  ' }, P.admin, 'INVALID_INPUT')
    await h.expectRefused('org', 'role.end', { grantId: 'gr_nope', reason: '不存在' }, P.admin, 'NOT_FOUND')
  })
})

describe('stepping down', () => {
  let h: Cloud
  beforeAll(async () => {
    h = await openCloud()
  })
  afterAll(() => h.close())

  it('lets a grid worker step down: the post is kept as removed and the history says 本人辞去', async () => {
    const me = await h.ok<Me>(
      'org',
      'role.stepDown',
      { grantId: await grantOf(h, P.grid, 'grid_worker', 'g-hx-1'), reason: '身体原因' },
      P.grid,
    )
    expect(me.roles).toEqual([])
    expect(await historyOf(h, P.grid)).toEqual([
      expect.objectContaining({ role: 'grid_worker', kind: 'stepped_down', endedByName: '本人', reason: '身体原因' }),
    ])
    expect(code((await h.call('grid', 'event.board', { gridId: 'g-hx-1' }, P.grid)).env)).toBe('FORBIDDEN')
  })

  it('refuses a resident (who leaves the household instead), someone else’s grant and an ended one, and changes nothing', async () => {
    await h.expectRefused(
      'org',
      'role.stepDown',
      { grantId: await grantOf(h, P.liu, 'resident', 'h-hx-1-1-101') },
      P.liu,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'org',
      'role.stepDown',
      { grantId: await grantOf(h, P.secHx, 'secretary', 'c-hx') },
      P.liu,
      'NOT_FOUND',
    )
    const [ended] = await historyOf(h, P.grid)
    await h.expectRefused('org', 'role.stepDown', { grantId: ended.id.replace(/^end:/, '') }, P.grid, 'CONFLICT')
  })

  it('never leaves a street without an admin: the last one cannot step down or be ended', async () => {
    const admin = await grantOf(h, P.admin, 'street_admin', 'st-jinxiu')
    const err = await h.expectRefused('org', 'role.stepDown', { grantId: admin }, P.admin, 'CONFLICT')
    expect(err?.message).toMatch(/至少要保留一位街道管理员/)
    await h.expectRefused('org', 'role.end', { grantId: admin, reason: '自己免自己' }, P.admin, 'CONFLICT')
  })
})

describe('races', () => {
  let h: Cloud
  beforeAll(async () => {
    h = await openCloud()
  })
  afterAll(() => h.close())

  /** A second admin of the street, invited by the first. */
  async function secondAdmin(openid: string): Promise<string> {
    const inv = await h.ok<{ code: string }>(
      'org',
      'invitation.create',
      { requestId: rid(), role: 'street_admin', scopeId: 'st-jinxiu', ttlHours: 24 },
      P.admin,
    )
    await h.ok('org', 'invitation.redeem', { code: inv.code, name: '钟晓' }, openid)
    return grantOf(h, openid, 'street_admin', 'st-jinxiu')
  }

  it('ends a grant once when two people end it at the same moment: one history record, the other CONFLICT', async () => {
    const grantId = await grantOf(h, P.grid, 'grid_worker', 'g-hx-1')
    const [a, b] = await Promise.all([
      h.call('org', 'role.end', { grantId, reason: '第一次' }, P.secHx),
      h.call('org', 'role.stepDown', { grantId, reason: '第二次' }, P.grid),
    ])
    expect([code(a.env), code(b.env)].sort()).toEqual(['CONFLICT', 'OK'])
    const { total } = await h.db.collection('role_history').where({ grantId }).count()
    expect(total).toBe(1)
  })

  it('keeps one admin when two admins end each other at the same moment', async () => {
    const other = 'o-admin-two'
    const otherGrant = await secondAdmin(other)
    const mine = await grantOf(h, P.admin, 'street_admin', 'st-jinxiu')
    // The first end is held just before its commit while the second runs to its end.
    const [a, b] = await interleave(
      at.commit(P.admin),
      () => h.call('org', 'role.end', { grantId: otherGrant, reason: '互免' }, P.admin),
      () => h.call('org', 'role.end', { grantId: mine, reason: '互免' }, other),
    )
    expect([code(a.env), code(b.env)]).toEqual(['OK', 'CONFLICT'])
    const { total } = await h.db
      .collection('users')
      .where({ roles: h.db.command.elemMatch({ role: 'street_admin', scopeId: 'st-jinxiu' }) })
      .count()
    expect(total).toBe(1)
  })

  it('keeps one admin when both admins step down at the same moment', async () => {
    const other = 'o-admin-three'
    const otherGrant = await secondAdmin(other)
    const remaining = (await holders(h, 'st-jinxiu', 'street_admin', other)).find((x) => !x.self)!
    const remainingOpenid = remaining.name === '赵立新' ? P.admin : 'o-admin-two'
    const [a, b] = await Promise.all([
      h.call('org', 'role.stepDown', { grantId: otherGrant }, other),
      h.call('org', 'role.stepDown', { grantId: remaining.grantId }, remainingOpenid),
    ])
    expect([code(a.env), code(b.env)].sort()).toEqual(['CONFLICT', 'OK'])
    const { total } = await h.db
      .collection('users')
      .where({ roles: h.db.command.elemMatch({ role: 'street_admin', scopeId: 'st-jinxiu' }) })
      .count()
    expect(total).toBe(1)
  })

  it('lets an action that was checked before the end commit, and refuses the next one', async () => {
    const stars = { cleaning: 3, order: 3, repairs: 3, greening: 3, attitude: 3, fees: 3 }
    const rated = await h.ok<{ id: string }>(
      'property',
      'rating.submit',
      {
        requestId: rid(),
        periodId: 'per:st-jinxiu:2026-11',
        householdId: 'h-hx-1-1-101',
        stars,
        comment: '楼道灯坏了',
      },
      P.liu,
    )
    const ratingId = rated.id
    const grantId = await grantOf(h, P.prop, 'property_staff', 'co-1')
    // The answer is held just before its write; the end commits meanwhile; then the answer goes on.
    const [answer, end] = await interleave(
      at.txWrite(P.prop, 'property_ratings'),
      () => h.call('property', 'rating.answer', { ratingId, text: '已安排维修' }, P.prop),
      () => h.call('org', 'role.end', { grantId, reason: '离职' }, P.admin),
    )
    expect(code(end.env)).toBe('OK')
    expect(code(answer.env)).toBe('OK')
    expect((await h.call('property', 'rating.answer', { ratingId, text: '再答一次' }, P.prop)).env).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    const { data } = await h.db.collection('property_ratings').where({ publicId: ratingId }).get()
    expect((data[0] as { answer: string }).answer).toBe('已安排维修')
  })
})

describe('grid staff.remove ends the grant through the same function', () => {
  let h: Cloud
  beforeAll(async () => {
    h = await openCloud()
  })
  afterAll(() => h.close())

  it('ends the grid_worker grant with the last post, with history; the person is FORBIDDEN next', async () => {
    const staff = await h.ok<{ items: { id: string; name: string; post: string }[] }>(
      'grid',
      'staff.list',
      { gridId: 'g-hx-1' },
      P.secHx,
    )
    const huang = staff.items.find((s) => s.name === '黄丽')!
    await h.ok('grid', 'staff.remove', { staffId: huang.id, reason: '网格调整' }, P.secHx)
    expect(await historyOf(h, P.grid)).toEqual([
      expect.objectContaining({
        role: 'grid_worker',
        kind: 'ended',
        reason: '网格调整',
        endedByName: '社区书记 王秀英',
      }),
    ])
    expect(code((await h.call('grid', 'event.board', { gridId: 'g-hx-1' }, P.grid)).env)).toBe('FORBIDDEN')
  })
})
