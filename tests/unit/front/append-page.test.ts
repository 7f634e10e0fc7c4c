import { appendPage } from '../../../src/hooks/appendPage'

/** A picker's list grows page by page (usePagedList); nothing shows twice, nothing is dropped. */
describe('appendPage', () => {
  const a = { id: 'a' }
  const b = { id: 'b' }
  const c = { id: 'c' }

  it('starts again with page 1', () => {
    expect(appendPage([a, b], [c], 1)).toEqual([c])
  })

  it('adds a later page after those loaded', () => {
    expect(appendPage([a, b], [c], 2)).toEqual([a, b, c])
  })

  it('skips items already shown when the pages shifted', () => {
    expect(appendPage([a, b], [b, c], 2)).toEqual([a, b, c])
  })
})
