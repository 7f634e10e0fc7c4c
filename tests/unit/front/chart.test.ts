import { CHART_STYLE, drawBars, drawLine, ticks, type Ctx2d } from '../../../src/components/Chart/draw'

/** A context that records what is drawn: texts with their font, filled rectangles, points and lines. */
function recorder() {
  const texts: { text: string; x: number; y: number; font: string; fill: unknown }[] = []
  const rects: { x: number; y: number; w: number; h: number; fill: unknown }[] = []
  const arcs: { x: number; y: number; fill: unknown }[] = []
  const lines: [number, number][][] = []
  let path: [number, number][] = []
  const ctx: Ctx2d = {
    font: '',
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    textAlign: 'left',
    textBaseline: 'alphabetic',
    clearRect: () => undefined,
    fillRect: (x, y, w, h) => void rects.push({ x, y, w, h, fill: ctx.fillStyle }),
    fillText: (text, x, y) => void texts.push({ text, x, y, font: ctx.font, fill: ctx.fillStyle }),
    // About a CJK glyph or a digit at 17 px.
    measureText: (text) => ({ width: [...text].reduce((w, ch) => w + (/[\u4e00-\u9fff]/.test(ch) ? 17 : 9.5), 0) }),
    beginPath: () => void (path = []),
    moveTo: (x, y) => void path.push([x, y]),
    lineTo: (x, y) => void path.push([x, y]),
    arc: (x, y) => void arcs.push({ x, y, fill: ctx.fillStyle }),
    stroke: () => void lines.push(path),
    fill: () => undefined,
  }
  return { ctx, texts, rects, arcs, lines }
}

describe('ticks', () => {
  it('steps by 1, 2, 2.5 or 5 × 10ⁿ from 0 to at least the maximum', () => {
    expect(ticks(7)).toEqual([0, 2, 4, 6, 8])
    expect(ticks(13.4)).toEqual([0, 5, 10, 15])
    expect(ticks(0.8)).toEqual([0, 0.2, 0.4, 0.6, 0.8])
    expect(ticks(1234)).toEqual([0, 500, 1000, 1500])
  })

  it('counts in whole numbers when asked, and shows a scale even with nothing to draw', () => {
    expect(ticks(3, { integer: true })).toEqual([0, 1, 2, 3])
    expect(ticks(0, { integer: true })).toEqual([0, 1])
    expect(ticks(10, { integer: true })).toEqual([0, 5, 10])
  })

  it('keeps a fixed scale (scores out of 100)', () => {
    expect(ticks(100, { fixedMax: 100 })).toEqual([0, 25, 50, 75, 100])
  })
})

describe('drawBars', () => {
  it('draws one bar per non-zero value, heights in proportion, on a 0 baseline', () => {
    const r = recorder()
    drawBars(r.ctx, 330, 220, ['1', '2', '3'], [{ name: '小时', color: '#C8161D', values: [2, 0, 4] }])
    expect(r.rects.map((b) => b.fill)).toEqual(['#C8161D', '#C8161D'])
    const [a, b] = r.rects
    expect(a.y + a.h).toBeCloseTo(b.y + b.h)
    expect(b.h / a.h).toBeCloseTo(2)
    expect(a.x).toBeLessThan(b.x)
  })

  it('puts the series of a category side by side in their colours', () => {
    const r = recorder()
    drawBars(
      r.ctx,
      330,
      220,
      ['第一', '第二'],
      [
        { name: '上报', color: '#C8161D', values: [3, 1] },
        { name: '按时办结', color: '#1F7A3D', values: [2, 1] },
      ],
      { integer: true },
    )
    const first = r.rects.filter((b) => b.x < 330 / 2)
    expect(first.map((b) => b.fill)).toEqual(['#C8161D', '#1F7A3D'])
    expect(first[0].x + first[0].w).toBeLessThanOrEqual(first[1].x)
    expect(r.texts.filter((t) => /^\d+$/.test(t.text)).map((t) => t.text)).toEqual(['0', '1', '2', '3'])
  })

  it('writes every label at 17 px in the secondary text colour, the category labels under their bars', () => {
    const r = recorder()
    drawBars(r.ctx, 330, 220, ['一', '二'], [{ name: 'n', color: '#C8161D', values: [1, 2] }])
    expect(r.texts.length).toBeGreaterThan(2)
    for (const t of r.texts)
      expect({ font: t.font, fill: t.fill }).toEqual({
        font: `${CHART_STYLE.fontSize}px sans-serif`,
        fill: CHART_STYLE.label,
      })
    const x = r.texts.filter((t) => t.text === '一' || t.text === '二')
    expect(x.map((t) => t.y)).toEqual([x[0].y, x[0].y])
    expect(Math.min(...x.map((t) => t.y))).toBeGreaterThan(Math.max(...r.rects.map((b) => b.y + b.h)))
  })

  it('leaves out every other category label when they would overlap', () => {
    const r = recorder()
    const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`)
    drawBars(r.ctx, 330, 220, months, [{ name: 'h', color: '#C8161D', values: months.map(() => 1) }])
    const shown = r.texts.filter((t) => t.text.endsWith('月'))
    expect(shown.length).toBeLessThan(12)
    expect(shown[0].text).toBe('1月')
    const gaps = shown.slice(1).map((t, i) => t.x - shown[i].x)
    for (const g of gaps) expect(g).toBeGreaterThan(r.ctx.measureText('12月').width)
  })
})

describe('drawLine', () => {
  it('joins a point per category on the fixed scale', () => {
    const r = recorder()
    drawLine(r.ctx, 330, 200, ['9月', '10月', '11月'], [50, 100, 0], { color: '#C8161D', max: 100 })
    expect(r.arcs).toHaveLength(3)
    const [p50, p100, p0] = r.arcs
    expect(p100.y).toBeLessThan(p50.y)
    expect(p0.y - p50.y).toBeCloseTo(p50.y - p100.y)
    expect(r.lines.some((l) => l.length === 3 && l.every(([x, y], i) => x === r.arcs[i].x && y === r.arcs[i].y))).toBe(
      true,
    )
    expect(r.texts.filter((t) => /^\d+$/.test(t.text)).map((t) => t.text)).toEqual(['0', '25', '50', '75', '100'])
  })
})
