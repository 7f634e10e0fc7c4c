import { ids } from '../../../cloudfunctions/grid/repo'
import { GRID_PEOPLE } from '../../../local/seed/grid'
import type {
  EventView,
  GridSettingsView,
  GridStatsView,
  StaffInvitationView,
  StaffView,
  SummonsView,
  WhistleRecordView,
} from '../../../types/grid'
import type { MeView } from '../../../types/org'
import { memberRecordId } from '../../../cloudfunctions/shared/pseudonym'
import { JPEG, openCloud, P, RISKY_PNG, rid, T0, type Cloud } from '../harness'
import { expectPersonalDataRegistered } from '../personal-data'
import { appoint } from './appoint'

/** Every grid action: success, refusal by role and by scope with nothing changed, bad input, races. */

const at = (h: number) => new Date(T0.getTime() + h * 3600_000)
const WORKER1_G2 = GRID_PEOPLE.worker2
const LEADER_G2 = 'o-grid-hx-2-ld'
const XU = GRID_PEOPLE.liaisonXu
const PROP2 = 'o-prop-twin'

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
  // A second staff member of co-1, for the race of two handlers accepting one event.
  await h.db.collection('users').add({
    data: {
      _id: PROP2,
      name: '郑双',
      roles: [
        { role: 'property_staff', scopeType: 'company', scopeId: 'co-1', scopeName: '物业', streetId: 'st-jinxiu' },
      ],
      createdAt: T0,
      updatedAt: T0,
    },
  })
})
afterAll(() => h.close())
afterEach(() => h.setNow(T0))

const report = (openid: string, over: Record<string, unknown> = {}) =>
  h.ok<EventView>(
    'grid',
    'event.report',
    {
      requestId: rid(),
      gridId: 'g-hx-2',
      buildingId: 'b-hx-1-2',
      place: '2号楼门口',
      category: 'facility',
      description: '路灯不亮',
      photos: [],
      urgency: 'urgent',
      ...over,
    },
    openid,
  )
const assigned = async (handler = { type: 'company', id: 'co-1' }) => {
  const e = await report(WORKER1_G2)
  return h.ok<EventView>('grid', 'event.assign', { eventId: e.id, handler }, P.secHx)
}

describe('settings', () => {
  it('defaults to 24 h / 72 h and a 24 h whistle window', async () => {
    expect(await h.ok<GridSettingsView>('grid', 'settings.get', { streetId: 'st-jinxiu' }, P.liu)).toEqual({
      streetId: 'st-jinxiu',
      urgentHours: 24,
      normalHours: 72,
      whistleWindowHours: 24,
    })
  })
  it('refuses non-admins and other streets, and urgent longer than normal, changing nothing', async () => {
    await h.expectRefused(
      'grid',
      'settings.set',
      { streetId: 'st-jinxiu', urgentHours: 12, normalHours: 48, whistleWindowHours: 12 },
      P.secHx,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'grid',
      'settings.set',
      { streetId: 'st-other', urgentHours: 12, normalHours: 48, whistleWindowHours: 12 },
      P.admin,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'grid',
      'settings.set',
      { streetId: 'st-jinxiu', urgentHours: 50, normalHours: 48, whistleWindowHours: 12 },
      P.admin,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'grid',
      'settings.set',
      { streetId: 'st-jinxiu', urgentHours: 0, normalHours: 48, whistleWindowHours: 12 },
      P.admin,
      'INVALID_INPUT',
    )
  })
  it('lets the street admin change them, and new assignments follow', async () => {
    await h.ok(
      'grid',
      'settings.set',
      { streetId: 'st-jinxiu', urgentHours: 12, normalHours: 48, whistleWindowHours: 6 },
      P.admin,
    )
    const e = await assigned()
    expect(e.deadline).toBe(at(12).toISOString())
    await h.ok(
      'grid',
      'settings.set',
      { streetId: 'st-jinxiu', urgentHours: 24, normalHours: 72, whistleWindowHours: 24 },
      P.admin,
    )
    const e2 = await assigned()
    expect(e2.deadline).toBe(at(24).toISOString())
  })
})

describe('grid staff', () => {
  it('lists the branch secretary, leader, worker and cadre of a grid', async () => {
    const g1 = await h.ok<{ items: StaffView[] }>('grid', 'staff.list', { gridId: 'g-hx-1' }, P.liu)
    expect(g1.items.map((s) => s.post)).toEqual(['branch_secretary', 'leader', 'worker', 'cadre'])
    expect(g1.items.find((s) => s.post === 'leader')!.name).toBe('黄丽')
    // Names and posts for everyone, the secretary included: no openid, not even inside a record id.
    expect(JSON.stringify(g1)).not.toContain('o-grid-huang')
    const bySecretary = await h.ok<{ items: StaffView[] }>('grid', 'staff.list', { gridId: 'g-hx-1' }, P.secHx)
    expect(bySecretary.items.find((s) => s.post === 'leader')!.name).toBe('黄丽')
    expect(JSON.stringify(bySecretary)).not.toContain('o-grid-huang')
  })
  it('makes a single-use code for a post, and the person who redeems it takes it up with the grid_worker role', async () => {
    const inv = await h.ok<StaffInvitationView>(
      'grid',
      'staff.appoint',
      { requestId: rid(), gridId: 'g-hx-3', post: 'worker' },
      P.secHx,
    )
    expect(inv).toMatchObject({ gridId: 'g-hx-3', gridName: '第三网格', post: 'worker', status: 'open' })
    expect(inv.code).toMatch(/^[A-Z2-9]{8}$/)
    expect(inv.qrText).toBe(`txinvite:${inv.code}`)
    // Nobody holds the post until the code is used.
    expect((await h.ok<MeView>('org', 'me', {}, P.member)).roles.some((g) => g.role === 'grid_worker')).toBe(false)
    const me = await h.ok<MeView>('org', 'invitation.redeem', { code: inv.code, name: '孙伟' }, P.member)
    expect(me.roles).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: 'grid_worker', scopeId: 'g-hx-3', communityId: 'c-hx' }),
      ]),
    )
    const list = await h.ok<{ items: StaffView[] }>('grid', 'staff.list', { gridId: 'g-hx-3' }, P.secHx)
    expect(list.items.find((s) => s.id === ids.staff('g-hx-3', P.member, 'worker'))).toMatchObject({
      name: '孙伟',
      post: 'worker',
    })
    const { total } = await h.db
      .collection('audit')
      .where({ target: `grid_staff/${ids.staff('g-hx-3', P.member, 'worker')}` })
      .count()
    expect(total).toBe(1)
    // The code is spent; a second code for a post already held is refused on use, and neither changes anything.
    await h.expectRefused('org', 'invitation.redeem', { code: inv.code, name: '别人' }, P.zhang, 'CONFLICT')
    const again = await h.ok<StaffInvitationView>(
      'grid',
      'staff.appoint',
      { requestId: rid(), gridId: 'g-hx-3', post: 'worker' },
      P.secHx,
    )
    await h.expectRefused('org', 'invitation.redeem', { code: again.code, name: '孙伟' }, P.member, 'CONFLICT')
  })
  it('reveals nothing about people: no phone or openid is taken, and the code names nobody', async () => {
    const withPhone = await h.ok<StaffInvitationView>(
      'grid',
      'staff.appoint',
      { requestId: rid(), gridId: 'g-hx-3', post: 'cadre', phone: '13800000004', openid: P.liu },
      P.secHx,
    )
    const unknownPhone = await h.ok<StaffInvitationView>(
      'grid',
      'staff.appoint',
      { requestId: rid(), gridId: 'g-hx-3', post: 'cadre', phone: '13999999999' },
      P.secHx,
    )
    const shape = (v: StaffInvitationView) =>
      Object.keys(v)
        .filter((k) => v[k as keyof StaffInvitationView] !== undefined)
        .sort()
    expect(shape(withPhone)).toEqual(shape(unknownPhone))
    expect(JSON.stringify(withPhone)).not.toMatch(/刘芳|o-res-liu|13800000004/)
  })
  it('refuses another community, a non-secretary, a second leader, unknown grids, bad posts and long lives, changing nothing', async () => {
    const base = { requestId: rid(), gridId: 'g-hx-3', post: 'worker' }
    await h.expectRefused('grid', 'staff.appoint', base, P.secYg, 'FORBIDDEN')
    await h.expectRefused('grid', 'staff.appoint', base, P.grid, 'FORBIDDEN')
    await h.expectRefused('grid', 'staff.appoint', { ...base, gridId: 'g-hx-1', post: 'leader' }, P.secHx, 'CONFLICT')
    await h.expectRefused('grid', 'staff.appoint', { ...base, gridId: 'g-none' }, P.secHx, 'NOT_FOUND')
    await h.expectRefused('grid', 'staff.appoint', { ...base, post: 'boss' }, P.secHx, 'INVALID_INPUT')
    await h.expectRefused('grid', 'staff.appoint', { ...base, ttlHours: 24 * 8 }, P.secHx, 'INVALID_INPUT')
    await h.expectRefused('grid', 'staff.appoint', { gridId: 'g-hx-3', post: 'worker' }, P.secHx, 'INVALID_INPUT')
    await h.expectRefused('grid', 'staff.appoint', { ...base, title: '违禁词' }, P.secHx, 'CONTENT_REJECTED')
  })
  it('refuses an expired code, changing nothing', async () => {
    const inv = await h.ok<StaffInvitationView>(
      'grid',
      'staff.appoint',
      { requestId: rid(), gridId: 'g-hx-5', post: 'worker', ttlHours: 1 },
      P.secHx,
    )
    h.setNow(at(2))
    await h.expectRefused('org', 'invitation.redeem', { code: inv.code, name: '张德福' }, P.zhang, 'CONFLICT')
  })
  it('lists the grid’s codes to its secretary, masked, with who used them', async () => {
    const page = await h.ok<{ items: StaffInvitationView[]; total: number }>(
      'grid',
      'staff.invitations',
      { gridId: 'g-hx-3' },
      P.secHx,
    )
    expect(page.total).toBeGreaterThanOrEqual(4)
    expect(page.items.every((i) => /^[A-Z2-9]{2}\*{4}[A-Z2-9]{2}$/.test(i.code) && i.qrText === undefined)).toBe(true)
    expect(page.items.filter((i) => i.status === 'used').map((i) => i.usedByName)).toEqual(['孙伟'])
    await h.expectRefused('grid', 'staff.invitations', { gridId: 'g-hx-3' }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('grid', 'staff.invitations', { gridId: 'g-hx-3' }, P.grid, 'FORBIDDEN')
    await h.expectRefused('grid', 'staff.invitations', { gridId: 'g-hx-3', pageSize: 51 }, P.secHx, 'INVALID_INPUT')
  })
  it('shows the code among the community’s issued codes, as its post', async () => {
    const page = await h.ok<{ items: { role: string; post?: string; scopeName: string }[] }>(
      'org',
      'invitation.list',
      { scopeId: 'c-hx' },
      P.secHx,
    )
    expect(page.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: 'grid_worker', post: 'worker', scopeName: '和谐社区 第三网格' }),
      ]),
    )
  })
  it('removes a post keeping the record and withdraws the role', async () => {
    const id = await appoint(h, 'g-hx-4', P.zhang, 'cadre', '张德福', '社区民警')
    await h.expectRefused('grid', 'staff.remove', { staffId: id }, P.secYg, 'FORBIDDEN')
    await h.ok('grid', 'staff.remove', { staffId: id }, P.secHx)
    const me = await h.ok<MeView>('org', 'me', {}, P.zhang)
    expect(me.roles.some((g) => g.role === 'grid_worker' && g.scopeId === 'g-hx-4')).toBe(false)
    const { data } = await h.db.collection('grid_staff').where({ _id: id }).get()
    expect(data[0]).toMatchObject({ status: 'removed', title: '社区民警' })
    await h.expectRefused('grid', 'staff.remove', { staffId: id }, P.secHx, 'CONFLICT')
  })
})

describe('reporting', () => {
  it('lets a verified resident and the member responsible for the grid report, and refuses others, changing nothing', async () => {
    expect((await report(P.liu)).reporterName).toBe('刘芳')
    // 孙伟's 报到 record names 第三网格 and its 3号楼 (local/seed/service.ts): he reports there, not on 第二网格.
    expect((await report(P.member, { gridId: 'g-hx-3', buildingId: 'b-hx-1-3' })).status).toBe('reported')
    await h.expectRefused(
      'grid',
      'event.report',
      {
        requestId: rid(),
        gridId: 'g-hx-2',
        place: '门口',
        category: 'other',
        description: '噪音',
        photos: [],
        urgency: 'normal',
      },
      P.member,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'grid',
      'event.report',
      {
        requestId: rid(),
        gridId: 'g-yg-1',
        place: '门口',
        category: 'other',
        description: '噪音',
        photos: [],
        urgency: 'normal',
      },
      P.liu,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'grid',
      'event.report',
      {
        requestId: rid(),
        gridId: 'g-hx-2',
        place: '门口',
        category: 'other',
        description: '噪音',
        photos: [],
        urgency: 'normal',
      },
      P.zhou,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'grid',
      'event.report',
      {
        requestId: rid(),
        gridId: 'g-hx-2',
        place: '门口',
        category: 'other',
        description: '噪音',
        photos: [],
        urgency: 'normal',
      },
      P.grid,
      'FORBIDDEN',
    )
  })
  it('refuses bad input and risky text, changing nothing', async () => {
    const base = {
      requestId: rid(),
      gridId: 'g-hx-2',
      place: '门口',
      category: 'other',
      description: '噪音',
      photos: [],
      urgency: 'normal',
    }
    await h.expectRefused('grid', 'event.report', { ...base, buildingId: 'b-hx-1-1' }, WORKER1_G2, 'INVALID_INPUT')
    await h.expectRefused('grid', 'event.report', { ...base, category: 'weather' }, WORKER1_G2, 'INVALID_INPUT')
    await h.expectRefused('grid', 'event.report', { ...base, description: '' }, WORKER1_G2, 'INVALID_INPUT')
    await h.expectRefused(
      'grid',
      'event.report',
      { ...base, photos: ['http://evil/x.jpg'] },
      WORKER1_G2,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'grid',
      'event.report',
      { ...base, description: '这里有违禁词' },
      WORKER1_G2,
      'CONTENT_REJECTED',
    )
  })
  it('returns the first result for a repeated requestId', async () => {
    const input = {
      requestId: rid(),
      gridId: 'g-hx-2',
      place: '门口',
      category: 'other',
      description: '重复提交',
      photos: [],
      urgency: 'normal',
    }
    const a = await h.ok<EventView>('grid', 'event.report', input, WORKER1_G2)
    const b = await h.ok<EventView>('grid', 'event.report', input, WORKER1_G2)
    expect(b.id).toBe(a.id)
  })
  it('shows an event to its people only', async () => {
    const e = await report(P.liu)
    expect((await h.ok<{ event: EventView }>('grid', 'event.get', { eventId: e.id }, P.liu)).event.mine).toBe(true)
    expect((await h.ok<{ canAssign: boolean }>('grid', 'event.get', { eventId: e.id }, LEADER_G2)).canAssign).toBe(true)
    expect((await h.ok<{ canAssign: boolean }>('grid', 'event.get', { eventId: e.id }, WORKER1_G2)).canAssign).toBe(
      false,
    )
    await h.expectRefused('grid', 'event.get', { eventId: e.id }, P.zhang, 'FORBIDDEN')
    await h.expectRefused('grid', 'event.get', { eventId: e.id }, P.secYg, 'FORBIDDEN')
  })
})

describe('dispatch', () => {
  it('lets the grid leader assign on the grid and refuses a plain worker and other communities, changing nothing', async () => {
    const e = await report(P.liu)
    await h.expectRefused(
      'grid',
      'event.assign',
      { eventId: e.id, handler: { type: 'community', id: 'c-hx' } },
      WORKER1_G2,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'grid',
      'event.assign',
      { eventId: e.id, handler: { type: 'community', id: 'c-hx' } },
      P.grid,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'grid',
      'event.assign',
      { eventId: e.id, handler: { type: 'community', id: 'c-hx' } },
      P.secYg,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'grid',
      'event.assign',
      { eventId: e.id, handler: { type: 'community', id: 'c-hx' } },
      P.liu,
      'FORBIDDEN',
    )
    const a = await h.ok<EventView>(
      'grid',
      'event.assign',
      { eventId: e.id, handler: { type: 'unit', id: 'u-hx-2' } },
      LEADER_G2,
    )
    expect(a).toMatchObject({
      status: 'assigned',
      handler: { type: 'unit', id: 'u-hx-2' },
      deadline: at(24).toISOString(),
    })
  })
  it('refuses handlers outside the event: another estate’s company, a unit not responsible for the grid, a non-member', async () => {
    const e = await report(P.liu)
    await h.expectRefused(
      'grid',
      'event.assign',
      { eventId: e.id, handler: { type: 'company', id: 'co-2' } },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'grid',
      'event.assign',
      { eventId: e.id, handler: { type: 'unit', id: 'u-hx-1' } },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'grid',
      'event.assign',
      { eventId: e.id, handler: { type: 'member', id: P.liu } },
      P.secHx,
      'INVALID_INPUT',
    )
    // A member is named by their 报到 record id: a bare openid, a resident's would-be record, another community's member are refused.
    await h.expectRefused(
      'grid',
      'event.assign',
      { eventId: e.id, handler: { type: 'member', id: P.member } },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'grid',
      'event.assign',
      { eventId: e.id, handler: { type: 'member', id: memberRecordId(P.liu) } },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'grid',
      'event.assign',
      { eventId: e.id, handler: { type: 'member', id: memberRecordId('o-svc-m-yg-1') } },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'grid',
      'event.assign',
      { eventId: e.id, handler: { type: 'community', id: 'c-yg' } },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'grid',
      'event.assign',
      { eventId: e.id, handler: { type: 'nobody', id: 'x' } },
      P.secHx,
      'INVALID_INPUT',
    )
  })
  it('assigns a member, who sees it in the inbox; the board lists by grid for the leader', async () => {
    const e = await report(P.liu, { urgency: 'normal' })
    const sun = (
      await h.ok<{ items: { id: string; name: string }[] }>(
        'grid',
        'event.members',
        { eventId: e.id, pageSize: 50 },
        P.secHx,
      )
    ).items.find((m) => m.name === '孙伟')!
    const a = await h.ok<EventView>(
      'grid',
      'event.assign',
      { eventId: e.id, handler: { type: 'member', id: sun.id } },
      P.secHx,
    )
    expect(a.deadline).toBe(at(72).toISOString())
    const inbox = await h.ok<{ items: EventView[] }>('grid', 'event.inbox', {}, P.member)
    expect(inbox.items.map((x) => x.id)).toContain(e.id)
    const board = await h.ok<{ items: EventView[] }>('grid', 'event.board', { gridId: 'g-hx-2' }, LEADER_G2)
    expect(board.items.map((x) => x.id)).toContain(e.id)
    await h.expectRefused('grid', 'event.board', { gridId: 'g-hx-2' }, P.grid, 'FORBIDDEN')
    await h.expectRefused('grid', 'event.board', { communityId: 'c-hx' }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('grid', 'event.board', {}, P.secHx, 'INVALID_INPUT')
  })
})

describe('handling', () => {
  it('two handlers accepting one event at once: exactly one wins', async () => {
    const e = await assigned()
    const [a, b] = await Promise.all([
      h.call<EventView>('grid', 'event.accept', { eventId: e.id }, P.prop),
      h.call<EventView>('grid', 'event.accept', { eventId: e.id }, PROP2),
    ])
    expect([a.env.ok, b.env.ok].filter(Boolean)).toHaveLength(1)
    const loser = a.env.ok ? b.env : a.env
    expect(loser.ok ? '' : loser.error.code).toBe('CONFLICT')
    const { data } = await h.db.collection('grid_events').where({ _id: e.id }).get()
    expect(data[0]).toMatchObject({ status: 'accepted' })
    expect([P.prop, PROP2]).toContain((data[0] as { acceptedBy: string }).acceptedBy)
  })
  it('refuses another company’s staff and the reporter, changing nothing', async () => {
    const e = await assigned()
    await h.expectRefused('grid', 'event.accept', { eventId: e.id }, 'o-prop-qian', 'FORBIDDEN')
    await h.expectRefused('grid', 'event.accept', { eventId: e.id }, WORKER1_G2, 'FORBIDDEN')
    await h.expectRefused('grid', 'event.progress', { eventId: e.id, note: '进展', photos: [] }, P.prop, 'CONFLICT')
    await h.ok('grid', 'event.accept', { eventId: e.id }, P.prop)
    await h.expectRefused(
      'grid',
      'event.progress',
      { eventId: e.id, note: '进展', photos: [] },
      'o-prop-qian',
      'FORBIDDEN',
    )
    await h.expectRefused('grid', 'event.progress', { eventId: e.id, note: '', photos: [] }, P.prop, 'INVALID_INPUT')
    await h.expectRefused('grid', 'event.confirm', { eventId: e.id, resolved: true }, WORKER1_G2, 'CONFLICT')
  })
  it('reopens twice, then the secretary decides; statistics count a late fix and one reopened event', async () => {
    const e = await assigned()
    await h.ok('grid', 'event.accept', { eventId: e.id }, P.prop)
    h.setNow(at(30))
    await h.ok('grid', 'event.progress', { eventId: e.id, note: '已修好', photos: [], done: true }, P.prop)
    await h.expectRefused('grid', 'event.confirm', { eventId: e.id, resolved: true }, P.liu, 'FORBIDDEN')
    await h.expectRefused('grid', 'event.confirm', { eventId: e.id, resolved: false }, WORKER1_G2, 'INVALID_INPUT')
    let v = await h.ok<EventView>(
      'grid',
      'event.confirm',
      { eventId: e.id, resolved: false, reason: '还是不亮' },
      WORKER1_G2,
    )
    expect(v).toMatchObject({ status: 'accepted', reopenCount: 1 })
    await h.ok('grid', 'event.progress', { eventId: e.id, note: '换了灯泡', photos: [], done: true }, P.prop)
    v = await h.ok<EventView>(
      'grid',
      'event.confirm',
      { eventId: e.id, resolved: false, reason: '晚上又灭了' },
      WORKER1_G2,
    )
    expect(v).toMatchObject({ status: 'accepted', reopenCount: 2 })
    await h.ok('grid', 'event.progress', { eventId: e.id, note: '换了线路', photos: [], done: true }, P.prop)
    v = await h.ok<EventView>(
      'grid',
      'event.confirm',
      { eventId: e.id, resolved: false, reason: '仍然不稳定' },
      WORKER1_G2,
    )
    expect(v).toMatchObject({ status: 'deciding', reopenCount: 2 })
    await h.expectRefused(
      'grid',
      'event.decide',
      { eventId: e.id, close: true, note: '已核实修复' },
      P.secYg,
      'FORBIDDEN',
    )
    await h.expectRefused('grid', 'event.decide', { eventId: e.id, close: true, note: '' }, P.secHx, 'INVALID_INPUT')
    v = await h.ok<EventView>('grid', 'event.decide', { eventId: e.id, close: true, note: '已核实修复' }, P.secHx)
    expect(v.status).toBe('closed')
    await h.expectRefused('grid', 'event.decide', { eventId: e.id, close: true, note: '再次' }, P.secHx, 'CONFLICT')
    const { data } = await h.db.collection('grid_stats').where({ _id: 'gst:grid:g-hx-2' }).get()
    const s = data[0] as { handled: number; onTime: number; reopened: number }
    expect(s.handled - s.onTime).toBeGreaterThanOrEqual(1)
    expect(s.reopened).toBe(1)
  })
})

describe('overdue queue and conversion', () => {
  it('shows the street admin overdue events, and refuses others', async () => {
    const q = await h.ok<{ items: EventView[]; total: number }>(
      'grid',
      'event.overdue',
      { streetId: 'st-jinxiu' },
      P.admin,
    )
    expect(q.items.map((e) => e.id)).toEqual(expect.arrayContaining(['gev-hx-2', 'gev-yg-2', 'gev-lq-2']))
    expect(q.items.every((e) => e.overdue)).toBe(true)
    await h.expectRefused('grid', 'event.overdue', { streetId: 'st-jinxiu' }, P.secHx, 'FORBIDDEN')
    await h.expectRefused('grid', 'event.overdue', { streetId: 'st-other' }, P.admin, 'FORBIDDEN')
  })
  it('turns an event into a need or a council topic in one step, keeping the link', async () => {
    const e1 = await report(P.liu)
    const r1 = await h.ok<{ event: EventView; linkId: string }>(
      'grid',
      'event.convert',
      { requestId: rid(), eventId: e1.id, to: 'need' },
      P.secHx,
    )
    expect(r1.event).toMatchObject({ status: 'converted', link: { type: 'need', id: r1.linkId } })
    const need = await h.db.collection('svc_needs').where({ _id: r1.linkId }).get()
    expect(need.data[0]).toMatchObject({ source: 'grid', gridEventId: e1.id, communityId: 'c-hx', status: 'open' })
    const e2 = await report(P.liu)
    const r2 = await h.ok<{ linkId: string }>(
      'grid',
      'event.convert',
      { requestId: rid(), eventId: e2.id, to: 'topic' },
      P.secHx,
    )
    const topic = await h.ok<{ title: string }>('council', 'topic.get', { topicId: r2.linkId }, P.liu)
    expect(topic).toBeTruthy()
    await h.expectRefused(
      'grid',
      'event.convert',
      { requestId: rid(), eventId: e2.id, to: 'need' },
      P.secHx,
      'CONFLICT',
    )
    await h.expectRefused(
      'grid',
      'event.convert',
      { requestId: rid(), eventId: e1.id, to: 'need' },
      P.member,
      'FORBIDDEN',
    )
  })
})

describe('whistle', () => {
  it('refuses non-secretaries, other communities and parties outside the event, changing nothing', async () => {
    const e = await report(P.liu)
    const parties = [{ type: 'company', id: 'co-1' }]
    await h.expectRefused('grid', 'whistle.blow', { requestId: rid(), eventId: e.id, parties }, LEADER_G2, 'FORBIDDEN')
    await h.expectRefused('grid', 'whistle.blow', { requestId: rid(), eventId: e.id, parties }, P.secYg, 'FORBIDDEN')
    await h.expectRefused(
      'grid',
      'whistle.blow',
      { requestId: rid(), eventId: e.id, parties: [{ type: 'company', id: 'co-3' }] },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'grid',
      'whistle.blow',
      { requestId: rid(), eventId: e.id, parties: [{ type: 'unit', id: 'u-hx-1' }] },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'grid',
      'whistle.blow',
      { requestId: rid(), eventId: e.id, parties: [] },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'grid',
      'whistle.blow',
      { requestId: rid(), eventId: e.id, parties: [...parties, ...parties] },
      P.secHx,
      'INVALID_INPUT',
    )
    await h.expectRefused('grid', 'whistle.parties', { eventId: e.id }, P.secYg, 'FORBIDDEN')
  })
  it('records a late answer and silence, refuses a second answer and wrong parties', async () => {
    const e = await report(P.liu)
    const { summons } = await h.ok<{ summons: SummonsView[] }>(
      'grid',
      'whistle.blow',
      {
        requestId: rid(),
        eventId: e.id,
        parties: [
          { type: 'company', id: 'co-1' },
          { type: 'unit', id: 'u-hx-2' },
        ],
      },
      P.secHx,
    )
    const co = summons.find((s) => s.partyType === 'company')!
    const unit = summons.find((s) => s.partyType === 'unit')!
    await h.expectRefused(
      'grid',
      'whistle.answer',
      { summonsId: co.id, kind: 'report', text: '收到' },
      'o-prop-qian',
      'FORBIDDEN',
    )
    await h.expectRefused(
      'grid',
      'whistle.answer',
      { summonsId: co.id, kind: 'report', text: '收到' },
      P.liaison,
      'FORBIDDEN',
    )
    await h.expectRefused(
      'grid',
      'whistle.answer',
      { summonsId: co.id, kind: 'maybe', text: '收到' },
      P.prop,
      'INVALID_INPUT',
    )
    h.setNow(at(30))
    const late = await h.ok<SummonsView>(
      'grid',
      'whistle.answer',
      { summonsId: co.id, kind: 'reason', text: '人员不足，明天到场' },
      P.prop,
    )
    expect(late.state).toBe('late')
    await h.expectRefused(
      'grid',
      'whistle.answer',
      { summonsId: co.id, kind: 'report', text: '再答' },
      P.prop,
      'CONFLICT',
    )
    const rec = await h.ok<WhistleRecordView>('grid', 'whistle.record', { partyType: 'unit', partyId: 'u-hx-2' }, XU)
    expect(rec.items.find((s) => s.id === unit.id)!.state).toBe('silent')
    expect(rec.silent).toBeGreaterThanOrEqual(1)
    const coRec = await h.ok<WhistleRecordView>(
      'grid',
      'whistle.record',
      { partyType: 'company', partyId: 'co-1' },
      P.liu,
    )
    expect(coRec.late).toBeGreaterThanOrEqual(1)
    await h.expectRefused('grid', 'whistle.record', { partyType: 'unit', partyId: 'u-hx-2' }, P.liu, 'FORBIDDEN')
    await h.expectRefused('grid', 'whistle.inbox', {}, P.liu, 'FORBIDDEN')
  })
})

describe('statistics', () => {
  it('gives per-grid and community figures and an Excel file to the secretary, refusing other communities', async () => {
    const s = await h.ok<{ community: GridStatsView; grids: GridStatsView[] }>(
      'grid',
      'stats.get',
      { communityId: 'c-yg' },
      P.secYg,
    )
    expect(s.grids).toHaveLength(6)
    expect(s.grids[0]).toMatchObject({ scopeId: 'g-yg-1', reported: 3, handled: 1, onTimeRate: 100 })
    const f = await h.ok<{ url: string; fileName: string; rows: number }>(
      'export',
      'grid.stats',
      { communityId: 'c-yg' },
      P.secYg,
    )
    expect(f.fileName).toMatch(/^阳光社区网格统计-\d{4}-\d\d-\d\d\.xlsx$/)
    expect(f.url).toMatch(/^\/local\/files\/exports\/grid\/c-yg-\d+\.xlsx$/)
    expect(f.rows).toBe(7)
    await h.expectRefused('grid', 'stats.get', { communityId: 'c-yg' }, P.secHx, 'FORBIDDEN')
    await h.expectRefused('export', 'grid.stats', { communityId: 'c-yg' }, P.grid, 'FORBIDDEN')
    await h.expectRefused('grid', 'stats.get', { communityId: 'c-yg' }, P.liu, 'FORBIDDEN')
  })
})

describe('dispatch parties and photos', () => {
  it('lets the grid leader see the parties to dispatch to, and refuses a plain worker', async () => {
    const e = await report(P.liu)
    const p = await h.ok<{ items: { id: string }[] }>('grid', 'whistle.parties', { eventId: e.id }, LEADER_G2)
    expect(p.items.map((x) => x.id).sort()).toEqual(['co-1', 'u-hx-2'])
    await h.expectRefused('grid', 'whistle.parties', { eventId: e.id }, WORKER1_G2, 'FORBIDDEN')
  })
  it('stores a checked JPEG photo and serves it locally; refuses what is not an image, a risky image and people without a role', async () => {
    const r = await h.ok<{ fileId: string; url: string }>(
      'grid',
      'photo.upload',
      { ext: 'jpg', data: JPEG },
      WORKER1_G2,
    )
    expect(r.fileId).toMatch(/^cloud:\/\/local\/grid\/photos\/ph_[0-9a-f]+\.jpg$/)
    expect(r.url).toMatch(/^\/local\/files\/grid\/photos\//)
    const e = await report(WORKER1_G2, { photos: [r.fileId] })
    expect(e.photos).toEqual([r.fileId])
    await h.expectRefused(
      'grid',
      'photo.upload',
      { ext: 'jpg', data: Buffer.from('not an image at all').toString('base64') },
      WORKER1_G2,
      'INVALID_INPUT',
    )
    await h.expectRefused('grid', 'photo.upload', { ext: 'png', data: RISKY_PNG }, WORKER1_G2, 'CONTENT_REJECTED')
    await h.expectRefused('grid', 'photo.upload', { ext: 'jpg', data: JPEG }, P.zhou, 'FORBIDDEN')
  })
  it('takes on an event or its progress only photos the author uploaded through the check', async () => {
    const base = {
      requestId: rid(),
      gridId: 'g-hx-2',
      place: '门口',
      category: 'other',
      description: '照片',
      urgency: 'normal',
    }
    await h.expectRefused(
      'grid',
      'event.report',
      { ...base, photos: ['cloud://local/grid/photos/never-uploaded.jpg'] },
      WORKER1_G2,
      'INVALID_INPUT',
    )
    const someoneElses = await h.photo('grid', P.liu)
    const err = await h.expectRefused(
      'grid',
      'event.report',
      { ...base, photos: [someoneElses] },
      WORKER1_G2,
      'INVALID_INPUT',
    )
    expect(err?.message).toBe('照片须由本人通过本程序上传')
    const mine = await h.photo('grid', WORKER1_G2)
    await h.expectRefused('grid', 'event.report', { ...base, photos: [mine, mine] }, WORKER1_G2, 'INVALID_INPUT')
    const e = await assigned()
    await h.ok('grid', 'event.accept', { eventId: e.id }, P.prop)
    await h.expectRefused(
      'grid',
      'event.progress',
      { eventId: e.id, note: '进展', photos: [mine] },
      P.prop,
      'INVALID_INPUT',
    )
    const theirs = await h.photo('grid', P.prop)
    const v = await h.ok<EventView>('grid', 'event.progress', { eventId: e.id, note: '进展', photos: [theirs] }, P.prop)
    expect(v.progress.at(-1)?.photos).toEqual([theirs])
  })
})

describe('deadline reminders', () => {
  it('reminds the handler once of an event due soon, and refuses other communities', async () => {
    const e = await assigned()
    h.setNow(at(20))
    const before = (
      await h.db.collection('outbox').where({ templateId: 'tpl-grid-deadline', toOpenid: P.prop }).count()
    ).total
    // A call reminds at most a batch (5); the secretary repeats it until nothing is left.
    const counts: number[] = []
    for (let i = 0; i < 10 && counts.at(-1) !== 0; i++)
      counts.push(
        (await h.ok<{ reminded: number }>('grid', 'event.remind', { communityId: 'c-hx', withinHours: 6 }, P.secHx))
          .reminded,
      )
    expect(counts.at(-1)).toBe(0)
    expect(counts[0]).toBeGreaterThanOrEqual(1)
    const after = (await h.db.collection('outbox').where({ templateId: 'tpl-grid-deadline', toOpenid: P.prop }).count())
      .total
    expect(after).toBeGreaterThan(before)
    const { data } = await h.db.collection('grid_events').where({ _id: e.id }).get()
    expect((data[0] as { remindedAt?: Date }).remindedAt).toBeTruthy()
    expect(
      (await h.ok<{ reminded: number }>('grid', 'event.remind', { communityId: 'c-hx', withinHours: 6 }, P.secHx))
        .reminded,
    ).toBe(0)
    await h.expectRefused('grid', 'event.remind', { communityId: 'c-hx', withinHours: 6 }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('grid', 'event.remind', { communityId: 'c-hx', withinHours: 100 }, P.secHx, 'INVALID_INPUT')
  })
})

describe('one leader per grid', () => {
  it('after the leader is removed, exactly one of two concurrent appointments wins', async () => {
    const list = await h.ok<{ items: StaffView[] }>('grid', 'staff.list', { gridId: 'g-hx-6' }, P.secHx)
    const leader = list.items.find((s) => s.post === 'leader')!
    await h.ok('grid', 'staff.remove', { staffId: leader.id }, P.secHx)
    // Two leader codes made while the post is free, used at the same moment by two people.
    const [c1, c2] = await Promise.all(
      [1, 2].map(() =>
        h.ok<StaffInvitationView>(
          'grid',
          'staff.appoint',
          { requestId: rid(), gridId: 'g-hx-6', post: 'leader' },
          P.secHx,
        ),
      ),
    )
    const [a, b] = await Promise.all([
      h.call('org', 'invitation.redeem', { code: c1.code, name: '张德福' }, P.zhang),
      h.call('org', 'invitation.redeem', { code: c2.code, name: '刘芳' }, P.liu),
    ])
    expect([a.env.ok, b.env.ok].filter(Boolean)).toHaveLength(1)
    const after = await h.ok<{ items: StaffView[] }>('grid', 'staff.list', { gridId: 'g-hx-6' }, P.secHx)
    expect(after.items.filter((s) => s.post === 'leader')).toHaveLength(1)
    // The loser got nothing: no role on the grid, and their code is still unused.
    const loser = a.env.ok ? { openid: P.liu, code: c2.code } : { openid: P.zhang, code: c1.code }
    expect((await h.ok<MeView>('org', 'me', {}, loser.openid)).roles.some((g) => g.scopeId === 'g-hx-6')).toBe(false)
    const { data } = await h.db
      .collection('invitations')
      .where({ _id: `inv:${loser.code}` })
      .get()
    expect((data[0] as { usedBy: string | null }).usedBy).toBeNull()
    // And a third leader code is refused while the winner serves.
    await h.expectRefused(
      'grid',
      'staff.appoint',
      { requestId: rid(), gridId: 'g-hx-6', post: 'leader' },
      P.secHx,
      'CONFLICT',
    )
  })
})

describe('personal data', () => {
  it('keeps every field that names a person in the personal-data registry', () => expectPersonalDataRegistered(h))
})
