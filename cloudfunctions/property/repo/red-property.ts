import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import type { Ctx } from '../../shared/dispatch'
import { ensure, notFound } from '../../shared/errors'
import { findById } from '../../shared/store'
import { streetCoverage } from '../domain/coverage'
import { listCommunitiesOfStreet, listEstatesOfStreet } from './companies'
import { readAll } from './read-all'
import { partyOrgId, type PartyOrgDoc } from './shapes'
import { txPut, txUpdate } from '../../shared/store'

/** Every 红色物业 record of the street, in pages of 100. */
export const listPartyOrgsOfStreet = (db: Database, streetId: string) =>
  readAll<PartyOrgDoc>(db, COL.propertyPartyOrgs, { streetId }, '_id')

export const findPartyOrgInTx = (tx: Transaction, companyId: string) =>
  txGetOrNull<PartyOrgDoc>(tx, COL.propertyPartyOrgs, partyOrgId(companyId))
export const putPartyOrgInTx = (tx: Transaction, doc: PartyOrgDoc) => txPut(tx, COL.propertyPartyOrgs, doc)
export const updatePartyOrgInTx = (tx: Transaction, id: string, patch: Partial<Record<keyof PartyOrgDoc, unknown>>) =>
  txUpdate(tx, COL.propertyPartyOrgs, id, patch)

/**
 * Each estate of the street with its company's coverage, for the street's admin (the screen and the
 * export read the same figures): requests grow with estates / 100 and companies / 100 only.
 */
export async function coverageOfStreet(ctx: Ctx<{ streetId: string }>) {
  const { db, actor, input } = ctx
  ensure(actor.isStreetAdminOf(input.streetId), '只能查看您所在街道的红色物业覆盖')
  const street = await findById<{ _id: string; name: string }>(db, COL.streets, input.streetId)
  if (!street) throw notFound('街道')
  const [estates, orgs, communities] = await Promise.all([
    listEstatesOfStreet(db, street._id),
    listPartyOrgsOfStreet(db, street._id),
    listCommunitiesOfStreet(db, street._id),
  ])
  return { street, ...streetCoverage(estates, orgs, communities) }
}
