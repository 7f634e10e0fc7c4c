import { openCloud, type Cloud } from '../harness'

let h: Cloud
beforeAll(async () => {
  process.env.BOOTSTRAP_ADMIN_OPENID = 'o-first-admin'
  h = await openCloud({ seed: false })
})
afterAll(() => {
  delete process.env.BOOTSTRAP_ADMIN_OPENID
  h.close()
})

describe('the first street admin of a deployment', () => {
  it('tells the configured person they can bootstrap', async () => {
    const me = await h.ok<{ canBootstrap: boolean }>('org', 'me', {}, 'o-first-admin')
    expect(me.canBootstrap).toBe(true)
  })

  it('refuses anyone else and changes nothing', async () => {
    await h.expectRefused('org', 'bootstrap', { streetName: '冒名街道', name: '某人' }, 'o-somebody', 'FORBIDDEN')
  })

  it('creates the street and makes the configured person its admin', async () => {
    const me = await h.ok<{ roles: { role: string; scopeName: string }[]; canBootstrap: boolean }>(
      'org',
      'bootstrap',
      { streetName: '锦绣街道', name: '赵立新' },
      'o-first-admin',
    )
    expect(me.roles.map((r) => `${r.role}:${r.scopeName}`)).toEqual(['street_admin:锦绣街道'])
    expect(me.canBootstrap).toBe(false)
  })

  it('refuses a second bootstrap with CONFLICT and changes nothing', async () => {
    await h.expectRefused('org', 'bootstrap', { streetName: '又一街道', name: '赵立新' }, 'o-first-admin', 'CONFLICT')
  })
})
