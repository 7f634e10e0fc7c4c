import type { Envelope } from '../../../types'
import { COL } from '../../../cloudfunctions/shared/collections'
import { memberRecordId, personKey } from '../../../cloudfunctions/shared/pseudonym'
import { openCloud, P, rid, type Cloud } from '../harness'

/**
 * Leaving (注销, issue 12 §4): the profile is erased, every grant and the household binding end, the
 * person's records stay as 已注销用户 contributions (totals, lists, results unchanged), uploads no record
 * carries leave storage, one audit entry keeps that it happened and not who, and the same openid coming
 * back is a new person.
 */

type Result = { grantsEnded: number; requestsWithdrawn: number; recordsAnonymised: number; filesRemoved: number }
type Me = { name: string; phone?: string; roles: { role: string; scopeId: string }[]; binding: unknown }
type Page<T> = { items: T[]; total: number; nextCursor?: string | null }

const code = (e: Envelope<unknown>) => (e.ok ? 'OK' : e.error.code)
const leave = (h: Cloud, openid: string) => h.ok<Result>('org', 'account.leave', { confirm: true }, openid)

/** Every stored document that still carries `value` anywhere (its id included), as `collection/_id`. */
async function carrying(h: Cloud, value: string): Promise<string[]> {
  const found: string[] = []
  for (const name of Object.values(COL)) {
    const { total } = await h.db.collection(name).count()
    for (let skip = 0; skip < total; skip += 1000) {
      const { data } = await h.db.collection(name).skip(skip).limit(1000).get()
      for (const d of data as { _id: string }[]) if (JSON.stringify(d).includes(value)) found.push(`${name}/${d._id}`)
    }
  }
  return found
}

describe('account.leave refusals change nothing', () => {
  let h: Cloud
  beforeAll(async () => {
    h = await openCloud()
  })
  afterAll(() => h.close())

  it('refuses without the confirmation', async () => {
    await h.expectRefused('org', 'account.leave', {}, P.liu, 'INVALID_INPUT')
    await h.expectRefused('org', 'account.leave', { confirm: false }, P.liu, 'INVALID_INPUT')
  })

  it('refuses a caller without a WeChat identity', async () => {
    await h.expectRefused('org', 'account.leave', { confirm: true }, null, 'UNAUTHENTICATED')
  })

  it('refuses the last street admin of a street, saying so, and changes nothing', async () => {
    const err = await h.expectRefused('org', 'account.leave', { confirm: true }, P.admin, 'CONFLICT')
    expect(err?.message).toContain('唯一的街道管理员')
    const me = await h.ok<Me>('org', 'me', {}, P.admin)
    expect(me.roles.some((r) => r.role === 'street_admin')).toBe(true)
  })
})

describe('leaving: the resident 刘芳', () => {
  let h: Cloud
  let result: Result
  let topicsBefore: string
  let photoLoose: string
  let photoOnTopic: string
  beforeAll(async () => {
    h = await openCloud()
    // One photo left loose (uploaded, never attached) and one carried by a topic 刘芳 proposes.
    photoLoose = await h.photo('council', P.liu)
    photoOnTopic = await h.photo('council', P.liu)
    await h.ok(
      'council',
      'topic.propose',
      {
        requestId: rid(),
        communityId: 'c-hx',
        title: '楼道灯不亮',
        body: '1号楼二单元楼道灯坏了一个月',
        photos: [photoOnTopic],
      },
      P.liu,
    )
    await h.ok('council', 'notice.subscribe', { communityId: 'c-hx', on: true }, P.liu)
    topicsBefore = JSON.stringify(await h.ok('council', 'topic.list', { communityId: 'c-hx', pageSize: 50 }, P.secHx))
    await h.ok('org', 'mydata.export', {}, P.liu)
    expect(h.files().join('\n')).toContain('exports/mydata/')
    result = await leave(h, P.liu)
  })
  afterAll(() => h.close())

  it('ends the resident grant and the household binding, and answers in counts only', async () => {
    expect(result.grantsEnded).toBe(1)
    expect(result.recordsAnonymised).toBeGreaterThan(3)
    const { data } = await h.db.collection(COL.bindings).where({ _id: 'bind-liu' }).get()
    expect(data[0]).toMatchObject({ status: 'ended', endKind: 'departed', applicantName: '已注销用户' })
    expect((data[0] as { applicantPhone?: string }).applicantPhone).toBeUndefined()
  })

  it('erases the profile: no record keeps 刘芳’s name, phone, openid or member key, not even in a document id', async () => {
    expect(await carrying(h, '刘芳')).toEqual([])
    expect(await carrying(h, '13800000004')).toEqual([])
    expect(await carrying(h, P.liu)).toEqual([])
    expect(await carrying(h, memberRecordId(P.liu))).toEqual([])
    const { data } = await h.db.collection(COL.users).where({ _id: P.liu }).get()
    expect(data).toEqual([])
  })

  it('keeps her topics as 已注销用户 contributions: the list reads the same but for the name', async () => {
    const after = JSON.stringify(await h.ok('council', 'topic.list', { communityId: 'c-hx', pageSize: 50 }, P.secHx))
    expect(after).toBe(topicsBefore.split('刘芳').join('已注销用户'))
    expect(topicsBefore).toContain('刘芳')
  })

  it('removes the loose upload from storage and keeps the photo a topic carries', async () => {
    expect(result.filesRemoved).toBe(1)
    const files = h.files().join('\n')
    expect(files).not.toContain(photoLoose.split('/').pop())
    expect(files).toContain(photoOnTopic.split('/').pop())
  })

  it('removes her 我的数据 file from storage', async () => {
    expect(h.files().join('\n')).not.toContain('exports/mydata/')
  })

  it('stops her notice subscriptions: nobody is left to tell', async () => {
    // Her subscription moved to the departed token's id (`sub:c-hx:departed:…`), switched off.
    const { data } = await h.db
      .collection(COL.councilSubscriptions)
      .where({ communityId: 'c-hx', _id: h.db.RegExp({ regexp: '^sub:c-hx:departed:' }) })
      .get()
    expect(data).toEqual([expect.objectContaining({ on: false })])
  })

  it('writes one audit entry that says somebody left, on which day, and not who', async () => {
    const { data } = await h.db.collection(COL.audit).where({ action: 'account.leave' }).get()
    const entries = data as { actor: string; target: string; at: Date; after: Partial<Result> }[]
    // The leave itself, and the grant it ended: all under 已注销用户, dated by the (Beijing) day only.
    expect(entries.map((e) => e.actor)).toEqual(entries.map(() => '已注销用户'))
    expect(entries.map((e) => new Date(e.at).toISOString())).toEqual(entries.map(() => '2026-11-22T16:00:00.000Z'))
    expect(entries.filter((e) => e.after?.grantsEnded !== undefined)).toEqual([
      expect.objectContaining({ target: 'users/已注销用户', after: result }),
    ])
    expect(JSON.stringify(entries)).not.toMatch(/o-res-liu|departed:/)
  })

  it('greets the same openid coming back as a new person: no name, roles, binding or history', async () => {
    const me = await h.ok<Me>('org', 'me', {}, P.liu)
    expect(me).toMatchObject({ name: '', roles: [], binding: null })
    expect(me.phone).toBeUndefined()
    const history = await h.ok<Page<unknown>>('org', 'role.history', {}, P.liu)
    expect(history.total).toBe(0)
    expect(code((await h.call('council', 'topic.second', { topicId: 'nope' }, P.liu)).env)).toBe('FORBIDDEN')
  })

  it('lets the new person bind a household again from scratch', async () => {
    const b = await h.ok<{ status: string; applicantName: string }>(
      'org',
      'binding.request',
      {
        requestId: rid(),
        householdId: 'h-hx-1-1-101',
        name: '刘新',
        phone: '13800000099',
      },
      P.liu,
    )
    expect(b).toMatchObject({ status: 'pending', applicantName: '刘新' })
  })

  it('is harmless when repeated: nothing is left to end or anonymise', async () => {
    const again = await leave(h, P.liu)
    // Only the new person's pending binding request is there to withdraw.
    expect(again).toMatchObject({ grantsEnded: 0, requestsWithdrawn: 1, filesRemoved: 0 })
  })
})

describe('a leave changes no published list and no vote result', () => {
  let h: Cloud
  beforeAll(async () => {
    h = await openCloud()
  })
  afterAll(() => h.close())

  /** Every published red/black list (as shown, its frozen inputs and its recomputation), every vote as shown, every topic's seconds. */
  async function published(): Promise<string> {
    const pubs = (await h.db.collection(COL.propertyPublications).orderBy('_id', 'asc').limit(1000).get()).data as {
      _id: string
    }[]
    const votes = (await h.db.collection(COL.councilVotes).orderBy('_id', 'asc').limit(1000).get()).data as {
      _id: string
    }[]
    const topics = (await h.db.collection(COL.councilTopics).orderBy('_id', 'asc').limit(1000).get()).data as {
      _id: string
      seconds: number
    }[]
    expect(pubs.length).toBeGreaterThan(0)
    expect(votes.length).toBeGreaterThan(0)
    const out: unknown[] = [await h.ok('property', 'list.current', { streetId: 'st-jinxiu' }, P.zhou)]
    for (const p of pubs) {
      out.push(await h.ok('property', 'list.inputs', { publicationId: p._id }, P.zhou))
      const again = await h.ok<{ matches: boolean }>('property', 'list.recompute', { publicationId: p._id }, P.zhou)
      expect(again.matches).toBe(true)
      out.push(again)
    }
    for (const v of votes) out.push(await h.ok('council', 'vote.get', { voteId: v._id }, P.admin))
    out.push(topics.map((t) => [t._id, t.seconds]))
    // Service: every ledger's totals (ids move with a leave, so by community and period), the minutes by month.
    const ledgers = (await h.db.collection(COL.svcLedgers).limit(1000).get()).data as {
      communityId: string
      period: string
      minutes: number
      activities: number
      wishes: number
    }[]
    expect(ledgers.length).toBeGreaterThan(0)
    out.push(ledgers.map((l) => [l.communityId, l.period, l.minutes, l.activities, l.wishes].join('|')).sort())
    out.push((await h.db.collection(COL.svcStats).orderBy('_id', 'asc').limit(1000).get()).data)
    return JSON.stringify(out)
  }

  it('keeps every list, its inputs, every vote result, seconds count and ledger total identical after raters, members, a resident and a secretary leave', async () => {
    const before = await published()
    // Two raters whose ratings are frozen into published lists, and the people of the demo community.
    const { data } = await h.db.collection(COL.propertyRatings).orderBy('_id', 'asc').limit(2).get()
    const raters = (data as { raterOpenid: string }[]).map((r) => r.raterOpenid)
    const ledger = (await h.db.collection(COL.svcLedgers).orderBy('_id', 'asc').limit(1).get()).data[0] as {
      openid: string
    }
    const leavers = [...raters, ledger.openid, P.liu, P.member, P.secHx]
    let anonymised = 0
    for (const who of leavers) anonymised += (await leave(h, who)).recordsAnonymised
    expect(anonymised).toBeGreaterThan(10)
    for (const who of leavers) {
      expect(await carrying(h, who)).toEqual([])
      expect(await carrying(h, personKey(who))).toEqual([])
    }
    expect(await published()).toBe(before)
  })
})

describe('leaving while the community decides the binding', () => {
  it('ends up with no person record and no live binding, whichever lands first', async () => {
    const h = await openCloud()
    try {
      const b = await h.ok<{ id: string }>(
        'org',
        'binding.request',
        { requestId: rid(), householdId: 'h-hx-1-1-102', name: '周小雨', phone: '13800000006' },
        P.zhou,
      )
      const [left, decided] = await Promise.all([
        h.call<Result>('org', 'account.leave', { confirm: true }, P.zhou),
        h.call('org', 'binding.decide', { bindingId: b.id, approve: true }, P.secHx),
      ])
      expect(code(left.env)).toBe('OK')
      expect(['OK', 'CONFLICT']).toContain(code(decided.env))
      const result = (left.env as { data: Result }).data
      // Approved first: the leave ended the new resident grant; left first: the request was withdrawn.
      expect(result.grantsEnded + result.requestsWithdrawn).toBe(1)
      expect(result.grantsEnded).toBe(code(decided.env) === 'OK' ? 1 : 0)
      const { data } = await h.db.collection(COL.bindings).where({ _id: b.id }).get()
      expect(data[0]).toMatchObject({ status: 'ended', endKind: 'departed', applicantName: '已注销用户' })
      expect((await h.db.collection(COL.users).where({ _id: P.zhou }).get()).data).toEqual([])
      expect(await h.ok<Me>('org', 'me', {}, P.zhou)).toMatchObject({ name: '', roles: [], binding: null })
    } finally {
      h.close()
    }
  })

  it('a grant given at the same moment either conflicts or is ended by the leave: never left behind', async () => {
    const h = await openCloud()
    try {
      const inv = await h.ok<{ code: string }>(
        'org',
        'invitation.create',
        { requestId: rid(), role: 'secretary', scopeId: 'c-yg' },
        P.admin,
      )
      // 周小雨 redeems an appointment while she leaves: the record either ends with the leave, or is a new person's, made after it.
      const [left, redeemed] = await Promise.all([
        h.call<Result>('org', 'account.leave', { confirm: true }, P.zhou),
        h.call<Me>('org', 'invitation.redeem', { code: inv.code, name: '周小雨' }, P.zhou),
      ])
      expect(code(left.env)).toBe('OK')
      const me = await h.ok<Me>('org', 'me', {}, P.zhou)
      const result = (left.env as { data: Result }).data
      // Only a redemption that landed after the leave (a new person's appointment) may still stand.
      const standing = result.grantsEnded === 0 && code(redeemed.env) === 'OK' ? ['secretary'] : []
      expect(me.roles.map((r) => r.role)).toEqual(standing)
      expect(['OK', 'CONFLICT']).toContain(code(redeemed.env))
    } finally {
      h.close()
    }
  })
})

describe('the requests of a leave', () => {
  it('do not grow with the person’s records', async () => {
    const h = await openCloud()
    try {
      const topic = (await h.db.collection(COL.councilTopics).limit(1).get()).data[0] as Record<string, unknown>
      const writeTopics = async (openid: string, n: number) => {
        for (let i = 0; i < n; i++)
          await h.db
            .collection(COL.councilTopics)
            .add({ data: { ...topic, _id: `t-${openid}-${i}`, authorOpenid: openid, authorName: '某人' } })
      }
      await writeTopics('o-few', 1)
      await writeTopics('o-many', 30)
      const few = await h.call<Result>('org', 'account.leave', { confirm: true }, 'o-few')
      const many = await h.call<Result>('org', 'account.leave', { confirm: true }, 'o-many')
      expect((many.env as { data: Result }).data.recordsAnonymised).toBe(30)
      expect(many.dbRequests).toBe(few.dbRequests)
      // 140 for a person with no grants (docs/decisions.md "Leaving"): one query per registry step; moving
      // a record whose id embeds the person adds a few requests per record of their own, never per anyone else's.
      expect(many.dbRequests).toBeLessThan(160)
    } finally {
      h.close()
    }
  })
})
