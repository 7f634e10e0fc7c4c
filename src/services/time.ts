/**
 * Beijing time (Asia/Shanghai, UTC+8, no daylight saving since 1991) for everything shown or typed,
 * whatever the device's time zone: an instant is shifted by +8 h and read with the UTC getters, so
 * the device's own zone never enters. THE one place that turns instants into wall time and back
 * (no toLocaleString / getHours elsewhere). Plain arithmetic rather than dayjs: the same result
 * without adding a library to the main package.
 */
const OFFSET_MS = 8 * 3600_000
const DAY_MS = 86_400_000

const pad = (n: number) => (n < 10 ? `0${n}` : String(n))

type Instant = string | number | Date

export interface WallTime {
  year: number
  /** 1–12 */
  month: number
  day: number
  hour: number
  minute: number
  /** 0 = Sunday */
  weekday: number
}

function toMs(t: Instant): number {
  return t instanceof Date ? t.getTime() : typeof t === 'number' ? t : Date.parse(t)
}

/** The Beijing wall time of an instant; null for an invalid one. */
export function wallTime(t: Instant): WallTime | null {
  const ms = toMs(t)
  if (Number.isNaN(ms)) return null
  const d = new Date(ms + OFFSET_MS)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay(),
  }
}

/** "2026-11-23 10:00"; '' for nothing or an invalid instant. */
export function formatTime(t: Instant | undefined | null): string {
  if (t === undefined || t === null || t === '') return ''
  const w = wallTime(t)
  return w ? `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}` : ''
}

/** "2026-11-23" */
export const formatDate = (t: Instant | undefined | null): string => formatTime(t).slice(0, 10)

/** "10:00" */
export const formatClock = (t: Instant | undefined | null): string => formatTime(t).slice(11)

/** In plain words for a glance: 今天 18:00, 明天 09:00, 昨天 20:00, 11月30日 18:00, 2025年3月8日 (another year). */
export function formatWhen(t: Instant, now: Instant = Date.now()): string {
  const w = wallTime(t)
  const n = wallTime(now)
  if (!w || !n) return ''
  const days = daysFromToday(t, now)
  const clock = `${pad(w.hour)}:${pad(w.minute)}`
  if (days === 0) return `今天 ${clock}`
  if (days === 1) return `明天 ${clock}`
  if (days === -1) return `昨天 ${clock}`
  if (w.year !== n.year) return `${w.year}年${w.month}月${w.day}日`
  return `${w.month}月${w.day}日 ${clock}`
}

/** Today's Beijing date ("2026-11-23"), or `days` later, for date pickers. */
export const dateFromToday = (days = 0, now: Instant = Date.now()): string => formatDate(toMs(now) + days * DAY_MS)

/** The Beijing year of an instant (yearly check-in, ledgers). */
export const beijingYear = (now: Instant = Date.now()): number => wallTime(now)?.year ?? new Date().getUTCFullYear()

/** The Beijing quarter key, e.g. 2026Q4. */
export function beijingQuarter(now: Instant = Date.now()): string {
  const w = wallTime(now)!
  return `${w.year}Q${Math.floor((w.month - 1) / 3) + 1}`
}

/**
 * Beijing wall time "YYYY-MM-DD HH:mm" (or date and time apart) → the instant; null when malformed
 * or not a real date.
 */
export function parseBeijing(text: string): Date | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})$/.exec(text.trim())
  if (!m) return null
  const [, y, mo, d, h, mi] = m.map(Number)
  if (h > 23 || mi > 59) return null
  const ms = Date.UTC(y, mo - 1, d, h, mi) - OFFSET_MS
  const back = wallTime(ms)!
  if (back.month !== mo || back.day !== d) return null
  return new Date(ms)
}

/** The Beijing date and clock of an instant, as date and time pickers take them; null for nothing or an invalid one. */
export function beijingParts(t: Instant | undefined | null): { date: string; time: string } | null {
  const s = formatTime(t)
  return s ? { date: s.slice(0, 10), time: s.slice(11) } : null
}

/** The instant `days` after today (Beijing) at the Beijing clock `time`, as ISO: a picker's default ("in 7 days at 20:00"). */
export const beijingAt = (days: number, time: string, now: Instant = Date.now()): string =>
  beijingIso(dateFromToday(days, now), time)

const WEEKDAYS = '日一二三四五六'

/** "11月23日 周一" (with the year when it is not this year's): the day a picker shows under its value. */
export function formatDay(t: Instant, now: Instant = Date.now()): string {
  const w = wallTime(t)
  const n = wallTime(now)
  if (!w || !n) return ''
  return `${w.year !== n.year ? `${w.year}年` : ''}${w.month}月${w.day}日 周${WEEKDAYS[w.weekday]}`
}

/** Whole Beijing calendar days from today to the instant's day (0 today, 1 tomorrow, −1 yesterday). */
export function daysFromToday(t: Instant, now: Instant = Date.now()): number {
  const w = wallTime(t)
  const n = wallTime(now)
  if (!w || !n) return 0
  return Math.round((Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(n.year, n.month - 1, n.day)) / DAY_MS)
}

/** A picked Beijing date ("2026-11-23") and time ("18:00", default end of day) → ISO instant. */
export function beijingIso(date: string, time = '23:59'): string {
  const d = parseBeijing(`${date} ${time}`)
  if (!d) throw new Error(`not a date and time: ${date} ${time}`)
  return d.toISOString()
}
