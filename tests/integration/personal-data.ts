import { COL, type CollectionName } from '../../cloudfunctions/shared/collections'
import { NO_PERSONAL_DATA, PERSONAL_DATA, type Holds } from '../../cloudfunctions/shared/personal-data'
import { personKey } from '../../cloudfunctions/shared/pseudonym'
import type { Cloud } from './harness'

type Found = 'openid' | 'personKey' | 'name' | 'phone'

/** What a registered field may hold for each kind of trace found in it. */
const ALLOWED: Record<Found, Holds[]> = {
  openid: ['openid', 'any'],
  personKey: ['personKey', 'any'],
  name: ['name', 'any'],
  phone: ['phone', 'any'],
}

async function everyDoc(h: Cloud, collection: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = []
  const { total } = await h.db.collection(collection).count()
  for (let skip = 0; skip < total; skip += 1000)
    out.push(...((await h.db.collection(collection).skip(skip).limit(1000).get()).data as Record<string, unknown>[]))
  return out
}

/** The registered field that covers `path` (itself, or an `any` field above it). */
function registered(collection: string, path: string, kind: Found): boolean {
  const fields = PERSONAL_DATA[collection as CollectionName]?.fields ?? []
  return fields.some((f) => {
    const covers =
      f.path === path || (f.holds === 'any' && (path.startsWith(`${f.path}.`) || path.startsWith(`${f.path}[]`)))
    return covers && ALLOWED[kind].includes(f.holds)
  })
}

/**
 * Every stored field that holds a known person (an openid of the users collection, its person key,
 * a whole phone or a name of someone on record) and is not in the personal-data registry, as
 * `collection path: kind`. Run at the end of a module's journey, it catches a writer that added a
 * field naming a person without registering it (我的数据 and 注销 would miss it).
 */
export async function unregisteredPersonFields(h: Cloud): Promise<string[]> {
  const users = (await everyDoc(h, COL.users)) as { _id: string; name?: string; phone?: string }[]
  const openids = users.map((u) => u._id)
  const keys = openids.map(personKey)
  const names = new Set(users.map((u) => u.name).filter((n): n is string => !!n))
  const phones = new Set(users.map((u) => u.phone).filter((p): p is string => !!p))
  const missing = new Set<string>()
  const walk = (collection: string, v: unknown, path: string) => {
    if (typeof v === 'string') {
      const kinds: Found[] = []
      if (openids.some((o) => v.includes(o))) kinds.push('openid')
      if (keys.some((k) => v.includes(k))) kinds.push('personKey')
      if (names.has(v)) kinds.push('name')
      if (phones.has(v)) kinds.push('phone')
      for (const kind of kinds) if (!registered(collection, path, kind)) missing.add(`${collection} ${path}: ${kind}`)
    } else if (Array.isArray(v)) {
      for (const x of v) walk(collection, x, `${path}[]`)
    } else if (v && typeof v === 'object' && !(v instanceof Date)) {
      for (const [k, x] of Object.entries(v)) walk(collection, x, path ? `${path}.${k}` : k)
    }
  }
  for (const collection of Object.values(COL)) {
    for (const doc of await everyDoc(h, collection)) walk(collection, doc, '')
  }
  return [...missing].sort()
}

/** The registry covers everything the test so far has written; also fails if a no-personal-data collection holds someone. */
export async function expectPersonalDataRegistered(h: Cloud): Promise<void> {
  const missing = await unregisteredPersonFields(h)
  expect({ missing, noPersonalData: missing.filter((m) => m.split(' ')[0] in NO_PERSONAL_DATA) }).toEqual({
    missing: [],
    noPersonalData: [],
  })
}
