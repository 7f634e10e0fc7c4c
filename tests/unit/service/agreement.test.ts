import { compareLists, signProblem } from '../../../cloudfunctions/service/domain/agreement'

describe('the yearly agreement', () => {
  it('counts what a renewal kept, added and dropped over both lists', () => {
    const last = { commitments: ['每月义诊', '认领网格'], resources: ['场地'] }
    expect(compareLists(last, last)).toEqual({ kept: 3, added: 0, dropped: 0 })
    expect(compareLists(last, { commitments: ['每月义诊', '健康讲座'], resources: ['场地', '车辆'] })).toEqual({
      kept: 2,
      added: 2,
      dropped: 1,
    })
    expect(compareLists(last, { commitments: [], resources: [] })).toEqual({ kept: 0, added: 0, dropped: 3 })
  })

  it('is signed by the unit once', () => {
    expect(signProblem({})).toBeNull()
    expect(signProblem({ unitSignedAt: new Date() })).toBe('本年度协议已签署')
  })
})
