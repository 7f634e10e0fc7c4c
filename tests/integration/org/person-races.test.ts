import type { Envelope } from '../../../types'
import { openCloud, P, rid, type Cloud } from '../harness'
import { appoint } from '../grid/appoint'
import { at, interleave } from '../interleave'

/**
 * A person's record (users/<openid>) is written by their own profile edit and by the actions that give
 * or take a role. Each race is run in both orders at an exact point (tests/integration/interleave.ts):
 * the profile edit held just before its write while the other action completes, and the other action
 * held just before its commit while the profile edit completes. Both calls succeed and the record holds
 * both changes, or the other action is refused with CONFLICT and nothing of it is kept.
 */

type Grant = { role: string; scopeId: string }
type User = { name: string; phone?: string; roles: Grant[] }
type Call = () => Promise<Envelope<unknown>>

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

let n = 0
/** A person never seen before, with a name and phone on record. */
async function newPerson(): Promise<string> {
  const openid = `o-race-${++n}`
  await h.ok('org', 'profile.update', { name: `住户${n}`, phone: '13900000000' }, openid)
  return openid
}

async function user(openid: string): Promise<User> {
  const { data } = await h.db.collection('users').where({ _id: openid }).limit(1).get()
  return data[0] as User
}

const holdsRole = (u: User, role: string, scopeId: string) =>
  u.roles.some((g) => g.role === role && g.scopeId === scopeId)
const code = (e: Envelope<unknown>) => (e.ok ? 'OK' : e.error.code)
const env = (p: Promise<{ env: Envelope<unknown> }>) => p.then((c) => c.env)

/** The profile edit the person makes while the other action runs. */
const edit =
  (openid: string): Call =>
  () =>
    env(h.call('org', 'profile.update', { name: '新名字', phone: '13911112222' }, openid))

/** A household nobody has asked for yet (和谐家园 2号楼, one per race). */
let room = 0
const freeHousehold = () => {
  room += 1
  return `h-hx-1-2-${Math.ceil(room / 2)}0${((room - 1) % 2) + 1}`
}

interface Other {
  run: Call
  /** Who runs it (its transaction is held at that caller's commit). */
  by: string
  role: string
  scopeId: string
  /** true: the action grants the role; false: it withdraws it. */
  grants: boolean
}

const races: Record<string, (openid: string) => Promise<Other>> = {
  async 'binding.decide'(openid) {
    const householdId = freeHousehold()
    const b = await h.ok<{ id: string }>(
      'org',
      'binding.request',
      { requestId: rid(), householdId, name: '申请人', phone: '13900000001' },
      openid,
    )
    return {
      run: () => env(h.call('org', 'binding.decide', { bindingId: b.id, approve: true }, P.secHx)),
      by: P.secHx,
      role: 'resident',
      scopeId: householdId,
      grants: true,
    }
  },
  async 'invitation.redeem'(openid) {
    const inv = await h.ok<{ code: string }>(
      'org',
      'invitation.create',
      { requestId: rid(), role: 'property_staff', scopeId: 'co-1', ttlHours: 24 },
      P.admin,
    )
    return {
      run: () => env(h.call('org', 'invitation.redeem', { code: inv.code, name: '受邀人' }, openid)),
      by: openid,
      role: 'property_staff',
      scopeId: 'co-1',
      grants: true,
    }
  },
  async 'member.decide'(openid) {
    const m = await h.ok<{ id: string }>(
      'service',
      'member.checkin',
      { requestId: rid(), name: '党员', communityId: 'c-hx', unitName: '某单位', skills: [], availability: '周末' },
      openid,
    )
    return {
      run: () => env(h.call('service', 'member.decide', { memberId: m.id, approve: true, gridId: 'g-hx-3' }, P.secHx)),
      by: P.secHx,
      role: 'member',
      scopeId: 'c-hx',
      grants: true,
    }
  },
  // A grid appointment is taken up by redeeming the post's code (grid staff.appoint makes it).
  async 'staff.appoint (redeeming the post’s code)'(openid) {
    const inv = await h.ok<{ code: string }>(
      'grid',
      'staff.appoint',
      { requestId: rid(), gridId: 'g-hx-3', post: 'worker' },
      P.secHx,
    )
    return {
      run: () => env(h.call('org', 'invitation.redeem', { code: inv.code, name: '网格员' }, openid)),
      by: openid,
      role: 'grid_worker',
      scopeId: 'g-hx-3',
      grants: true,
    }
  },
  async 'staff.remove'(openid) {
    const staffId = await appoint(h, 'g-hx-4', openid, 'worker', '网格员')
    return {
      run: () => env(h.call('grid', 'staff.remove', { staffId }, P.secHx)),
      by: P.secHx,
      role: 'grid_worker',
      scopeId: 'g-hx-4',
      grants: false,
    }
  },
}

describe('a profile edit racing a change of roles loses neither', () => {
  for (const [action, prepare] of Object.entries(races)) {
    it(`profile.update held before its write while ${action} completes: both ok, both changes kept`, async () => {
      const openid = await newPerson()
      const other = await prepare(openid)
      const [mine, theirs] = await interleave(at.plainWrite(openid, 'users'), edit(openid), other.run)
      expect([code(mine), code(theirs)]).toEqual(['OK', 'OK'])
      const u = await user(openid)
      expect(u.phone).toBe('13911112222')
      expect(holdsRole(u, other.role, other.scopeId)).toBe(other.grants)
    })

    it(`${action} held before its commit while profile.update completes: the edit is kept, and the other change wholly or not at all`, async () => {
      const openid = await newPerson()
      const other = await prepare(openid)
      const [theirs, mine] = await interleave(at.commit(other.by), other.run, edit(openid))
      expect(code(mine)).toBe('OK')
      expect(['OK', 'CONFLICT']).toContain(code(theirs))
      const u = await user(openid)
      expect(u.phone).toBe('13911112222')
      // Applied: the role changed. Refused: it did not (and the action's own records were not written either).
      expect(holdsRole(u, other.role, other.scopeId)).toBe(code(theirs) === 'OK' ? other.grants : !other.grants)
    })
  }
})
