import { DEFAULT_RULE } from '../../../cloudfunctions/property/domain/rules'
import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { reviewHeld } from './held'

/**
 * 红色物业 (issue 15 §1): a company declares its Party organisation, the street verifies it, the company
 * page, the street's coverage and the red/black list show it, and a rule that counts it moves a
 * placement — frozen with the inputs, so the published list still recomputes exactly.
 */

const PERIOD = 'per:st-jinxiu:2026-11'
type Red = {
  companyId: string
  kind: string
  coverage: string
  version: number
  verified: boolean
  staffMembers: number
  instructorName?: string
  branchName?: string
  declaredByName: string
  verifiedByName?: string
}
type Coverage = {
  rows: {
    estateName: string
    companyId: string | null
    kind: string
    coverage: string
    verified: boolean
    declared: boolean
  }[]
  totals: Record<string, number>
  verified: Record<string, number>
  pending: Red[]
}
type Entry = {
  companyId: string
  placement: string
  score: number
  reasons: string[]
  partyOrg?: { kind: string; verified: boolean }
}

const joint = (over: Record<string, unknown> = {}) => ({
  companyId: 'co-1',
  expectedVersion: 1,
  kind: 'joint_branch',
  branchName: '和谐社区安居物业联合党支部',
  staffMembers: 3,
  onSiteMembers: 2,
  committeeMembers: [{ name: '李淑珍', body: 'yeweihui', estateName: '和谐家园' }],
  ...over,
})

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
})
afterAll(() => h.close())

describe('the demo world', () => {
  it('shows each company its 红色物业 on its page: a verified joint branch, members only, none, an unverified claim, nothing declared', async () => {
    const page = async (companyId: string) =>
      (await h.ok<{ redProperty: Red | null }>('property', 'company.get', { companyId }, P.liu)).redProperty
    expect(await page('co-1')).toMatchObject({
      kind: 'joint_branch',
      coverage: 'branch',
      verified: true,
      instructorName: '孟庆国',
      version: 1,
    })
    expect(await page('co-2')).toMatchObject({ kind: 'members_only', coverage: 'members_only', verified: true })
    expect(await page('co-3')).toMatchObject({ kind: 'none', coverage: 'none', verified: true })
    expect(await page('co-4')).toMatchObject({ kind: 'own_branch', coverage: 'branch', verified: false })
    expect(await page('co-6')).toBeNull()
  })

  it('gives the street its coverage by estate, declared and verified apart, with the claims waiting for it', async () => {
    const c = await h.ok<Coverage>('property', 'redProperty.coverage', { streetId: 'st-jinxiu' }, P.admin)
    expect(
      c.rows.map((r) => `${r.estateName}:${r.coverage}:${r.verified ? 'v' : '-'}${r.declared ? '' : ':未登记'}`),
    ).toEqual([
      '翠竹苑:members_only:v',
      '和谐家园:branch:v',
      '柳青雅居:none:-:未登记',
      '青枫里:none:-:未登记',
      '朝阳新村:branch:-',
      '阳光花园:none:v',
    ])
    expect(c.totals).toEqual({ branch: 2, members_only: 1, none: 3 })
    expect(c.verified).toEqual({ branch: 1, members_only: 1, none: 1 })
    expect(c.pending.map((p) => p.companyId)).toEqual(['co-4'])
  })

  it('exports the coverage as an Excel file', async () => {
    const out = await h.ok<{ fileId: string; fileName: string; rows: number }>(
      'export',
      'property.redProperty',
      { streetId: 'st-jinxiu' },
      P.admin,
    )
    expect(out.rows).toBe(6)
    expect(out.fileName).toMatch(/红色物业覆盖-2026-11-23\.xlsx$/)
    expect(h.files().some((f) => f.includes('red-st-jinxiu'))).toBe(true)
  })
})

describe('declare and verify', () => {
  it('records a new declaration by the company as an unverified new version, keeping the one before', async () => {
    const d = await h.ok<Red>('property', 'redProperty.declare', joint(), P.prop)
    expect(d).toMatchObject({
      version: 2,
      verified: false,
      staffMembers: 3,
      instructorName: '孟庆国',
      declaredByName: '郑凯',
    })
    const { data } = await h.db.collection('property_revisions').where({ kind: 'party_org', targetId: 'po:co-1' }).get()
    expect(data).toHaveLength(1)
    expect(
      (data[0] as { snapshot: { version: number; verified: boolean; staffMembers: number } }).snapshot,
    ).toMatchObject({ version: 1, verified: true, staffMembers: 2 })
    const c = await h.ok<Coverage>('property', 'redProperty.coverage', { streetId: 'st-jinxiu' }, P.admin)
    expect(c.pending.map((p) => p.companyId)).toEqual(['co-1', 'co-4'])
    expect(c.verified.branch).toBe(0)
  })

  it('lets the street verify the version it read and name the instructor', async () => {
    const v = await h.ok<Red>(
      'property',
      'redProperty.verify',
      { companyId: 'co-1', version: 2, instructorName: '孟庆国' },
      P.admin,
    )
    expect(v).toMatchObject({ version: 2, verified: true, verifiedByName: '赵立新' })
  })

  it('refuses the wrong people, stale versions and impossible declarations, changing nothing', async () => {
    // Staff of another company, a resident, a secretary; the street of another street.
    await h.expectRefused(
      'property',
      'redProperty.declare',
      joint({ companyId: 'co-2', expectedVersion: 1, kind: 'members_only', branchName: undefined }),
      P.prop,
      'FORBIDDEN',
    )
    await h.expectRefused('property', 'redProperty.declare', joint({ expectedVersion: 2 }), P.liu, 'FORBIDDEN')
    await h.expectRefused('property', 'redProperty.declare', joint({ expectedVersion: 2 }), P.secHx, 'FORBIDDEN')
    await h.expectRefused(
      'property',
      'redProperty.declare',
      joint({ companyId: 'co-none', expectedVersion: 0 }),
      P.admin,
      'NOT_FOUND',
    )
    // Over a version it did not see.
    await h.expectRefused('property', 'redProperty.declare', joint({ expectedVersion: 1 }), P.prop, 'CONFLICT')
    // Impossible or incomplete.
    await h.expectRefused(
      'property',
      'redProperty.declare',
      joint({ expectedVersion: 2, kind: 'none', branchName: undefined }),
      P.prop,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'property',
      'redProperty.declare',
      joint({ expectedVersion: 2, kind: 'own_branch', staffMembers: 2, onSiteMembers: 1 }),
      P.prop,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'property',
      'redProperty.declare',
      joint({ expectedVersion: 2, onSiteMembers: 5 }),
      P.prop,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'property',
      'redProperty.declare',
      joint({ expectedVersion: 2, branchName: undefined }),
      P.prop,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'property',
      'redProperty.declare',
      joint({ expectedVersion: 2, kind: 'members_only' }),
      P.prop,
      'INVALID_INPUT',
    )
    await h.expectRefused(
      'property',
      'redProperty.declare',
      joint({ expectedVersion: 2, staffMembers: -1 }),
      P.prop,
      'INVALID_INPUT',
    )
    // Verification: only the street, only the latest version, only once, only what exists.
    await h.expectRefused('property', 'redProperty.verify', { companyId: 'co-4', version: 1 }, P.prop, 'FORBIDDEN')
    await h.expectRefused('property', 'redProperty.verify', { companyId: 'co-4', version: 1 }, P.secHx, 'FORBIDDEN')
    await h.expectRefused('property', 'redProperty.verify', { companyId: 'co-1', version: 1 }, P.admin, 'CONFLICT')
    await h.expectRefused('property', 'redProperty.verify', { companyId: 'co-1', version: 2 }, P.admin, 'CONFLICT')
    await h.expectRefused('property', 'redProperty.verify', { companyId: 'co-6', version: 1 }, P.admin, 'NOT_FOUND')
    await h.expectRefused('property', 'redProperty.verify', { companyId: 'co-4', version: 0 }, P.admin, 'INVALID_INPUT')
    // Coverage and its export are the street's.
    await h.expectRefused('property', 'redProperty.coverage', { streetId: 'st-jinxiu' }, P.secHx, 'FORBIDDEN')
    await h.expectRefused('property', 'redProperty.coverage', { streetId: 'st-other' }, P.admin, 'FORBIDDEN')
    await h.expectRefused('export', 'property.redProperty', { streetId: 'st-jinxiu' }, P.prop, 'FORBIDDEN')
  })
})

describe('races on one company record', () => {
  it('two declarations over the same version: one is recorded, the other CONFLICT, nothing lost', async () => {
    const [a, b] = await Promise.all([
      h.call<Red>('property', 'redProperty.declare', joint({ expectedVersion: 2, staffMembers: 4 }), P.prop),
      h.call<Red>('property', 'redProperty.declare', joint({ expectedVersion: 2, staffMembers: 5 }), P.admin),
    ])
    const codes = [a.env, b.env].map((e) => (e.ok ? 'ok' : e.error.code)).sort()
    expect(codes).toEqual(['CONFLICT', 'ok'])
    const winner = (a.env.ok ? a.env.data : b.env.ok ? b.env.data : null)!
    const page = await h.ok<{ redProperty: Red }>('property', 'company.get', { companyId: 'co-1' }, P.liu)
    expect(page.redProperty).toMatchObject({ version: 3, staffMembers: winner.staffMembers, verified: false })
    const { data } = await h.db.collection('property_revisions').where({ kind: 'party_org', targetId: 'po:co-1' }).get()
    expect(
      (data as { snapshot: { version: number; verified: boolean } }[])
        .map((r) => [r.snapshot.version, r.snapshot.verified])
        .sort(),
    ).toEqual([
      [1, true],
      [2, true],
    ])
  })

  it('a declaration and a verification at once: the verified version survives in the history whichever wins', async () => {
    const [declared, verified] = await Promise.all([
      h.call<Red>('property', 'redProperty.declare', joint({ expectedVersion: 3, staffMembers: 6 }), P.prop),
      h.call<Red>('property', 'redProperty.verify', { companyId: 'co-1', version: 3 }, P.admin),
    ])
    expect(declared.env.ok).toBe(true)
    const page = await h.ok<{ redProperty: Red }>('property', 'company.get', { companyId: 'co-1' }, P.liu)
    expect(page.redProperty).toMatchObject({ version: 4, staffMembers: 6, verified: false })
    const { data } = await h.db.collection('property_revisions').where({ kind: 'party_org', targetId: 'po:co-1' }).get()
    const v3 = (data as { snapshot: { version: number; verified: boolean } }[]).find((r) => r.snapshot.version === 3)!
    // Verification first: the kept version 3 is the verified one. Declaration first: the verification is refused.
    expect(verified.env.ok ? ['ok', v3.snapshot.verified] : [verified.env.error.code, v3.snapshot.verified]).toEqual(
      verified.env.ok ? ['ok', true] : ['CONFLICT', false],
    )
    await h.ok('property', 'redProperty.verify', { companyId: 'co-1', version: 4 }, P.admin)
  })
})

describe('a rule that counts 红色物业', () => {
  const preview = async () =>
    (await h.ok<{ entries: Entry[]; ruleVersion: number }>('property', 'list.preview', { periodId: PERIOD }, P.admin))
      .entries
  const co4 = (entries: Entry[]) => entries.find((e) => e.companyId === 'co-4')!

  it('keeps an unverified branch from the bonus and the red list, and lets it in once the street verifies it', async () => {
    const plain = co4(await preview())
    expect(plain.partyOrg).toEqual({ kind: 'own_branch', verified: false })
    await h.ok(
      'property',
      'rule.publish',
      {
        requestId: rid(),
        streetId: 'st-jinxiu',
        rule: {
          ...DEFAULT_RULE,
          redThreshold: plain.score + 5,
          redProperty: { branchBonus: 6, membersBonus: 2, requireBranchForRed: true },
        },
      },
      P.admin,
    )
    const before = co4(await preview())
    expect(before).toMatchObject({ score: plain.score, placement: 'neutral' })
    expect(before.reasons).toContain('红色物业：无党员（登记未经街道核实，按无党员计），加 0 分')
    // A verified members-only company gets its smaller bonus, and is kept off the red list whatever its score.
    const co2 = (await preview()).find((e) => e.companyId === 'co-2')!
    expect(co2.reasons).toContain('红色物业：仅有党员，加 2 分')
    // A company that declared nothing carries no 红色物业 (shown 未登记), counted as none, with no word of a declaration.
    const undeclared = (await preview()).filter((e) => !e.partyOrg)
    expect(undeclared.map((e) => e.companyId)).toEqual(['co-5', 'co-6'])
    expect(undeclared[0].reasons).toContain('红色物业：无党员，加 0 分')

    await h.ok('property', 'redProperty.verify', { companyId: 'co-4', version: 1, instructorName: '孟庆国' }, P.admin)
    const after = co4(await preview())
    expect(after).toMatchObject({
      score: Math.min(100, Math.round((plain.score + 6) * 100) / 100),
      placement: 'red',
      partyOrg: { kind: 'own_branch', verified: true },
    })
    expect(after.reasons).toContain('红色物业：建有党支部，加 6 分')
  })

  it('freezes 红色物业 with the published inputs: a later change moves nothing, and the list recomputes exactly', async () => {
    await h.ok('property', 'period.close', { periodId: PERIOD }, P.admin)
    h.setNow(new Date(T0.getTime() + 4 * 86_400_000))
    await reviewHeld(h, PERIOD)
    const pub = await h.ok<{ id: string; entries: Entry[] }>(
      'property',
      'list.publish',
      { requestId: rid(), periodId: PERIOD },
      P.admin,
    )
    expect(co4(pub.entries)).toMatchObject({ placement: 'red', partyOrg: { kind: 'own_branch', verified: true } })
    const inputs = await h.ok<{
      inputs: { companyId: string; partyOrg?: { kind: string; verified: boolean } }[]
      rule: { redProperty?: unknown }
    }>('property', 'list.inputs', { publicationId: pub.id }, P.liu)
    expect(inputs.inputs.find((i) => i.companyId === 'co-4')!.partyOrg).toEqual({ kind: 'own_branch', verified: true })
    expect(inputs.rule.redProperty).toEqual({ branchBonus: 6, membersBonus: 2, requireBranchForRed: true })

    // The company declares again (unverified): the published list keeps what was frozen.
    await h.ok(
      'property',
      'redProperty.declare',
      {
        companyId: 'co-4',
        expectedVersion: 1,
        kind: 'members_only',
        staffMembers: 2,
        onSiteMembers: 1,
        committeeMembers: [],
      },
      'o-street-admin',
    )
    const current = await h.ok<{ entries: Entry[] }>('property', 'list.current', { streetId: 'st-jinxiu' }, P.liu)
    expect(co4(current.entries)).toMatchObject({ placement: 'red', partyOrg: { kind: 'own_branch', verified: true } })
    const again = await h.ok<{ matches: boolean }>('property', 'list.recompute', { publicationId: pub.id }, P.liu)
    expect(again.matches).toBe(true)
  })
})
