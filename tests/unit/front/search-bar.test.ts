import { SETTLE_MS, settler } from '../../../src/components/SearchBar/settle'

/** The search box asks the list again once typing pauses, at once on 搜索/清除, never for stale words. */
describe('SearchBar timing', () => {
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())

  it('asks once, with the last words, when typing pauses', () => {
    const asked: string[] = []
    const s = settler((q) => asked.push(q))
    s.typed('充')
    jest.advanceTimersByTime(SETTLE_MS - 1)
    s.typed('充电')
    jest.advanceTimersByTime(SETTLE_MS - 1)
    expect(asked).toEqual([])
    jest.advanceTimersByTime(1)
    expect(asked).toEqual(['充电'])
  })

  it('sends the words trimmed', () => {
    const asked: string[] = []
    const s = settler((q) => asked.push(q))
    s.typed('  2号楼 ')
    jest.advanceTimersByTime(SETTLE_MS)
    expect(asked).toEqual(['2号楼'])
  })

  it('asks at once on 搜索 or 清除 and drops the pending pause', () => {
    const asked: string[] = []
    const s = settler((q) => asked.push(q))
    s.typed('停车')
    s.now('')
    expect(asked).toEqual([''])
    jest.advanceTimersByTime(SETTLE_MS * 2)
    expect(asked).toEqual([''])
  })

  it('asks nothing after the box goes away', () => {
    const asked: string[] = []
    const s = settler((q) => asked.push(q))
    s.typed('纸箱')
    s.cancel()
    jest.advanceTimersByTime(SETTLE_MS * 2)
    expect(asked).toEqual([])
  })
})
