import { openCloud, P, rid, type Cloud } from '../harness'
import { expectPersonalDataRegistered } from '../personal-data'

type App = { id: string; status: string; applicantPhone: string; unitName: string }

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

describe('unit liaison self-registration', () => {
  let appId = ''

  it('records the application as pending', async () => {
    const a = await h.ok<App>(
      'org',
      'liaison.register',
      {
        requestId: rid(),
        communityId: 'c-hx',
        unitName: '锦绣区税务所',
        partyBody: '税务所党支部',
        name: '冯涛',
        phone: '13600001234',
      },
      'o-liaison-new',
    )
    expect(a).toMatchObject({ status: 'pending', applicantPhone: '13600001234' })
    appId = a.id
  })

  it('shows it to the community’s secretary with the phone masked', async () => {
    const page = await h.ok<{ items: App[] }>('org', 'liaison.listPending', { communityId: 'c-hx' }, P.secHx)
    expect(page.items.find((a) => a.id === appId)?.applicantPhone).toBe('136****1234')
  })

  it('refuses another community’s secretary the queue and the decision, changing nothing', async () => {
    await h.expectRefused('org', 'liaison.listPending', { communityId: 'c-hx' }, P.secYg, 'FORBIDDEN')
    await h.expectRefused('org', 'liaison.decide', { applicationId: appId, approve: true }, P.secYg, 'FORBIDDEN')
  })

  it('creates the unit and the liaison role on approval', async () => {
    const a = await h.ok<App>('org', 'liaison.decide', { applicationId: appId, approve: true }, P.secHx)
    expect(a.status).toBe('approved')
    const me = await h.ok<{ roles: { role: string; scopeName: string }[] }>('org', 'me', {}, 'o-liaison-new')
    expect(me.roles.map((r) => `${r.role}:${r.scopeName}`)).toEqual(['unit_liaison:锦绣区税务所'])
    const { total } = await h.db.collection('units').where({ name: '锦绣区税务所', communityId: 'c-hx' }).count()
    expect(total).toBe(1)
  })

  it('refuses a second decision with CONFLICT and changes nothing', async () => {
    await h.expectRefused(
      'org',
      'liaison.decide',
      { applicationId: appId, approve: false, reason: '再议' },
      P.secHx,
      'CONFLICT',
    )
  })

  it('refuses a registration with a bad phone and changes nothing', async () => {
    await h.expectRefused(
      'org',
      'liaison.register',
      { requestId: rid(), communityId: 'c-hx', unitName: '某单位', partyBody: '某支部', name: '某人', phone: '110' },
      'o-x',
      'INVALID_INPUT',
    )
  })

  it('refuses a return without a reason', async () => {
    const page = await h.ok<{ items: App[] }>('org', 'liaison.listPending', { communityId: 'c-yg' }, P.secYg)
    await h.expectRefused(
      'org',
      'liaison.decide',
      { applicationId: page.items[0].id, approve: false },
      P.secYg,
      'INVALID_INPUT',
    )
  })
})

describe('personal data', () => {
  it('keeps every field that names a person in the personal-data registry', () => expectPersonalDataRegistered(h))
})
