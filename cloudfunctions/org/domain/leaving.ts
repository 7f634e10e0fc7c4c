import { DEPARTED_NAME } from '../../../types/org'
import { COL, type CollectionName } from '../../shared/collections'
import { PERSONAL_DATA, type PersonField } from '../../shared/personal-data'
import { personVoice } from '../../shared/moderation'
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

/** The values of a registry pattern: `m:<personKey> | person:<personKey> when …` → `m:<personKey>`, `person:<personKey>`. */
const valuePatterns = (f: PersonField) =>
  (f.pattern ?? '')
    .split(' when ')[0]
    .split(' | ')
    .map((p) => p.trim())

/** The field's value for `openid` and for the departed `token` (the first of its patterns), or null when it is not one plain value we can match. */
export function identityValues(f: PersonField, openid: string, token: string): { from: string; to: string } | null {
  return identityValuesAll(f, openid, token)[0] ?? null
}

/** Every value the field may hold for `openid`, with its departed counterpart. */
export function identityValuesAll(f: PersonField, openid: string, token: string): { from: string; to: string }[] {
  return valuePatterns(f)
    .map((p) => valueOf(f, p, openid, token))
    .filter((v): v is { from: string; to: string } => !!v)
}

function valueOf(f: PersonField, pattern: string, openid: string, token: string): { from: string; to: string } | null {
  if (f.path === '_id' || f.path.includes('[]')) return null
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
  for (const [collection, entry] of Object.entries(PERSONAL_DATA) as [
    CollectionName,
    NonNullable<(typeof PERSONAL_DATA)[CollectionName]>,
  ][]) {
    entry.fields.forEach((f, at) => {
      for (const values of identityValuesAll(f, openid, token))
        steps.push({ collection, path: f.path, ...values, ...copiesOf(entry.fields, at) })
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
  for (const [collection, entry] of Object.entries(PERSONAL_DATA) as [
    CollectionName,
    NonNullable<(typeof PERSONAL_DATA)[CollectionName]>,
  ][]) {
    const id = entry.fields.find((f) => f.path === '_id')
    if (!id || (id.holds !== 'openid' && id.holds !== 'personKey')) continue
    const finder = entry.fields.find((f) => f.path !== '_id' && f.as === 'subject' && identityValues(f, openid, token))
    if (!finder) continue
    steps.push({
      collection,
      path: finder.path,
      value: identityValues(finder, openid, token)!.to,
      fragment: id.holds === 'openid' ? openid : personKey(openid),
    })
  }
  return steps
}

/**
 * Where a record that does not move names a moved record's id: the field follows the move. With
 * `moves`, the naming records' own ids embed the moved id (a project's updates, `pu:<projectId>:<seq>`)
 * and they move with it. A moved record's own fields need no entry: its whole body is swapped.
 */
export const ID_REFS: Partial<Record<CollectionName, { collection: CollectionName; path: string; moves?: true }[]>> = {
  [COL.svcProjects]: [
    { collection: COL.svcNeeds, path: 'projectId' },
    { collection: COL.svcProjectUpdates, path: 'projectId', moves: true },
  ],
}

/**
 * A collection where the person may be an element of an array (`inviteKeys[]`, `history[].submittedBy`,
 * `rows[].memberId`): found by the array's `query` path holding `from` (an element match), each record
 * is rewritten whole (`swapIdentity`), and the names registered beside the identity in the same element
 * (`history[].decidedByName`) become 已注销用户 where the element is theirs.
 */
export interface ArrayStep {
  collection: CollectionName
  query: string
  from: string
  /** `history` of `history[].submittedBy`, and `submittedBy`; the key is '' for an array of plain values. */
  array: string
  key: string
  names: string[]
}

export function arrayPlan(openid: string, token: string): ArrayStep[] {
  const steps: ArrayStep[] = []
  for (const [collection, entry] of Object.entries(PERSONAL_DATA) as [
    CollectionName,
    NonNullable<(typeof PERSONAL_DATA)[CollectionName]>,
  ][]) {
    entry.fields.forEach((f, at) => {
      const parts = f.path.split('[]')
      if (parts.length !== 2 || parts[1].split('.').length > 2) return
      const [array, rest] = [parts[0], parts[1].replace(/^\./, '')]
      const plain = { ...f, path: rest || 'value' }
      const names: string[] = []
      for (const n of entry.fields.slice(at + 1)) {
        if (n.holds !== 'name' && n.holds !== 'phone') break
        if (n.holds === 'name' && n.as === f.as && n.path.startsWith(`${array}[].`))
          names.push(n.path.slice(array.length + 3))
      }
      for (const v of identityValuesAll(plain, openid, token)) {
        steps.push({ collection, query: rest ? `${array}.${rest}` : array, from: v.from, array, key: rest, names })
      }
    })
  }
  // A person's voice in a moderation case (as reporter or author) is a hash of their key, not in the registry's shapes.
  for (const array of ['voices', 'authorVoices'])
    steps.push({ collection: COL.moderationCases, query: array, from: personVoice(openid), array, key: '', names: [] })
  return steps
}

/**
 * Every trace of the person in a value (strings anywhere in it, ids included) swapped for the token's:
 * the openid for the token, the person key (also inside `m:<key>`, `person:<key>`) for the token's key.
 */
export function swapIdentity(openid: string, token: string): <T>(value: T) => T {
  const pairs: [string, string][] = [
    [openid, token],
    [personKey(openid), personKey(token)],
    [personVoice(openid), personVoice(token)],
  ]
  const swap = (v: unknown): unknown => {
    if (typeof v === 'string') return pairs.reduce((s, [from, to]) => s.split(from).join(to), v)
    if (Array.isArray(v)) return v.map(swap)
    if (v && typeof v === 'object' && v.constructor === Object)
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swap(x)]))
    return v
  }
  return <T>(value: T) => swap(value) as T
}

/** A dotted path and a value as the nested object an update merges (`a.b` → `{ a: { b } }`). */
export function nested(path: string, value: unknown): Record<string, unknown> {
  return path
    .split('.')
    .reduceRight<Record<string, unknown>>(
      (inner, key, i, keys) => (i === keys.length - 1 ? { [key]: value } : { [key]: inner }),
      {},
    )
}

/** Deep-merges nested updates built by `nested` (two fields of one sub-object). */
export function mergeNested(parts: Record<string, unknown>[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const part of parts) {
    for (const [k, v] of Object.entries(part)) {
      const prev = out[k]
      out[k] =
        prev && typeof prev === 'object' && v && typeof v === 'object' && !(v instanceof Date) && !isCommand(v)
          ? mergeNested([prev as Record<string, unknown>, v as Record<string, unknown>])
          : v
    }
  }
  return out
}

const isCommand = (v: object) => v.constructor !== Object

export { DEPARTED_NAME }
