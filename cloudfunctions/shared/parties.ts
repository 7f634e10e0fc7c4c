import type { RoleGrant } from '../../types/roles'
import { memberRecordId, personKey } from './pseudonym'

/**
 * The keys of every party a person acts for, as records other people see name them (no openid):
 * `person:<key>` (themselves, when invited by name), `member:<报到 record>` (a member carrying work),
 * `company:`, `unit:`, `grid:` and `community:` (their company, unit, grid or community as secretary).
 * An invitation or a responsibility stores one such key; "mine" is one `in` query over these.
 */
export function partyKeysOf(openid: string, roles: RoleGrant[]): string[] {
  const keys = new Set<string>([`person:${personKey(openid)}`])
  for (const g of roles) {
    if (g.role === 'property_staff') keys.add(`company:${g.scopeId}`)
    if (g.role === 'unit_liaison') keys.add(`unit:${g.scopeId}`)
    if (g.role === 'grid_worker') keys.add(`grid:${g.scopeId}`)
    if (g.role === 'secretary') keys.add(`community:${g.scopeId}`)
    if (g.role === 'member') keys.add(`member:${memberRecordId(openid)}`)
  }
  return [...keys]
}

export const personPartyKey = (openid: string) => `person:${personKey(openid)}`

/**
 * A party key as an audit entry keeps it: a key that names a person (`member:m:<key>`, `person:<key>`)
 * is kept as its kind alone — the record itself names the party, and leaving rewrites it there; an
 * audit entry written by someone else is not one leaving can find.
 */
export const auditPartyKey = (key: string | null | undefined): string | null => {
  if (!key) return null
  const kind = key.split(':')[0]
  return kind === 'member' || kind === 'person' ? kind : key
}
