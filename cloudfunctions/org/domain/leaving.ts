import { DEPARTED_NAME } from '../../../types/org'
import type { CollectionName } from '../../shared/collections'
import { PERSONAL_DATA, type PersonField } from '../../shared/personal-data'
import { personKey } from '../../shared/pseudonym'

/**
 * Leaving (注销, issue 12 §4): which records are rewritten, derived from THE personal-data registry
 * (shared/personal-data.ts), so a field added there is anonymised here without a second list.
 *
 * Every field that identifies the person (their openid, or their key `m:<personKey>`) is replaced by
 * one random departed token, the same across all their records (so "one person, one second" still
 * counts once and totals do not move), and the names and phones copied beside it become 已注销用户 /
 * nothing. One multi-document update per field: the request count does not grow with the records.
 *
 * Document ids that embed the person (`second:<topic>:<openid>`, `m:<personKey>`, …) move to the id
 * built from the token (`rekeyPlan`), one document at a time, and the body moves with every trace of
 * the person swapped (`swapIdentity`, which reaches arrays and free-form content too). Not rewritten:
 * owner tokens (an HMAC nobody can reverse without the server's secret).
 */

/** How a departed person's identity fields read after leaving: random, never derived from the openid. */
export const DEPARTED_PREFIX = 'departed:'

export interface SweepStep {
  collection: CollectionName
  /** The dotted field that names the person. */
  path: string
  /** Its value for this person (the openid, `m:<personKey>`, …) and the departed value that replaces it. */
  from: string
  to: string
  /** Copied names (→ 已注销用户) and phones (→ removed) on the same records. */
  names: string[]
  phones: string[]
}

/** The part of a registry pattern that is the value itself: `m:<personKey> when ownerType is member` → `m:<personKey>`. */
const valuePattern = (f: PersonField) => (f.pattern ?? '').split(' when ')[0].trim()

/** The field's value for `openid` and for the departed `token`, or null when the field is not one plain value we can match. */
export function identityValues(f: PersonField, openid: string, token: string): { from: string; to: string } | null {
  if (f.path === '_id' || f.path.includes('[]')) return null
  const pattern = valuePattern(f)
  if (f.holds === 'openid') return pattern === '' || pattern === '<openid>' ? { from: openid, to: token } : null
  if (f.holds !== 'personKey') return null
  // A key field without a pattern holds the member record id (`m:<personKey>`), as every writer derives it.
  const shape = pattern === '' ? 'm:<personKey>' : pattern
  if (!/^[a-z:]*<personKey>$/.test(shape)) return null
  return { from: shape.replace('<personKey>', personKey(openid)), to: shape.replace('<personKey>', personKey(token)) }
}

/**
 * The names and phones that belong to an identity field: those registered right after it with the same
 * role (`decidedBy` → `decidedByName`; a binding's `openid` → `applicantName`, `applicantPhone`), up to
 * the next identity field. A name typed for somebody else (a project's owner, a branch secretary) is
 * registered with a different role or after another identity field, and stays.
 */
function copiesOf(fields: PersonField[], at: number): { names: string[]; phones: string[] } {
  const names: string[] = []
  const phones: string[] = []
  for (const f of fields.slice(at + 1)) {
    if (f.holds !== 'name' && f.holds !== 'phone') break
    if (f.as !== fields[at].as || f.path.includes('[]')) continue
    ;(f.holds === 'name' ? names : phones).push(f.path)
  }
  return { names, phones }
}

/** Every rewrite leaving makes for `openid`, replacing it with `token` (the person record itself is removed separately). */
export function sweepPlan(openid: string, token: string): SweepStep[] {
  const steps: SweepStep[] = []
  for (const [collection, entry] of Object.entries(PERSONAL_DATA) as [CollectionName, NonNullable<(typeof PERSONAL_DATA)[CollectionName]>][]) {
    entry.fields.forEach((f, at) => {
      const values = identityValues(f, openid, token)
      if (values) steps.push({ collection, path: f.path, ...values, ...copiesOf(entry.fields, at) })
    })
  }
  return steps
}

/**
 * A collection whose document ids embed the person: after the sweep its records still carry the old id,
 * and they are found by an identity field that now names the token (`path` = `value`) and an id that
 * still holds `fragment` (the openid or the person key). The users record and idempotency marks are
 * not here: the first is removed, the second deleted.
 */
export interface RekeyStep {
  collection: CollectionName
  path: string
  value: string
  fragment: string
}

export function rekeyPlan(openid: string, token: string): RekeyStep[] {
  const steps: RekeyStep[] = []
  for (const [collection, entry] of Object.entries(PERSONAL_DATA) as [CollectionName, NonNullable<(typeof PERSONAL_DATA)[CollectionName]>][]) {
    const id = entry.fields.find((f) => f.path === '_id')
    if (!id || (id.holds !== 'openid' && id.holds !== 'personKey')) continue
    const finder = entry.fields.find((f) => f.path !== '_id' && f.as === 'subject' && identityValues(f, openid, token))
    if (!finder) continue
    steps.push({ collection, path: finder.path, value: identityValues(finder, openid, token)!.to, fragment: id.holds === 'openid' ? openid : personKey(openid) })
  }
  return steps
}

/**
 * Every trace of the person in a value (strings anywhere in it, ids included) swapped for the token's:
 * the openid for the token, the person key (also inside `m:<key>`, `person:<key>`) for the token's key.
 */
export function swapIdentity(openid: string, token: string): <T>(value: T) => T {
  const pairs: [string, string][] = [[openid, token], [personKey(openid), personKey(token)]]
  const swap = (v: unknown): unknown => {
    if (typeof v === 'string') return pairs.reduce((s, [from, to]) => s.split(from).join(to), v)
    if (Array.isArray(v)) return v.map(swap)
    if (v && typeof v === 'object' && v.constructor === Object) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swap(x)]))
    return v
  }
  return <T>(value: T) => swap(value) as T
}

/** A dotted path and a value as the nested object an update merges (`a.b` → `{ a: { b } }`). */
export function nested(path: string, value: unknown): Record<string, unknown> {
  return path.split('.').reduceRight<Record<string, unknown>>((inner, key, i, keys) => (i === keys.length - 1 ? { [key]: value } : { [key]: inner }), {})
}

/** Deep-merges nested updates built by `nested` (two fields of one sub-object). */
export function mergeNested(parts: Record<string, unknown>[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const part of parts) {
    for (const [k, v] of Object.entries(part)) {
      const prev = out[k]
      out[k] = prev && typeof prev === 'object' && v && typeof v === 'object' && !(v instanceof Date) && !isCommand(v)
        ? mergeNested([prev as Record<string, unknown>, v as Record<string, unknown>])
        : v
    }
  }
  return out
}

const isCommand = (v: object) => v.constructor !== Object

export { DEPARTED_NAME }
