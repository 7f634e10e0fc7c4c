import { meetingNoticePlan } from '../../../cloudfunctions/org/domain/joint'

describe('who is told of a 联席会议', () => {
  const reach = new Map([
    ['u1', ['a', 'b']],
    ['co1', ['b', 'c']],
  ])

  it("tells each invited body's people once, and marks a member notified only when one of theirs is told", () => {
    const plan = meetingNoticePlan(
      [
        { memberId: 'm1', bodyId: 'u1' },
        { memberId: 'm2', bodyId: 'co1' },
        { memberId: 'm3', bodyId: 'u-nobody' },
        { memberId: 'm4' },
      ],
      reach,
    )
    expect(plan.to).toEqual(['a', 'b', 'c'])
    expect([...plan.notified]).toEqual(['m1', 'm2'])
  })

  it('stops at the cap, and a member none of whose people fit is left to the convener', () => {
    const plan = meetingNoticePlan(
      [
        { memberId: 'm1', bodyId: 'u1' },
        { memberId: 'm2', bodyId: 'co1' },
        { memberId: 'm3', bodyId: 'x' },
      ],
      new Map([...reach, ['x', ['d']]]),
      3,
    )
    expect(plan.to).toEqual(['a', 'b', 'c'])
    expect([...plan.notified]).toEqual(['m1', 'm2'])
  })
})
