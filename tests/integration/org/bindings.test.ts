import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { expectPersonalDataRegistered } from '../personal-data'

type Binding = { id: string; status: string; applicantPhone: string; address: string; reason?: string }
type Page<T> = { items: T[]; total: number }

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

describe('binding a household and verifying it', () => {
  let bindingId = ''

  it('records a request as pending for the community to verify', async () => {
    const b = await h.ok<Binding>(
      'org',
      'binding.request',
      { requestId: rid(), householdId: 'h-hx-1-3-402', name: '周小雨', phone: '13800000006' },
      P.zhou,
    )
    expect(b).toMatchObject({ status: 'pending', address: '和谐家园 3号楼 402', applicantPhone: '13800000006' })
    bindingId = b.id
    const me = await h.ok<{ binding: Binding; roles: unknown[] }>('org', 'me', {}, P.zhou)
    expect(me.binding.status).toBe('pending')
    expect(me.roles).toEqual([])
  })

  it('shows the secretary of that community the request, phone masked', async () => {
    const page = await h.ok<Page<Binding>>('org', 'binding.listPending', { communityId: 'c-hx' }, P.secHx)
    const mine = page.items.find((b) => b.id === bindingId)
    expect(mine?.applicantPhone).toBe('138****0006')
  })

  it('refuses the queue of another community to a secretary', async () => {
    await h.expectRefused('org', 'binding.listPending', { communityId: 'c-hx' }, P.secYg, 'FORBIDDEN')
  })

  it('refuses a decision by the secretary of another community and changes nothing', async () => {
    await h.expectRefused('org', 'binding.decide', { bindingId, approve: true }, P.secYg, 'FORBIDDEN')
  })

  it('refuses a return without a reason and changes nothing', async () => {
    const err = await h.expectRefused('org', 'binding.decide', { bindingId, approve: false }, P.secHx, 'INVALID_INPUT')
    expect(err?.issues?.[0]?.path).toEqual(['reason'])
  })

  it('verifies on approval: the resident role on that household, a notice, an audit record', async () => {
    const b = await h.ok<Binding>('org', 'binding.decide', { bindingId, approve: true }, P.secHx)
    expect(b.status).toBe('verified')
    const me = await h.ok<{ binding: Binding; roles: { role: string; scopeId: string }[] }>('org', 'me', {}, P.zhou)
    expect(me.binding.status).toBe('verified')
    expect(me.roles.map((r) => `${r.role}@${r.scopeId}`)).toEqual(['resident@h-hx-1-3-402'])
    const { data: notices } = await h.db.collection('outbox').where({ toOpenid: P.zhou }).get()
    expect(notices).toHaveLength(1)
    const { total } = await h.db
      .collection('audit')
      .where({ target: `bindings/${bindingId}` })
      .count()
    expect(total).toBe(2)
  })

  it('refuses deciding twice with CONFLICT and changes nothing', async () => {
    await h.expectRefused('org', 'binding.decide', { bindingId, approve: false, reason: '重复' }, P.secHx, 'CONFLICT')
  })

  it('refuses a verified resident a second binding and changes nothing', async () => {
    await h.expectRefused(
      'org',
      'binding.request',
      { requestId: rid(), householdId: 'h-hx-1-3-401', name: '周小雨', phone: '13800000006' },
      P.zhou,
      'CONFLICT',
    )
  })

  it('returns a rejected request with its reason', async () => {
    const page = await h.ok<Page<Binding>>('org', 'binding.listPending', { communityId: 'c-yg' }, P.secYg)
    const pending = page.items[0]
    const b = await h.ok<Binding>(
      'org',
      'binding.decide',
      { bindingId: pending.id, approve: false, reason: '房号与登记不符' },
      P.secYg,
    )
    expect(b).toMatchObject({ status: 'rejected', reason: '房号与登记不符' })
  })

  it('answers NOT_FOUND for a household that does not exist', async () => {
    await h.expectRefused(
      'org',
      'binding.request',
      { requestId: rid(), householdId: 'h-nowhere', name: '某人', phone: '13800000099' },
      P.stranger,
      'NOT_FOUND',
    )
  })
})

describe('one-time household codes', () => {
  let code = ''

  it('lets the secretary issue a code for a household of their community', async () => {
    const r = await h.ok<{ code: string; expiresAt: string }>(
      'org',
      'householdCode.issue',
      { requestId: rid(), householdId: 'h-hx-2-1-101', ttlDays: 7 },
      P.secHx,
    )
    expect(r.code).toMatch(/^[A-Z2-9]{8}$/)
    code = r.code
  })

  it('refuses the secretary of another community and changes nothing', async () => {
    await h.expectRefused(
      'org',
      'householdCode.issue',
      { requestId: rid(), householdId: 'h-hx-2-1-101', ttlDays: 7 },
      P.secYg,
      'FORBIDDEN',
    )
  })

  it('verifies a resident at once with the code', async () => {
    const b = await h.ok<Binding>(
      'org',
      'binding.request',
      { requestId: rid(), householdId: 'h-hx-2-1-101', name: '孙阿姨', phone: '13800000111', householdCode: code },
      'o-code-user',
    )
    expect(b.status).toBe('verified')
    const me = await h.ok<{ roles: { role: string; scopeId: string }[] }>('org', 'me', {}, 'o-code-user')
    expect(me.roles.map((r) => r.scopeId)).toEqual(['h-hx-2-1-101'])
  })

  it('refuses the same code a second time and changes nothing', async () => {
    const err = await h.expectRefused(
      'org',
      'binding.request',
      { requestId: rid(), householdId: 'h-hx-2-1-101', name: '孙大爷', phone: '13800000112', householdCode: code },
      'o-code-user-2',
      'INVALID_INPUT',
    )
    expect(err?.message).toBe('户码已被使用')
  })

  it('refuses an expired code and changes nothing', async () => {
    const r = await h.ok<{ code: string }>(
      'org',
      'householdCode.issue',
      { requestId: rid(), householdId: 'h-hx-2-1-102', ttlDays: 1 },
      P.secHx,
    )
    h.setNow(new Date(T0.getTime() + 2 * 86400_000))
    const err = await h.expectRefused(
      'org',
      'binding.request',
      { requestId: rid(), householdId: 'h-hx-2-1-102', name: '钱先生', phone: '13800000113', householdCode: r.code },
      'o-code-user-3',
      'INVALID_INPUT',
    )
    expect(err?.message).toBe('户码已过期')
    h.setNow(T0)
  })

  it('makes the previous code of a household invalid when a new one is issued', async () => {
    const first = await h.ok<{ code: string }>(
      'org',
      'householdCode.issue',
      { requestId: rid(), householdId: 'h-hx-2-1-201', ttlDays: 7 },
      P.secHx,
    )
    await h.ok('org', 'householdCode.issue', { requestId: rid(), householdId: 'h-hx-2-1-201', ttlDays: 7 }, P.secHx)
    const err = await h.expectRefused(
      'org',
      'binding.request',
      {
        requestId: rid(),
        householdId: 'h-hx-2-1-201',
        name: '吴女士',
        phone: '13800000114',
        householdCode: first.code,
      },
      'o-code-user-4',
      'INVALID_INPUT',
    )
    expect(err?.message).toBe('户码无效')
  })
})

describe('personal data', () => {
  it('keeps every field that names a person in the personal-data registry', () => expectPersonalDataRegistered(h))
})
