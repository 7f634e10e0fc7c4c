import { commitmentsInPeriod, isOverdue, type CommitmentDoc } from '../../../cloudfunctions/shared/commitments'

/** Which 联席会议 commitments a unit's quarterly letter carries (issue 15 §2), and when one is overdue. */

const at = (iso: string) => new Date(iso)
const c = (id: string, claimedAt: string, status: 'open' | 'done', doneAt?: string): CommitmentDoc => ({
  _id: id,
  meetingId: 'm',
  meetingTitle: '会',
  scopeId: 'c',
  itemId: id,
  problem: id,
  memberId: 'x',
  memberName: '某',
  affiliation: { kind: 'unit', id: 'u', name: '单位' },
  affiliationId: 'u',
  commitment: '办',
  deadline: '2026-12-31',
  status,
  progress: [],
  claimedAt: at(claimedAt),
  claimedBy: 's',
  ...(doneAt ? { doneAt: at(doneAt) } : {}),
})

describe('commitmentsInPeriod', () => {
  const start = at('2026-09-30T16:00:00Z') // 2026Q4 in Beijing
  const end = at('2026-12-31T16:00:00Z')
  it('keeps the open ones and those done within the quarter, oldest first; drops those done before it or taken on after it', () => {
    const all = [
      c('open-old', '2026-05-01T00:00:00Z', 'open'),
      c('done-before', '2026-07-01T00:00:00Z', 'done', '2026-09-20T00:00:00Z'),
      c('done-in', '2026-08-01T00:00:00Z', 'done', '2026-10-02T00:00:00Z'),
      c('later', '2027-01-03T00:00:00Z', 'open'),
      c('new', '2026-11-10T00:00:00Z', 'open'),
    ]
    expect(commitmentsInPeriod(all, start, end).map((x) => x._id)).toEqual(['open-old', 'done-in', 'new'])
  })
  it('is overdue only when not done and the Beijing deadline day has passed', () => {
    expect(isOverdue({ status: 'open', deadline: '2026-12-01' }, at('2026-12-01T15:59:00Z'))).toBe(false)
    expect(isOverdue({ status: 'open', deadline: '2026-12-01' }, at('2026-12-01T16:00:00Z'))).toBe(true)
    expect(isOverdue({ status: 'done', deadline: '2026-12-01' }, at('2027-01-01T00:00:00Z'))).toBe(false)
  })
})
