import {
  canApproveManual,
  hasRoom,
  serviceMinutes,
  windowProblem,
} from '../../../cloudfunctions/service/domain/attendance'

const at = (hhmm: string, sec = 0) => new Date(`2026-11-23T${hhmm}:${String(sec).padStart(2, '0')}+08:00`)
const START = at('09:00')
const END = at('11:00')

describe('service minutes', () => {
  it.each([
    ['inside the window', at('09:10'), at('10:40'), 90],
    ['signed in before the start: counted from the start', at('08:30'), at('09:45'), 45],
    ['signed out after the end: counted to the end', at('10:30'), at('11:40'), 30],
    ['both outside: the whole window', at('08:00'), at('12:00'), 120],
    ['partial minutes are dropped', at('09:00', 0), at('09:01', 59), 1],
    ['less than a minute is zero', at('09:00', 10), at('09:00', 50), 0],
    ['entirely before the window is zero', at('07:00'), at('08:00'), 0],
    ['entirely after the window is zero', at('11:30'), at('12:00'), 0],
    ['sign-out before sign-in is zero', at('10:00'), at('09:30'), 0],
    ['exactly the window', START, END, 120],
  ])('%s', (_name, signIn, signOut, expected) => {
    expect(serviceMinutes(signIn, signOut, START, END)).toBe(expected)
  })
})

describe('sign-in window with grace', () => {
  const w = { startAt: START, endAt: END, graceMin: 15 }
  it.each([
    [at('08:44'), '活动尚未开始，暂不能签到'],
    [at('08:45'), null],
    [at('10:00'), null],
    [at('11:15'), null],
    [at('11:16'), '活动已结束，不能再签到签退'],
  ])('at %s', (now, expected) => {
    expect(windowProblem(w, now)).toBe(expected)
  })

  it('without grace accepts only the window itself', () => {
    expect(windowProblem({ ...w, graceMin: 0 }, at('08:59'))).not.toBeNull()
    expect(windowProblem({ ...w, graceMin: 0 }, at('09:00'))).toBeNull()
  })
})

describe('capacity and second approver', () => {
  it('has room while sign-ups are below capacity', () => {
    expect(hasRoom(0, 1)).toBe(true)
    expect(hasRoom(9, 10)).toBe(true)
    expect(hasRoom(10, 10)).toBe(false)
  })
  it('refuses the person who entered hours by hand as their approver', () => {
    expect(canApproveManual('o-a', 'o-a')).toBe(false)
    expect(canApproveManual('o-a', 'o-b')).toBe(true)
  })
})
