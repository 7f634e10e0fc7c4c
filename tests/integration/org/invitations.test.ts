import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { expectPersonalDataRegistered } from '../personal-data'

type Invitation = { id: string; code: string; status: string; role: string; scopeName: string }
type Me = { roles: { role: string; scopeId: string }[] }

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

describe('invitations', () => {
  let code = ''

  it('lets the street admin invite a secretary for a community of the street', async () => {
    const inv = await h.ok<Invitation>(
      'org',
      'invitation.create',
      { requestId: rid(), role: 'secretary', scopeId: 'c-lq', ttlHours: 48 },
      P.admin,
    )
    expect(inv).toMatchObject({ role: 'secretary', scopeName: '柳青社区', status: 'open' })
    expect(inv.code).toMatch(/^[A-Z2-9]{8}$/)
    code = inv.code
  })

  it('lists the street admin’s invitations with the codes masked', async () => {
    const page = await h.ok<{ items: Invitation[] }>('org', 'invitation.list', { scopeId: 'st-jinxiu' }, P.admin)
    expect(page.items.map((i) => i.code)).toEqual([`${code.slice(0, 2)}****${code.slice(-2)}`])
  })

  it('refuses a secretary the street’s invitation list', async () => {
    await h.expectRefused('org', 'invitation.list', { scopeId: 'st-jinxiu' }, P.secHx, 'FORBIDDEN')
  })

  it('makes the redeemer secretary of exactly that community', async () => {
    const me = await h.ok<Me>('org', 'invitation.redeem', { code, name: '陈志强' }, P.zhou)
    expect(me.roles.map((r) => `${r.role}@${r.scopeId}`)).toEqual(['secretary@c-lq'])
  })

  it('refuses the same code a second time and changes nothing', async () => {
    await h.expectRefused('org', 'invitation.redeem', { code, name: '别人' }, P.stranger, 'CONFLICT')
  })

  it('refuses an expired code and changes nothing', async () => {
    const inv = await h.ok<Invitation>(
      'org',
      'invitation.create',
      { requestId: rid(), role: 'secretary', scopeId: 'c-yg', ttlHours: 1 },
      P.admin,
    )
    h.setNow(new Date(T0.getTime() + 2 * 3600_000))
    await h.expectRefused('org', 'invitation.redeem', { code: inv.code, name: '迟到者' }, P.stranger, 'CONFLICT')
    h.setNow(T0)
  })

  it('refuses an unknown code with NOT_FOUND', async () => {
    await h.expectRefused('org', 'invitation.redeem', { code: 'ZZZZZZZZ', name: '某人' }, P.stranger, 'NOT_FOUND')
  })

  it('lets exactly one of two people redeeming one code at once win', async () => {
    const inv = await h.ok<Invitation>(
      'org',
      'invitation.create',
      { requestId: rid(), role: 'street_admin', scopeId: 'st-jinxiu', ttlHours: 2 },
      P.admin,
    )
    const [a, b] = await Promise.all([
      h.call('org', 'invitation.redeem', { code: inv.code, name: '甲' }, 'o-race-a'),
      h.call('org', 'invitation.redeem', { code: inv.code, name: '乙' }, 'o-race-b'),
    ])
    expect([a.env.ok, b.env.ok].filter(Boolean)).toHaveLength(1)
    const loser = a.env.ok ? b.env : a.env
    expect(loser.ok ? '' : loser.error.code).toBe('CONFLICT')
    const { total } = await h.db
      .collection('users')
      .where({ 'roles.role': 'street_admin', 'roles.scopeId': 'st-jinxiu' })
      .count()
    expect(total).toBe(2)
  })

  it('lets a secretary invite staff of a company serving their community', async () => {
    const inv = await h.ok<Invitation>(
      'org',
      'invitation.create',
      { requestId: rid(), role: 'property_staff', scopeId: 'co-1', ttlHours: 24 },
      P.secHx,
    )
    expect(inv.scopeName).toBe('安居物业服务有限公司')
  })

  it('refuses a secretary inviting staff of a company that does not serve their community', async () => {
    await h.expectRefused(
      'org',
      'invitation.create',
      { requestId: rid(), role: 'property_staff', scopeId: 'co-6', ttlHours: 24 },
      P.secHx,
      'FORBIDDEN',
    )
  })

  it('refuses a secretary inviting another secretary', async () => {
    await h.expectRefused(
      'org',
      'invitation.create',
      { requestId: rid(), role: 'secretary', scopeId: 'c-hx', ttlHours: 24 },
      P.secHx,
      'FORBIDDEN',
    )
  })

  it('refuses a resident (wrong role)', async () => {
    await h.expectRefused(
      'org',
      'invitation.create',
      { requestId: rid(), role: 'secretary', scopeId: 'c-hx', ttlHours: 24 },
      P.liu,
      'FORBIDDEN',
    )
  })

  it('refuses an invitation that lives more than 30 days', async () => {
    await h.expectRefused(
      'org',
      'invitation.create',
      { requestId: rid(), role: 'secretary', scopeId: 'c-hx', ttlHours: 24 * 31 },
      P.admin,
      'INVALID_INPUT',
    )
  })
})

describe('personal data', () => {
  it('keeps every field that names a person in the personal-data registry', () => expectPersonalDataRegistered(h))
})
