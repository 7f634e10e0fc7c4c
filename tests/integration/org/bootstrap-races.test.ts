import type { Envelope } from '../../../types'
import { openCloud, type Cloud } from '../harness'
import { at, interleave } from '../interleave'

/**
 * The first street admin claims the street while editing their profile in another tab: bootstrap and
 * profile.update both write users/<openid>. Each order is forced at an exact point; neither change is lost.
 */

const ADMIN = 'o-first-admin'
type User = { name: string; phone?: string; roles: { role: string }[] }

let h: Cloud
beforeEach(async () => {
  process.env.BOOTSTRAP_ADMIN_OPENID = ADMIN
  h = await openCloud({ seed: false })
  await h.ok('org', 'profile.update', { name: '赵立新', phone: '13800000001' }, ADMIN)
})
afterEach(() => {
  delete process.env.BOOTSTRAP_ADMIN_OPENID
  h.close()
})

const code = (e: Envelope<unknown>) => (e.ok ? 'OK' : e.error.code)
const bootstrap = () => h.call('org', 'bootstrap', { streetName: '锦绣街道', name: '赵立新' }, ADMIN).then((c) => c.env)
const edit = () => h.call('org', 'profile.update', { name: '赵立新', phone: '13911112222' }, ADMIN).then((c) => c.env)

async function user(): Promise<User> {
  const { data } = await h.db.collection('users').where({ _id: ADMIN }).limit(1).get()
  return data[0] as User
}

describe('bootstrap racing a profile edit', () => {
  it('profile.update held before its write while bootstrap completes: both ok, the admin role and the new phone kept', async () => {
    const [mine, boot] = await interleave(at.plainWrite(ADMIN, 'users'), edit, bootstrap)
    expect([code(mine), code(boot)]).toEqual(['OK', 'OK'])
    const u = await user()
    expect(u.phone).toBe('13911112222')
    expect(u.roles.map((g) => g.role)).toEqual(['street_admin'])
  })

  it('bootstrap held before it writes the person while profile.update completes: the new phone kept, the claim wholly or not at all', async () => {
    const [boot, mine] = await interleave(
      (r) => r.openid === ADMIN && r.collection === 'users' && /modify/.test(r.action),
      bootstrap,
      edit,
    )
    expect(code(mine)).toBe('OK')
    expect(['OK', 'CONFLICT']).toContain(code(boot))
    const u = await user()
    expect(u.phone).toBe('13911112222')
    const { total: streets } = await h.db.collection('streets').count()
    expect({ admin: u.roles.map((g) => g.role), streets }).toEqual(
      code(boot) === 'OK' ? { admin: ['street_admin'], streets: 1 } : { admin: [], streets: 0 },
    )
  })
})
