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
