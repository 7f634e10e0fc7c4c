import { NOTICE_KINDS } from '../../../types/notices'
import { openCloud, P, type Cloud } from '../harness'

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

describe('org.me', () => {
  it('returns the caller, their scoped roles and their verified binding, with their own phone whole', async () => {
    const me = await h.ok<{
      name: string
      phone: string
      roles: { role: string; scopeId: string }[]
      binding: { status: string; address: string }
    }>('org', 'me', {}, P.liu)
    expect(me.name).toBe('刘芳')
    expect(me.phone).toBe('13800000004')
    expect(me.roles.map((r) => `${r.role}@${r.scopeId}`)).toEqual(['resident@h-hx-1-1-101'])
    expect(me.binding).toMatchObject({ status: 'verified', address: '和谐家园 1号楼 101' })
  })

  it('answers a person never seen before with an empty profile', async () => {
    const me = await h.ok('org', 'me', {}, P.stranger)
    expect(me).toMatchObject({ openid: P.stranger, name: '', roles: [], binding: null, canBootstrap: false })
  })

  it('costs a constant number of database requests', async () => {
    const { dbRequests } = await h.call('org', 'me', {}, P.liu)
    expect(dbRequests).toBe(2)
  })
})

describe('org.profile.update', () => {
  it('updates the caller only and records an audit entry', async () => {
    const me = await h.ok<{ name: string; phone: string }>(
      'org',
      'profile.update',
      { name: '周晓雨', phone: '13911112222' },
      P.zhou,
    )
    expect(me).toMatchObject({ name: '周晓雨', phone: '13911112222' })
    const { data } = await h.db
      .collection('audit')
      .where({ target: 'users/o-new-zhou', action: 'profile.update' })
      .get()
    expect(data).toHaveLength(1)
  })

  it('refuses a malformed phone number and changes nothing', async () => {
    await h.expectRefused('org', 'profile.update', { name: '周晓雨', phone: '12345' }, P.zhou, 'INVALID_INPUT')
  })

  it('refuses a name that fails the content check and changes nothing', async () => {
    await h.expectRefused('org', 'profile.update', { name: '违禁词' }, P.zhou, 'CONTENT_REJECTED')
  })
})

describe('org.notice.templates', () => {
  it('gives every notice kind its template id, from the deployment (placeholders locally), with one database request (who is calling)', async () => {
    const { env, dbRequests } = await h.call<{ templates: { kind: string; templateId: string }[] }>(
      'org',
      'notice.templates',
      {},
      P.liu,
    )
    if (!env.ok) throw new Error(env.error.message)
    expect(env.data.templates.map((t) => t.kind)).toEqual([...NOTICE_KINDS])
    expect(env.data.templates.find((t) => t.kind === 'councilVoteResult')?.templateId).toBe('tpl-council-vote-result')
    expect(dbRequests).toBe(1)
  })

  it('answers only a caller WeChat identified', async () => {
    await h.expectRefused('org', 'notice.templates', {}, null, 'UNAUTHENTICATED')
  })
})
