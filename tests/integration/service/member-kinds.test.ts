import { ids } from '../../../cloudfunctions/service/repo'
import { openCloud, P, rid, T0, type Cloud } from '../harness'
import { serve } from './fixtures'

/**
 * Issue 15 §4: every kind of Party member. Retired members check in without a unit, mobile members with
 * their origin Party organisation; both join activities, claim wishes, take needs and appear on the ledger,
 * and no unit's 双反馈 letter ever counts them. Records stored before the kinds existed read as in-service.
 */

type Member = {
  id: string
  kind: string
  originOrg?: string
  unitId?: string
  unitName: string
  unitLink?: string
  status: string
}
type Ledger = { kind: string; unitName: string; totals: { minutes: number; activities: number; wishes: number } }
type Ranking = { items: { memberId: string; name: string; kind: string; unitName: string; minutes: number }[] }
type Letter = { rows: { memberId: string; minutes: number }[] }
type Dashboard = { members: { checkedIn: number; byKind: Record<string, number> } }
type Page<T> = { items: T[]; total: number }

const HE = 'o-new-retired-he' // a retired member, new to the app
const LUO = 'o-new-mobile-luo' // a mobile member, new to the app
const ORIGIN = '湖北省麻城市宋埠镇彭店村党支部'
const checkin = (name: string, extra: Record<string, unknown>) => ({
  requestId: rid(),
  name,
  communityId: 'c-hx',
  skills: ['读报'],
  availability: '工作日上午',
  ...extra,
})
const quarter = '2026Q4'

let h: Cloud
beforeAll(async () => {
  h = await openCloud()
  h.setNow(T0)
})
afterAll(() => h.close())

describe('records stored before the kinds existed', () => {
  it('read as in-service, with the unit link, though the stored record has no kind', async () => {
    const raw = (await h.db.collection('svc_members').doc(ids.member(P.member)).get()).data as { kind?: string }
    expect(raw.kind).toBeUndefined()
    expect(await h.ok<Member>('service', 'member.mine', {}, P.member)).toMatchObject({
      kind: 'in_service',
      unitId: 'u-hx-1',
      unitLink: 'claimed',
    })
    const ranking = await h.ok<Ranking>('service', 'ledger.ranking', { communityId: 'c-hx', year: 2026 }, P.secHx)
    expect(ranking.items.map((r) => r.kind)).toEqual(['in_service', 'in_service', 'in_service', 'in_service'])
    expect(await h.ok<Ledger>('service', 'ledger.get', { year: 2025 }, P.member)).toMatchObject({
      kind: 'in_service',
      totals: { minutes: 240, activities: 2 },
    })
  })
})

describe('the demo world has a retired and a mobile member (阳光社区)', () => {
  it('lists them with their kind, and counts the community’s members by kind on the dashboard', async () => {
    const page = await h.ok<Page<Member>>(
      'service',
      'member.list',
      { communityId: 'c-yg', status: 'approved' },
      P.secYg,
    )
    const byName = Object.fromEntries(page.items.map((m) => [m.kind, m]))
    expect(byName.retired).toMatchObject({ kind: 'retired', unitName: '', status: 'approved' })
    expect(byName.retired.unitLink).toBeUndefined()
    expect(byName.mobile).toMatchObject({ kind: 'mobile', originOrg: ORIGIN, unitName: '' })
    const yg = await h.ok<Dashboard>('service', 'dashboard', { communityId: 'c-yg', year: 2026 }, P.secYg)
    expect(yg.members).toMatchObject({ checkedIn: 6, byKind: { in_service: 4, retired: 1, mobile: 1 } })
    const hx = await h.ok<Dashboard>('service', 'dashboard', { communityId: 'c-hx', year: 2026 }, P.secHx)
    expect(hx.members).toMatchObject({ checkedIn: 4, byKind: { in_service: 4, retired: 0, mobile: 0 } })
  })

  it('puts them on the community’s ranking under their kind, and on no unit’s letter', async () => {
    const ranking = await h.ok<Ranking>('service', 'ledger.ranking', { communityId: 'c-yg', year: 2026 }, P.secYg)
    expect(ranking.items.filter((r) => r.kind !== 'in_service').map((r) => [r.name, r.kind, r.minutes])).toEqual([
      ['何秀兰', 'retired', 150],
      ['罗建军', 'mobile', 60],
    ])
    const rows = await h.db
      .collection('svc_ledgers')
      .where({ memberId: h.db.command.in([ids.member('o-svc-ret-yg'), ids.member('o-svc-mob-yg')]) })
      .get()
    expect(rows.data).toHaveLength(4)
    expect((rows.data as { unitId?: string }[]).every((l) => l.unitId === undefined)).toBe(true)
  })
})

describe('member.checkin asks only what the kind needs', () => {
  it('refuses a retired member with a unit or a unit name, changing nothing', async () => {
    for (const extra of [
      { unitId: 'u-hx-2' },
      { unitName: '锦绣区第一中学' },
      { unitId: 'u-hx-2', unitName: '锦绣区第一中学' },
    ]) {
      const err = await h.expectRefused(
        'service',
        'member.checkin',
        checkin('何桂芝', { kind: 'retired', ...extra }),
        HE,
        'INVALID_INPUT',
      )
      expect(err?.issues?.map((i) => i.path)).toContainEqual(['unitId'])
    }
  })

  it('refuses a mobile member without the origin organisation or with a unit, and the origin for anyone else', async () => {
    expect(
      (await h.expectRefused('service', 'member.checkin', checkin('罗志刚', { kind: 'mobile' }), LUO, 'INVALID_INPUT'))
        ?.issues?.[0]?.path,
    ).toEqual(['originOrg'])
    expect(
      (
        await h.expectRefused(
          'service',
          'member.checkin',
          checkin('罗志刚', { kind: 'mobile', originOrg: ORIGIN, unitId: 'u-hx-2' }),
          LUO,
          'INVALID_INPUT',
        )
      )?.issues?.[0]?.path,
    ).toEqual(['unitId'])
    expect(
      (
        await h.expectRefused(
          'service',
          'member.checkin',
          checkin('罗志刚', { kind: 'retired', originOrg: ORIGIN }),
          LUO,
          'INVALID_INPUT',
        )
      )?.issues?.[0]?.path,
    ).toEqual(['originOrg'])
    expect(
      (
        await h.expectRefused(
          'service',
          'member.checkin',
          checkin('罗志刚', { unitName: '某厂', originOrg: ORIGIN }),
          LUO,
          'INVALID_INPUT',
        )
      )?.issues?.[0]?.path,
    ).toEqual(['originOrg'])
  })

  it('still asks an in-service member (the default) for the unit, and refuses an unknown kind', async () => {
    expect(
      (await h.expectRefused('service', 'member.checkin', checkin('罗志刚', {}), LUO, 'INVALID_INPUT'))?.issues?.[0]
        ?.path,
    ).toEqual(['unitName'])
    await h.expectRefused('service', 'member.checkin', checkin('罗志刚', { kind: 'honorary' }), LUO, 'INVALID_INPUT')
  })

  it('takes a retired member without a unit; they are not among the members waiting for a unit link', async () => {
    const m = await h.ok<Member>('service', 'member.checkin', checkin('何桂芝', { kind: 'retired' }), HE)
    expect(m).toMatchObject({ kind: 'retired', status: 'pending', unitName: '' })
    expect(m.unitId).toBeUndefined()
    expect(m.unitLink).toBeUndefined()
    const unlinked = await h.ok<Page<Member>>(
      'service',
      'member.list',
      { communityId: 'c-hx', status: 'unlinked' },
      P.secHx,
    )
    expect(unlinked.items.map((x) => x.id)).not.toContain(m.id)
    await h.ok('service', 'member.decide', { memberId: m.id, approve: true, gridId: 'g-hx-1' }, P.secHx)
  })

  it('takes a mobile member with the origin organisation', async () => {
    const m = await h.ok<Member>(
      'service',
      'member.checkin',
      checkin('罗志刚', { kind: 'mobile', originOrg: ORIGIN }),
      LUO,
    )
    expect(m).toMatchObject({ kind: 'mobile', originOrg: ORIGIN, unitName: '', status: 'pending' })
    await h.ok('service', 'member.decide', { memberId: m.id, approve: true, gridId: 'g-hx-2' }, P.secHx)
  })

  it('shows the member their own kind and origin organisation in 我的数据', async () => {
    const page = await h.ok<{ rows: Record<string, unknown>[] }>(
      'org',
      'mydata.section',
      { section: 'checkins', page: 1, pageSize: 10 },
      LUO,
    )
    expect(page.rows[0]).toMatchObject({ kind: '流动党员', originOrg: ORIGIN, unit: null })
    const old = await h.ok<{ rows: Record<string, unknown>[] }>(
      'org',
      'mydata.section',
      { section: 'checkins', page: 1, pageSize: 10 },
      P.member,
    )
    expect(old.rows[0]).toMatchObject({ kind: '在职党员', unit: '锦绣区人民医院' })
  })

  it('refuses to link a retired or mobile member to a unit (CONFLICT), changing nothing', async () => {
    for (const who of [HE, LUO])
      await h.expectRefused(
        'service',
        'member.linkUnit',
        { memberId: ids.member(who), unitId: 'u-hx-2' },
        P.secHx,
        'CONFLICT',
      )
  })

  it('counts them by kind on the dashboard once approved', async () => {
    const d = await h.ok<Dashboard>('service', 'dashboard', { communityId: 'c-hx', year: 2026 }, P.secHx)
    expect(d.members).toMatchObject({ checkedIn: 6, byKind: { in_service: 4, retired: 1, mobile: 1 } })
  })
})

describe('retired and mobile members serve like any member, and no unit’s letter counts them', () => {
  it('records a retired member’s activity minutes on the ledger and the ranking', async () => {
    await serve(h, HE, '读报进楼道')
    expect(await h.ok<Ledger>('service', 'ledger.get', { year: 2026 }, HE)).toMatchObject({
      kind: 'retired',
      unitName: '',
      totals: { minutes: 45, activities: 1 },
    })
    const ranking = await h.ok<Ranking>('service', 'ledger.ranking', { communityId: 'c-hx', year: 2026 }, HE)
    expect(ranking.items.find((r) => r.memberId === ids.member(HE))).toMatchObject({ kind: 'retired', minutes: 45 })
  })

  it('lets a mobile member serve, claim and deliver a wish (counted on their ledger) and offer to take a need', async () => {
    await serve(h, LUO, '修理电动车')
    await h.ok('service', 'wish.claim', { wishId: 'wish-hx-1' }, LUO)
    await h.ok('service', 'wish.deliver', { wishId: 'wish-hx-1', note: '已送到家' }, LUO)
    await h.ok('service', 'wish.confirm', { wishId: 'wish-hx-1', rating: 5 }, P.zhang)
    expect(await h.ok<Ledger>('service', 'ledger.get', { year: 2026 }, LUO)).toMatchObject({
      kind: 'mobile',
      totals: { minutes: 45, activities: 1, wishes: 1 },
    })
    const offer = await h.ok<{ ownerType: string; ownerName: string }>(
      'service',
      'need.offer',
      { requestId: rid(), needId: 'need-hx-1', title: '组织老乡修路面', note: '周日可来 3 人' },
      LUO,
    )
    expect(offer).toMatchObject({ ownerType: 'member', ownerName: '罗志刚' })
  })

  it('issues every unit’s letter for the quarter without a row for either of them', async () => {
    const rows: Letter['rows'] = []
    for (const unitId of ['u-hx-1', 'u-hx-2', 'u-hx-3'])
      rows.push(...(await h.ok<Letter>('service', 'letter.issue', { requestId: rid(), unitId, quarter }, P.secHx)).rows)
    // The letters do carry the in-service members' minutes, so an empty result is not what passes.
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.map((r) => r.memberId)).not.toContain(ids.member(HE))
    expect(rows.map((r) => r.memberId)).not.toContain(ids.member(LUO))
    const ledgers = await h.db
      .collection('svc_ledgers')
      .where({ memberId: h.db.command.in([ids.member(HE), ids.member(LUO)]) })
      .get()
    expect(ledgers.data).toHaveLength(4)
    expect((ledgers.data as { unitId?: string; kind?: string }[]).map((l) => [l.unitId, l.kind])).toEqual(
      expect.arrayContaining([
        [undefined, 'retired'],
        [undefined, 'mobile'],
      ]),
    )
  })
})

describe('a member who names no unit yet, re-checking in as retired while the secretary links a unit', () => {
  it('ends retired without a unit whichever lands first (the link is CONFLICT or is replaced)', async () => {
    const who = 'o-new-race-gu'
    const first = await h.ok<Member>('service', 'member.checkin', checkin('顾文', { unitName: '锦绣区某设计院' }), who)
    expect(first.unitLink).toBe('unlisted')
    const [link, re] = await Promise.all([
      h.call('service', 'member.linkUnit', { memberId: first.id, unitId: 'u-hx-2' }, P.secHx),
      h.call('service', 'member.checkin', checkin('顾文', { kind: 'retired' }), who),
    ])
    expect(re.env.ok).toBe(true)
    expect(link.env.ok ? 'ok' : link.env.error.code).toMatch(/^(ok|CONFLICT)$/)
    const after = await h.ok<Member>('service', 'member.mine', {}, who)
    expect(after).toMatchObject({ kind: 'retired', unitName: '' })
    expect(after.unitId).toBeUndefined()
  })
})
