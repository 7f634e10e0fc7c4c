import type { Cadence, PeriodStatus } from '../../../types/property'

/** Periods are calendar months or quarters in Asia/Shanghai (UTC+8, no daylight saving). */
const SHANGHAI_OFFSET_MIN = 8 * 60

/** The Shanghai wall-clock date, read with the UTC getters (independent of the process time zone). */
const local = (d: Date) => new Date(d.getTime() + SHANGHAI_OFFSET_MIN * 60_000)

/** e.g. monthly → "2026-11", quarterly → "2026-Q4". */
export function periodKey(at: Date, cadence: Cadence): string {
  const l = local(at)
  const y = l.getUTCFullYear()
  if (cadence === 'quarterly') return `${y}-Q${Math.floor(l.getUTCMonth() / 3) + 1}`
  return `${y}-${String(l.getUTCMonth() + 1).padStart(2, '0')}`
}

export function periodLabel(key: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(key)
  if (q) return `${q[1]}年第${'一二三四'[Number(q[2]) - 1]}季度`
  const m = /^(\d{4})-(\d{2})$/.exec(key)
  return m ? `${m[1]}年${Number(m[2])}月` : key
}

export const periodId = (streetId: string, key: string) => `per:${streetId}:${key}`

export const addDays = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000)

/** What may happen in a period, by its status and the clock. */
export const canRate = (status: PeriodStatus) => status === 'open'
export const canAssess = (status: PeriodStatus) => status === 'open' || status === 'closed'
export function canObject(p: { status: PeriodStatus; objectionUntil?: Date }, now: Date): boolean {
  return p.status === 'closed' && !!p.objectionUntil && now.getTime() < new Date(p.objectionUntil).getTime()
}
/** Publishing waits for the objection window to end; a published period may be published again (a new version). */
export function publishProblem(p: { status: PeriodStatus; objectionUntil?: Date }, pendingObjections: number, now: Date, laterPeriods = 0): string | null {
  if (p.status === 'open') return '本期评价尚未结束，请先结束评价'
  if (p.status === 'published' && laterPeriods > 0) return '已开启更新的评价周期，不能再重新发布本期榜单'
  if (p.status === 'closed' && p.objectionUntil && now.getTime() < new Date(p.objectionUntil).getTime()) return '异议期尚未结束'
  if (pendingObjections > 0) return `还有 ${pendingObjections} 条异议未处理`
  return null
}
