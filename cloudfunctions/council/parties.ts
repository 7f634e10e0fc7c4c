import { PARTY_TYPE_LABEL, type PartyType, type PartyView } from '../../types/council'
import type { PageInput, Page } from '../../types/common'
import { STAFF_POST_LABEL } from '../../types/staff-posts'
import type { Database } from '../shared/cloud'
import { invalid } from '../shared/errors'
import { personPartyKey } from '../shared/parties'
import {
  listActiveGridStaff,
  listApprovedMembers,
  listApprovedUnits,
  listCommunityEstates,
  listCommunityGrids,
  listVerifiedResidents,
  partyRecords,
  type CommunityRef,
} from './repo'

/**
 * The parties of a community the secretary picks from (meeting invitations, the party carrying a
 * resolution), read from the records their own modules keep: units (service), the companies serving
 * the community's estates and its grids (org), grid staff (grid), approved members (service) and
 * verified residents (org bindings). Every id is a record id; no openid leaves this file.
 */

/** A party as resolved on the server: its name, its key and, for a person, the openid notices go to (never shown). */
export interface ResolvedParty {
  type: PartyType
  id: string
  name: string
  key: string
  openid?: string
}

const contains = (q: string | undefined, ...texts: (string | undefined)[]) => !q || texts.some((t) => t?.includes(q))

/** The companies serving the community's estates (one read), each with the estates it serves there. */
async function servingCompanies(db: Database, communityId: string) {
  const out = new Map<string, { id: string; name: string; estates: string[] }>()
  for (const e of await listCommunityEstates(db, communityId)) {
    if (!e.companyId) continue
    const c = out.get(e.companyId) ?? { id: e.companyId, name: e.companyName ?? '物业公司', estates: [] }
    c.estates.push(e.name)
    out.set(e.companyId, c)
  }
  return [...out.values()]
}

/** A bounded list shown as one page (companies, grids: at most 100 of a community). */
function asPage(items: PartyView[], input: PageInput): Page<PartyView> {
  const start = (input.page - 1) * input.pageSize
  return {
    items: items.slice(start, start + input.pageSize),
    total: items.length,
    page: input.page,
    pageSize: input.pageSize,
  }
}

/** One page of a type's candidates: two requests (count + page), or one read for the bounded lists. */
export async function searchParties(
  db: Database,
  community: CommunityRef,
  type: PartyType,
  q: string | undefined,
  input: PageInput,
): Promise<Page<PartyView>> {
  const c = community._id
  switch (type) {
    case 'community':
      return asPage(contains(q, community.name) ? [{ type, id: c, name: community.name }] : [], input)
    case 'company':
      return asPage(
        (await servingCompanies(db, c))
          .filter((x) => contains(q, x.name))
          .map((x) => ({ type, id: x.id, name: x.name, detail: `服务 ${x.estates.join('、')}` })),
        input,
      )
    case 'grid': {
      return asPage(
        (await listCommunityGrids(db, c))
          .filter((g) => contains(q, g.name))
          .map((g) => ({ type, id: g._id, name: g.name, detail: community.name })),
        input,
      )
    }
    case 'unit':
      return listApprovedUnits(db, c, q, input, (u): PartyView => ({
        type,
        id: u._id,
        name: u.name,
        ...(u.partyBody ? { detail: u.partyBody } : {}),
      }))
    case 'gridStaff':
      return listActiveGridStaff(db, c, q, input, (s): PartyView => ({
        type,
        id: s._id,
        name: s.name,
        detail: `${s.gridName} ${STAFF_POST_LABEL[s.post] ?? ''}`.trim(),
      }))
    case 'member':
      return listApprovedMembers(db, c, q, input, (m): PartyView => ({
        type,
        id: m._id,
        name: m.name,
        detail: [m.unitName, m.gridName].filter(Boolean).join(' · ') || PARTY_TYPE_LABEL.member,
      }))
    case 'resident':
      return listVerifiedResidents(db, c, q, input, (b): PartyView => ({
        type,
        id: b._id,
        name: b.applicantName,
        detail: b.address,
      }))
  }
}

/**
 * The picked parties checked against the community and named from their records: one read per type
 * named (at most six), whatever the number picked. Anything not of the community is INVALID_INPUT at `path`.
 */
export async function resolveParties(
  db: Database,
  community: CommunityRef,
  refs: { type: PartyType; id: string }[],
  path: string,
): Promise<ResolvedParty[]> {
  const c = community._id
  const ids = (t: PartyType) => [...new Set(refs.filter((r) => r.type === t).map((r) => r.id))]
  const [units, grids, staff, members, residents, companies] = await Promise.all([
    partyRecords.units(db, ids('unit')),
    partyRecords.grids(db, ids('grid')),
    partyRecords.gridStaff(db, ids('gridStaff')),
    partyRecords.members(db, ids('member')),
    partyRecords.residents(db, ids('resident')),
    ids('company').length ? servingCompanies(db, c) : Promise.resolve([]),
  ])
  const found = new Map<string, ResolvedParty>()
  const put = (p: ResolvedParty) => found.set(`${p.type}:${p.id}`, p)
  for (const u of units) if (u.communityId === c) put({ type: 'unit', id: u._id, name: u.name, key: `unit:${u._id}` })
  for (const g of grids) if (g.communityId === c) put({ type: 'grid', id: g._id, name: g.name, key: `grid:${g._id}` })
  for (const s of staff)
    if (s.communityId === c && s.status === 'active')
      put({ type: 'gridStaff', id: s._id, name: s.name, key: personPartyKey(s.openid), openid: s.openid })
  for (const m of members)
    if (m.communityId === c && m.status === 'approved')
      put({ type: 'member', id: m._id, name: m.name, key: `member:${m._id}`, openid: m.openid })
  for (const b of residents)
    if (b.communityId === c && b.status === 'verified')
      put({ type: 'resident', id: b._id, name: b.applicantName, key: personPartyKey(b.openid), openid: b.openid })
  for (const x of companies)
    if (ids('company').includes(x.id)) put({ type: 'company', id: x.id, name: x.name, key: `company:${x.id}` })
  if (ids('community').includes(c)) put({ type: 'community', id: c, name: community.name, key: `community:${c}` })
  return refs.map((r) => {
    const p = found.get(`${r.type}:${r.id}`)
    if (!p) throw invalid(`所选${PARTY_TYPE_LABEL[r.type]}不在本社区的名单中`, [path])
    return p
  })
}
