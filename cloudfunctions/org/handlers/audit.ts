import { ANONYMOUS_ACTOR_LABEL, TIMER_LABEL, type AuditEntryView } from '../../../types/audit'
import { COL } from '../../shared/collections'
import type { Handler } from '../../shared/dispatch'
import { TIMER_ACTOR } from '../../shared/dispatch'
import { ensure } from '../../shared/errors'
import { listAuditEntries, type StoredAuditEntry as Stored } from '../repo/audit'
import { listPeopleByIds } from '../repo/people'

/** A WeChat openid: 28 url-safe characters starting with `o`. One that is nobody's known record is still never shown. */
const OPENID = /^o[\w-]{27}$/
/** Collections whose stored ids name a household (a rating's): the log shows the record, not whose it is. */
const HOUSEHOLD_IDS: Record<string, RegExp> = { property_ratings: /^rt:/, council_ratings: /^rating:/ }
/** The most strings of one page looked up as people (ids inside before → after); more are judged by shape. */
const LOOKUP_MAX = 100

/**
 * Actions that are anonymous whoever wrote the entry: an older build recorded the voter or rater as the
 * actor with the exact time. The log shows them under the label, by the day, with no before → after,
 * and the person filter never finds them.
 */
const ANONYMOUS_ACTIONS: Record<string, string> = {
  'vote.cast': 'ballot',
  'rating.submit': 'rating',
  'resolution.rate': 'rating',
  'report.submit': 'report',
}

const startOfDay = (d: string) => new Date(`${d}T00:00:00+08:00`)
/** Start of the Beijing day of `t`. */
const dayOf = (t: Date) => new Date(Math.floor((t.getTime() + 8 * 3600_000) / 86_400_000) * 86_400_000 - 8 * 3600_000)

/** Every string inside a value (before → after are small: a few fields). */
function strings(v: unknown, out: Set<string>): void {
  if (typeof v === 'string') {
    if (v.length <= 64) out.add(v)
    return
  }
  if (Array.isArray(v)) {
    for (const x of v) strings(x, out)
    return
  }
  if (v && typeof v === 'object' && !(v instanceof Date)) for (const x of Object.values(v)) strings(x, out)
}

/** The value with every person id replaced by the person's name, and anything shaped like an openid hidden. */
function named(v: unknown, names: Map<string, string>): unknown {
  if (typeof v === 'string') return names.get(v) ?? (OPENID.test(v) ? '（某人）' : v)
  if (Array.isArray(v)) return v.map((x) => named(x, names))
  if (v instanceof Date) return v.toISOString()
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, named(x, names)]))
  return v
}

function targetOf(target: string, names: Map<string, string>): string {
  const slash = target.indexOf('/')
  const [col, id] = slash < 0 ? [target, ''] : [target.slice(0, slash), target.slice(slash + 1)]
  if (col === COL.users) return `${col}/${names.get(id) ?? '（某人）'}`
  if (HOUSEHOLD_IDS[col]?.test(id)) return `${col}/（匿名）`
  return `${col}/${names.get(id) ?? (OPENID.test(id) ? '（某人）' : id)}`
}

function entryView(e: Stored, names: Map<string, string>): AuditEntryView {
  const legacy = !e.anonymous && Object.prototype.hasOwnProperty.call(ANONYMOUS_ACTIONS, e.action)
  const anonymous = !!e.anonymous || legacy || Object.prototype.hasOwnProperty.call(ANONYMOUS_ACTOR_LABEL, e.actor)
  const label = legacy ? ANONYMOUS_ACTIONS[e.action] : e.actor
  const actorName = anonymous
    ? (ANONYMOUS_ACTOR_LABEL[label] ?? '匿名')
    : e.actor === TIMER_ACTOR
      ? TIMER_LABEL
      : (names.get(e.actor) ?? '（已注销或未知）')
  return {
    id: e._id,
    at: (anonymous ? dayOf(new Date(e.at)) : new Date(e.at)).toISOString(),
    dayOnly: anonymous,
    fn: e.fn,
    action: e.action,
    actorName,
    ...(!anonymous && e.actorKey ? { actorKey: e.actorKey } : {}),
    anonymous,
    ...(e.communityId ? { communityId: e.communityId } : {}),
    target: targetOf(e.target, names),
    before: legacy ? null : named(e.before, names),
    after: legacy ? null : named(e.after, names),
  }
}

/**
 * The street's audit log for its street admin, newest first. Three requests whatever the log's size:
 * count, page, and one read of the people the page names (actors, and person ids inside before → after),
 * so names are shown and openids never are.
 */
export const auditList: Handler<'org.audit.list'> = {
  async run(ctx) {
    const { db, actor, input } = ctx
    ensure(actor.isStreetAdminOf(input.streetId), '只能查看您管理的街道的操作日志')
    const _ = db.command
    const filter: Record<string, unknown> = { streetId: input.streetId }
    if (input.communityId) filter.communityId = input.communityId
    if (input.fn) filter.fn = input.fn
    if (input.action) filter.action = input.action
    if (input.actorKey) {
      filter.actorKey = input.actorKey
      // A person's entries never include their ballots, ratings or reports (older entries carry their key).
      if (!input.action) filter.action = _.nin(Object.keys(ANONYMOUS_ACTIONS))
      else if (ANONYMOUS_ACTIONS[input.action]) filter.action = _.in([])
    }
    if (input.from || input.to) {
      const range = [
        input.from ? _.gte(startOfDay(input.from)) : null,
        input.to ? _.lt(new Date(startOfDay(input.to).getTime() + 86_400_000)) : null,
      ].filter(Boolean)
      filter.at = range.length === 2 ? _.and(range[0], range[1]) : range[0]
    }
    const page = await listAuditEntries(db, filter, input)
    const wanted = new Set<string>()
    for (const e of page.items) {
      if (!e.anonymous && !ANONYMOUS_ACTIONS[e.action]) wanted.add(e.actor)
      if (e.target.startsWith(`${COL.users}/`)) wanted.add(e.target.slice(COL.users.length + 1))
    }
    for (const e of page.items) {
      strings(e.before, wanted)
      strings(e.after, wanted)
    }
    const ids = [...wanted].slice(0, LOOKUP_MAX)
    const names = new Map<string, string>()
    if (ids.length) {
      for (const u of await listPeopleByIds(db, ids)) names.set(u._id, u.name || '（未填写姓名）')
    }
    return { ...page, items: page.items.map((e) => entryView(e, names)) }
  },
}
