import { MSG_SEC_CHECK_MAX_CHARS, MSG_SEC_CHECK_OVERLAP, textPieces } from '../../../cloudfunctions/shared/content'

/** msgSecCheck takes 2,500 characters per call: longer texts go in overlapping pieces. */
describe('textPieces', () => {
  it('uses the platform limit of 2,500 characters per call', () => {
    expect(MSG_SEC_CHECK_MAX_CHARS).toBe(2500)
  })

  it('keeps a text within the limit whole', () => {
    const t = '纪'.repeat(2500)
    expect(textPieces(t)).toEqual([t])
  })

  it('cuts 5,000 characters into three pieces of at most 2,500 that overlap by 100 and cover the text', () => {
    const t = Array.from({ length: 5000 }, (_, i) => String.fromCharCode(0x4e00 + (i % 2000))).join('')
    const pieces = textPieces(t)
    expect(pieces.map((p) => p.length)).toEqual([2500, 2500, 200])
    expect(pieces[1].slice(0, MSG_SEC_CHECK_OVERLAP)).toBe(pieces[0].slice(-MSG_SEC_CHECK_OVERLAP))
    expect(pieces[2].slice(0, MSG_SEC_CHECK_OVERLAP)).toBe(pieces[1].slice(-MSG_SEC_CHECK_OVERLAP))
    expect(pieces[0] + pieces[1].slice(MSG_SEC_CHECK_OVERLAP) + pieces[2].slice(MSG_SEC_CHECK_OVERLAP)).toBe(t)
  })

  it('holds every run of up to 101 characters whole in some piece, wherever it falls', () => {
    const t = 'a'.repeat(6000)
    const pieces = textPieces(t)
    let covered = 0
    for (let start = 0; start + MSG_SEC_CHECK_OVERLAP + 1 <= t.length; start += 37) {
      // Piece i starts at i × (2500 − 100) characters.
      const inSome = pieces.some(
        (p, i) => start >= i * 2400 && start + MSG_SEC_CHECK_OVERLAP + 1 <= i * 2400 + p.length,
      )
      expect({ start, inSome }).toEqual({ start, inSome: true })
      covered++
    }
    expect(covered).toBeGreaterThan(100)
  })

  it('never splits a character written as a surrogate pair, and counts it as two units', () => {
    const t = '😀'.repeat(2000)
    const pieces = textPieces(t)
    expect(pieces.every((p) => p.length <= 2500 && !/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(p))).toBe(true)
    expect(pieces.map((p) => Array.from(p).length)).toEqual([1250, 850])
  })
})
