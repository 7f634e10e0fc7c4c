import { spawnSync } from 'child_process'
import { join } from 'path'

/**
 * The same instant reads the same on every device. Each case runs services/time in a fresh Node
 * process with TZ set (America/New_York is UTC−5 in November, UTC, and Shanghai itself): a jest
 * worker cannot change its own zone. The first value of each run is the device's local hour, to
 * prove the zone really was in effect.
 */
const ROOT = join(__dirname, '../../..')
const ZONES = ['America/New_York', 'UTC', 'Asia/Shanghai'] as const

// 2026-11-23 02:30 UTC = 2026-11-23 10:30 in Beijing = 2026-11-22 21:30 in New York.
const INSTANT = '2026-11-23T02:30:00.000Z'
const NOW = '2026-11-23T15:59:00.000Z' // 23:59 on the 23rd in Beijing
const NEW_YEAR = '2026-12-31T17:00:00.000Z' // 01:00 on 1 January 2027 in Beijing

const PROGRAM = `
const t = require(${JSON.stringify(join(ROOT, 'src/services/time.ts'))})
const out = {
  localHour: new Date(${JSON.stringify(INSTANT)}).getHours(),
  time: t.formatTime(${JSON.stringify(INSTANT)}),
  timeOfDate: t.formatTime(new Date(${JSON.stringify(INSTANT)})),
  date: t.formatDate(${JSON.stringify(INSTANT)}),
  clock: t.formatClock(${JSON.stringify(INSTANT)}),
  wall: t.wallTime(${JSON.stringify(INSTANT)}),
  when: ['2026-11-23T00:00:00.000Z', '2026-11-23T16:00:00.000Z', '2026-11-22T12:00:00.000Z', '2026-11-30T10:00:00.000Z', '2025-03-08T06:05:00.000Z'].map((x) => t.formatWhen(x, ${JSON.stringify(NOW)})),
  picked: [t.beijingIso('2026-11-30', '18:00'), t.beijingIso('2026-12-31')],
  parsed: ['2026-1-5 9:05', '2026-02-30 10:00', '2026-11-30 24:00', '明天'].map((x) => t.parseBeijing(x)?.toISOString() ?? null),
  newYear: [t.dateFromToday(0, ${JSON.stringify(NEW_YEAR)}), t.dateFromToday(7, ${JSON.stringify(NEW_YEAR)}), t.beijingYear(${JSON.stringify(NEW_YEAR)}), t.beijingQuarter(${JSON.stringify(NEW_YEAR)})],
  empty: [t.formatTime(undefined), t.formatTime(''), t.formatTime('not a date')],
  pickers: {
    parts: [t.beijingParts(${JSON.stringify(INSTANT)}), t.beijingParts(''), t.beijingParts(undefined)],
    at: [t.beijingAt(7, '20:00', ${JSON.stringify(NOW)}), t.beijingAt(1, '09:00', ${JSON.stringify(NEW_YEAR)})],
    day: [t.formatDay(${JSON.stringify(INSTANT)}, ${JSON.stringify(NOW)}), t.formatDay('2027-03-01T04:00:00.000Z', ${JSON.stringify(NOW)})],
    days: ['2026-11-23T15:00:00.000Z', '2026-11-23T16:00:00.000Z', '2026-11-30T12:00:00.000Z', '2026-11-21T12:00:00.000Z'].map((x) => t.daysFromToday(x, ${JSON.stringify(NOW)})),
  },
}
process.stdout.write(JSON.stringify(out))
`

function runIn(zone: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', PROGRAM], {
    cwd: ROOT,
    env: { ...process.env, TZ: zone },
    encoding: 'utf8',
  })
  if (r.status !== 0) throw new Error(r.stderr)
  return JSON.parse(r.stdout)
}

describe.each(ZONES)('services/time with the device in %s', (zone) => {
  let out: ReturnType<typeof runIn>
  beforeAll(() => {
    out = runIn(zone)
  })

  it('runs with that zone in effect (the local hour differs per zone)', () => {
    expect(out.localHour).toBe({ 'America/New_York': 21, UTC: 2, 'Asia/Shanghai': 10 }[zone])
  })

  it('formats an instant as Beijing wall time', () => {
    expect([out.time, out.timeOfDate, out.date, out.clock]).toEqual([
      '2026-11-23 10:30',
      '2026-11-23 10:30',
      '2026-11-23',
      '10:30',
    ])
    expect(out.wall).toEqual({ year: 2026, month: 11, day: 23, hour: 10, minute: 30, weekday: 1 })
  })

  it('says today / tomorrow / yesterday by the Beijing calendar day', () => {
    expect(out.when).toEqual(['今天 08:00', '明天 00:00', '昨天 20:00', '11月30日 18:00', '2025年3月8日'])
  })

  it('turns a picked Beijing date and time into the instant, and refuses what is not a date', () => {
    expect(out.picked).toEqual(['2026-11-30T10:00:00.000Z', '2026-12-31T15:59:00.000Z'])
    expect(out.parsed).toEqual(['2026-01-05T01:05:00.000Z', null, null, null])
  })

  it('takes today, the year and the quarter from the Beijing calendar (17:00 UTC on 31 December is already next year)', () => {
    expect(out.newYear).toEqual(['2027-01-01', '2027-01-08', 2027, '2027Q1'])
  })

  it('gives date and time pickers Beijing values and defaults, and says the day in words', () => {
    expect(out.pickers.parts).toEqual([{ date: '2026-11-23', time: '10:30' }, null, null])
    // 7 days after 23 November (Beijing) at 20:00 Beijing; the day after 1 January 2027 at 09:00.
    expect(out.pickers.at).toEqual(['2026-11-30T12:00:00.000Z', '2027-01-02T01:00:00.000Z'])
    expect(out.pickers.day).toEqual(['11月23日 周一', '2027年3月1日 周一'])
    expect(out.pickers.days).toEqual([0, 1, 7, -2])
  })

  it('shows nothing for nothing or an invalid instant', () => {
    expect(out.empty).toEqual(['', '', ''])
  })
})
