import { COL } from '../../../cloudfunctions/shared/collections'
import {
  arrayPlan,
  mergeNested,
  nested,
  rekeyPlan,
  swapIdentity,
  sweepPlan,
} from '../../../cloudfunctions/org/domain/leaving'
import { personVoice } from '../../../cloudfunctions/shared/moderation'
import { PERSONAL_DATA } from '../../../cloudfunctions/shared/personal-data'
import { memberRecordId, personKey } from '../../../cloudfunctions/shared/pseudonym'

const plan = sweepPlan('o-1', 'departed:t')
const step = (collection: string, path: string) => plan.find((s) => s.collection === collection && s.path === path)

describe('what leaving rewrites, from the personal-data registry', () => {
  it('replaces an openid field with the departed token, and the name and phone copied beside it', () => {
    expect(step(COL.bindings, 'openid')).toEqual({
      collection: COL.bindings,
      path: 'openid',
      from: 'o-1',
      to: 'departed:t',
      names: ['applicantName'],
      phones: ['applicantPhone'],
    })
    expect(step(COL.bindings, 'decidedBy')).toMatchObject({ names: ['decidedByName'], phones: [] })
    expect(step(COL.councilTopics, 'authorOpenid')).toMatchObject({ names: ['authorName'] })
    expect(step(COL.units, 'checkin.decidedBy')).toMatchObject({ names: ['checkin.decidedByName'] })
  })

  it('replaces a member key (`m:<personKey>`, also inside `member:m:…`) with the key of the token', () => {
    expect(step(COL.svcAssessments, 'subjectId')).toMatchObject({
      from: memberRecordId('o-1'),
      to: `m:${personKey('departed:t')}`,
      names: ['subjectName'],
    })
    expect(step(COL.gridEvents, 'handlerKey')).toMatchObject({
      from: `member:m:${personKey('o-1')}`,
      to: `member:m:${personKey('departed:t')}`,
    })
    expect(step(COL.svcAttendance, 'memberId')).toMatchObject({ from: memberRecordId('o-1'), names: ['memberName'] })
  })

  it("leaves a name typed for somebody else alone (a branch secretary), and rewrites a project owner's name only with the owner's key", () => {
    const names = plan.flatMap((s) => s.names.map((n) => `${s.collection}.${n}`))
    // A project's owner is linked (ownerId m:<personKey> for a member): the name goes where that key does.
    expect(names).toContain(`${COL.svcProjects}.ownerName`)
    expect(names).not.toContain(`${COL.gridStaff}.secretaryName`)
    expect(names).toContain(`${COL.gridStaff}.name`)
  })

  it("rewrites a bare person key (a reporter, an audit entry's actorKey) with the key of the token", () => {
    expect(step(COL.moderationReports, 'reporter')).toMatchObject({
      from: personKey('o-1'),
      to: personKey('departed:t'),
    })
    expect(step(COL.audit, 'actorKey')).toMatchObject({ from: personKey('o-1'), to: personKey('departed:t') })
  })

  it('sweeps no document id, no array element and no compound value (ids move one by one: rekeyPlan)', () => {
    expect(plan.filter((s) => s.path === '_id' || s.path.includes('[]'))).toEqual([])
    expect(step(COL.councilNoticeJobs, 'after')).toBeUndefined()
    expect(step(COL.councilBallots, 'owner')).toBeUndefined()
  })

  it('covers every plain openid field the registry lists', () => {
    const plain = Object.entries(PERSONAL_DATA).flatMap(([c, e]) =>
      e!.fields
        .filter((f) => f.holds === 'openid' && f.path !== '_id' && !f.path.includes('[]') && !f.pattern)
        .map((f) => `${c}.${f.path}`),
    )
    expect(plain.filter((p) => !plan.some((s) => `${s.collection}.${s.path}` === p))).toEqual([])
    expect(plain.length).toBeGreaterThan(30)
  })

  it('moves every record whose id embeds the person, found by a field that already names the token', () => {
    const moves = Object.fromEntries(rekeyPlan('o-1', 'departed:t').map((r) => [r.collection, r]))
    expect(moves[COL.councilSeconds]).toEqual({
      collection: COL.councilSeconds,
      path: 'openid',
      value: 'departed:t',
      fragment: 'o-1',
    })
    expect(moves[COL.svcMembers]).toMatchObject({ path: 'openid', value: 'departed:t', fragment: personKey('o-1') })
    expect(moves[COL.svcAssessments]).toMatchObject({
      path: 'subjectId',
      value: memberRecordId('departed:t'),
      fragment: personKey('o-1'),
    })
    expect(moves[COL.moderationReports]).toMatchObject({ path: 'reporter', value: personKey('departed:t') })
    // Every registered id that embeds a person, but the person record (removed), idempotency marks (deleted) and project updates (they move with their project: ID_REFS).
    const embedding = Object.entries(PERSONAL_DATA)
      .filter(([, e]) => e!.fields.some((f) => f.path === '_id'))
      .map(([c]) => c)
    expect(embedding.filter((c) => !moves[c]).sort()).toEqual([COL.requests, COL.svcProjectUpdates, COL.users].sort())
  })

  it('rewrites records naming the person inside arrays, with the names beside their elements', () => {
    const steps = arrayPlan('o-1', 'departed:t')
    expect(steps).toContainEqual({
      collection: COL.councilMeetings,
      query: 'inviteKeys',
      from: `person:${personKey('o-1')}`,
      array: 'inviteKeys',
      key: '',
      names: [],
    })
    expect(steps).toContainEqual({
      collection: COL.units,
      query: 'history.decidedBy',
      from: 'o-1',
      array: 'history',
      key: 'decidedBy',
      names: ['decidedByName'],
    })
    expect(steps).toContainEqual(
      expect.objectContaining({ collection: COL.svcLetters, query: 'rows.memberId', from: memberRecordId('o-1') }),
    )
    expect(steps).toContainEqual(
      expect.objectContaining({ collection: COL.moderationCases, query: 'voices', from: personVoice('o-1') }),
    )
  })

  it('swaps the openid and the person key wherever they appear in a value, and nothing else', () => {
    const swap = swapIdentity('o-1', 'departed:t')
    const at = new Date(0)
    expect(swap({ _id: `second:t1:o-1`, k: [`member:m:${personKey('o-1')}`, 'o-2'], at, n: 3 })).toEqual({
      _id: 'second:t1:departed:t',
      k: [`member:m:${personKey('departed:t')}`, 'o-2'],
      at,
      n: 3,
    })
  })

  it('builds nested updates for dotted paths and merges two fields of one sub-object', () => {
    expect(nested('a.b.c', 1)).toEqual({ a: { b: { c: 1 } } })
    expect(
      mergeNested([nested('checkin.decidedBy', 't'), nested('checkin.decidedByName', 'n'), nested('x', 2)]),
    ).toEqual({ checkin: { decidedBy: 't', decidedByName: 'n' }, x: 2 })
  })
})
