/**
 * The app's charts, drawn straight on a 2D canvas: bars (one or more series side by side) and a line
 * with points, over y grid lines with axis labels. Pure drawing on the context it is given (no Taro), so
 * it is tested with a recording context; the component (./index.tsx) supplies the canvas.
 */

/** The part of CanvasRenderingContext2D the charts use (WeChat's 2D canvas and the browser's both have it). */
export interface Ctx2d {
  font: string
  fillStyle: unknown
  strokeStyle: unknown
  lineWidth: number
  textAlign: string
  textBaseline: string
  clearRect(x: number, y: number, w: number, h: number): void
  fillRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number): void
  measureText(text: string): { width: number }
  beginPath(): void
  moveTo(x: number, y: number): void
  lineTo(x: number, y: number): void
  arc(x: number, y: number, r: number, start: number, end: number): void
  stroke(): void
  fill(): void
}

/**
 * Axis labels are canvas text, which the a11y test cannot measure: 17 CSS px (≥ 32rpx on phones up
 * to 398 px wide) in the secondary text colour (8.4:1 on white).
 */
export const CHART_STYLE = { fontSize: 17, label: '#564c45', grid: '#e9e1d8', axis: '#b9aea4' } as const

/** Room around the plot, in CSS px. */
const PAD = { top: 12, right: 8, gap: 8, below: 8 }

/**
 * Y-axis ticks from 0 to at least `max`, with a round step (1, 2, 2.5 or 5 × 10ⁿ; whole numbers only when
 * `integer`), about `count` of them. A fixed maximum keeps its own scale (scores out of 100).
 */
export function ticks(max: number, opts: { integer?: boolean; count?: number; fixedMax?: number } = {}): number[] {
  const count = opts.count ?? 5
  const top = opts.fixedMax ?? Math.max(max, 0)
  if (top <= 0) return [0, 1]
  const raw = top / (count - 1)
  const mag = 10 ** Math.floor(Math.log10(raw))
  const steps = [1, 2, 2.5, 5, 10].map((m) => m * mag).filter((s) => !opts.integer || Number.isInteger(s) || s < 1)
  let step = steps.find((s) => s >= raw) ?? 10 * mag
  if (opts.integer) step = Math.max(1, Math.round(step))
  const last = Math.ceil(top / step - 1e-9) * step
  const out: number[] = []
  for (let v = 0; v <= last + step / 2; v += step) out.push(Math.round(v * 1e6) / 1e6)
  return out
}

/** Tick text without floating-point noise (0.30000000000000004 → 0.3). */
const tickText = (v: number) => String(Math.round(v * 100) / 100)

interface Plot {
  left: number
  top: number
  width: number
  height: number
  /** Canvas y of a value. */
  y(v: number): number
}

/** Clears the canvas, draws the y grid with its labels and the x labels; answers the plot area. */
function frame(ctx: Ctx2d, width: number, height: number, categories: string[], yTicks: number[]): Plot {
  ctx.clearRect(0, 0, width, height)
  ctx.font = `${CHART_STYLE.fontSize}px sans-serif`
  const labelWidth = Math.max(...yTicks.map((t) => ctx.measureText(tickText(t)).width))
  const left = Math.ceil(labelWidth) + PAD.gap
  const bottom = height - CHART_STYLE.fontSize - PAD.gap - PAD.below
  const plot: Plot = {
    left,
    top: PAD.top,
    width: width - left - PAD.right,
    height: bottom - PAD.top,
    y: (v) => bottom - (v / yTicks[yTicks.length - 1]) * (bottom - PAD.top),
  }
  ctx.fillStyle = CHART_STYLE.label
  ctx.textAlign = 'right'
  ctx.textBaseline = 'middle'
  ctx.lineWidth = 1
  for (const t of yTicks) {
    const y = Math.round(plot.y(t)) + 0.5
    ctx.strokeStyle = t === 0 ? CHART_STYLE.axis : CHART_STYLE.grid
    ctx.beginPath()
    ctx.moveTo(left, y)
    ctx.lineTo(left + plot.width, y)
    ctx.stroke()
    ctx.fillText(tickText(t), left - PAD.gap / 2, y)
  }
  // X labels under their band; when they would touch, every k-th only (the first and the rhythm kept).
  const band = plot.width / Math.max(categories.length, 1)
  const widest = Math.max(0, ...categories.map((c) => ctx.measureText(c).width))
  const every = Math.max(1, Math.ceil((widest + PAD.gap) / band))
  ctx.textAlign = 'center'
  ctx.textBaseline = 'top'
  categories.forEach((c, i) => {
    if (i % every === 0) ctx.fillText(c, left + band * (i + 0.5), bottom + PAD.gap)
  })
  return plot
}

export interface BarSeries {
  /** Shown in the legend when there is more than one series. */
  name: string
  color: string
  /** One value per category. */
  values: number[]
}

/** Bars per category, the series side by side; whole-number ticks when `integer` (counts). */
export function drawBars(
  ctx: Ctx2d,
  width: number,
  height: number,
  categories: string[],
  series: BarSeries[],
  opts: { integer?: boolean } = {},
): void {
  const max = Math.max(0, ...series.flatMap((s) => s.values))
  const plot = frame(ctx, width, height, categories, ticks(max, { integer: opts.integer }))
  const band = plot.width / Math.max(categories.length, 1)
  const group = band * 0.6
  const bar = group / Math.max(series.length, 1)
  series.forEach((s, k) => {
    ctx.fillStyle = s.color
    s.values.forEach((v, i) => {
      if (v <= 0) return
      const x = plot.left + band * i + (band - group) / 2 + bar * k
      const y = plot.y(v)
      ctx.fillRect(x, y, Math.max(bar - 1, 1), plot.y(0) - y)
    })
  })
}

/** A line through the values with a point on each, on a fixed scale from 0 to `max` (scores: 100). */
export function drawLine(
  ctx: Ctx2d,
  width: number,
  height: number,
  categories: string[],
  values: number[],
  opts: { color: string; max: number },
): void {
  const plot = frame(ctx, width, height, categories, ticks(opts.max, { fixedMax: opts.max }))
  const band = plot.width / Math.max(categories.length, 1)
  const points = values.map(
    (v, i) => [plot.left + band * (i + 0.5), plot.y(Math.min(Math.max(v, 0), opts.max))] as const,
  )
  ctx.strokeStyle = opts.color
  ctx.fillStyle = opts.color
  ctx.lineWidth = 2
  ctx.beginPath()
  points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)))
  ctx.stroke()
  for (const [x, y] of points) {
    ctx.beginPath()
    ctx.arc(x, y, 4, 0, 2 * Math.PI)
    ctx.fill()
  }
}
