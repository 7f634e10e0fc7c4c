import type { Page, PageInput } from '../../../types/common'
import type { PlaceKind, RevisionKind } from '../../../types/org'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import { fetchPage } from '../../shared/paging'
import { findById } from '../../shared/store'
import { revisionId } from '../domain/register'
import type { BuildingDoc, CommunityDoc, EstateDoc, GridDoc, HouseholdDoc, StreetDoc } from './index'

/**
 * The register of places and households as its corrections read and write it (issue 12 §2): estates,
 * buildings and grids by kind, their households, and the versions (`org_revisions`) each change keeps.
 */

/** An earlier state of a household or place, kept when it changes. `_id = rev:<targetId>:v<version>`. */
export interface RevisionDoc {
  _id: string
  kind: RevisionKind
  targetKind: 'household' | PlaceKind
  targetId: string
  communityId: string
  /** The version this change made (the first registered state is version 1). */
  version: number
  /** As shown: 85.50 平方米, 3号楼, 第二网格, 在用 … */
  before: string
  after: string
  reason?: string
  by: string
  byName: string
  at: Date
}

interface PlaceOf {
  estate: EstateDoc
  building: BuildingDoc
  grid: GridDoc
}
export type Place = PlaceOf[PlaceKind]
/** Where each kind of place is kept (also the first part of its audit target). */
export const PLACE_COLLECTION: Record<PlaceKind, string> = {
  estate: COL.estates,
  building: COL.buildings,
  grid: COL.grids,
}

export const findPlace = <K extends PlaceKind>(db: Database, kind: K, id: string) =>
  findById<PlaceOf[K]>(db, PLACE_COLLECTION[kind], id)
export const findPlaceInTx = <K extends PlaceKind>(tx: Transaction, kind: K, id: string) =>
  txGetOrNull<PlaceOf[K]>(tx, PLACE_COLLECTION[kind], id)

export async function updatePlaceInTx(
  tx: Transaction,
  kind: PlaceKind,
  id: string,
  patch: Record<string, unknown>,
): Promise<void> {
  await tx.collection(PLACE_COLLECTION[kind]).doc(id).update({ data: patch })
}

/** The first street of a deployment (org.bootstrap). */
export async function putStreetInTx(tx: Transaction, doc: StreetDoc): Promise<void> {
  await tx.collection(COL.streets).add({ data: doc })
}

export const findHouseholdInTx = (tx: Transaction, id: string) => txGetOrNull<HouseholdDoc>(tx, COL.households, id)
export const findCommunityInTx = (tx: Transaction, id: string) => txGetOrNull<CommunityDoc>(tx, COL.communities, id)

export async function updateHouseholdInTx(tx: Transaction, id: string, patch: Record<string, unknown>): Promise<void> {
  await tx.collection(COL.households).doc(id).update({ data: patch })
}

export async function updateCommunityInTx(tx: Transaction, id: string, patch: Record<string, unknown>): Promise<void> {
  await tx.collection(COL.communities).doc(id).update({ data: patch })
}

/** Writes the version record of a change, in the transaction that makes it (its id is the target's and version's). */
export async function putRevisionInTx(tx: Transaction, doc: Omit<RevisionDoc, '_id'>): Promise<void> {
  await tx.collection(COL.orgRevisions).doc(revisionId(doc.targetId, doc.version)).set({ data: doc })
}

/** The versions of a household or place, newest first: one page (count + get). */
export function listRevisions<V>(
  db: Database,
  targetId: string,
  page: PageInput,
  view: (r: RevisionDoc) => V,
): Promise<Page<V>> {
  const q = db.collection(COL.orgRevisions).where({ targetId })
  return fetchPage<RevisionDoc, V>(q, page, [['version', 'desc']], view)
}

/**
 * Titles of the uncounted votes of the household's community that count floor area and whose scope holds
 * it (its estate or its building). One query; a community runs a few votes at a time.
 */
export async function listOpenAreaVoteTitles(db: Database, h: HouseholdDoc): Promise<string[]> {
  const _ = db.command
  const { data } = await db
    .collection(COL.councilVotes)
    .where(
      _.and([
        { communityId: h.communityId, 'rule.byArea': true, closedAt: _.exists(false) },
        _.or([{ 'scope.estateIds': h.estateId }, { 'scope.buildingIds': h.buildingId }]),
      ]) as Record<string, unknown>,
    )
    .limit(10)
    .get()
  return (data as { title: string }[]).map((v) => v.title)
}

/** Households carry their estate's and building's names (shared/address.ts); the version says which rename wrote them, so a late one never undoes a newer. */
export async function updateHouseholdNames(
  db: Database,
  kind: 'estate' | 'building',
  id: string,
  name: string,
  version: number,
): Promise<void> {
  const _ = db.command
  const [idField, nameField, versionField] =
    kind === 'estate'
      ? ['estateId', 'estateName', 'estateNameVersion']
      : ['buildingId', 'buildingName', 'buildingNameVersion']
  await db
    .collection(COL.households)
    .where(
      _.and([
        { [idField]: id },
        _.or([{ [versionField]: _.lt(version) }, { [versionField]: _.exists(false) }]),
      ]) as Record<string, unknown>,
    )
    .update({ data: { [nameField]: name, [versionField]: version } })
}

/** Every household of a building at once (one multi-document update). */
export async function updateHouseholdsOfBuilding(
  db: Database,
  buildingId: string,
  patch: Record<string, unknown>,
): Promise<void> {
  await db.collection(COL.households).where({ buildingId }).update({ data: patch })
}

export async function countHouseholdsOfBuilding(db: Database, buildingId: string): Promise<number> {
  return (await db.collection(COL.households).where({ buildingId }).count()).total
}

/** Places of `kind` already named `name` where the name must be unique: estates and grids in a community, buildings in an estate. */
export async function countPlacesNamed(db: Database, kind: PlaceKind, p: Place, name: string): Promise<number> {
  const where =
    kind === 'estate'
      ? { communityId: p.communityId, name }
      : kind === 'building'
        ? { estateId: (p as BuildingDoc).estateId, name }
        : { communityId: p.communityId, name }
  const { total } = await db.collection(PLACE_COLLECTION[kind]).where(where).count()
  return total
}

/** Buildings still in use of a grid or an estate. */
export async function countBuildingsInUse(
  db: Database,
  of: { gridId: string } | { estateId: string },
): Promise<number> {
  return (
    await db
      .collection(COL.buildings)
      .where({ ...of, retired: db.command.neq(true) })
      .count()
  ).total
}

/** Staff serving a grid now. */
export async function countActiveStaffOfGrid(db: Database, gridId: string): Promise<number> {
  return (await db.collection(COL.gridStaff).where({ gridId, status: 'active' }).count()).total
}

/** Residents of a building, verified or waiting for the community's decision. */
export async function countCurrentBindingsOfBuilding(db: Database, buildingId: string): Promise<number> {
  return (
    await db
      .collection(COL.bindings)
      .where({ buildingId, status: db.command.in(['pending', 'verified']) })
      .count()
  ).total
}

/** One estate the company serves among the communities, or null (one request). */
export async function findEstateOfCompanyIn(
  db: Database,
  companyId: string,
  communityIds: string[],
): Promise<EstateDoc | null> {
  const { data } = await db
    .collection(COL.estates)
    .where({ companyId, communityId: db.command.in(communityIds) })
    .limit(1)
    .get()
  return (data[0] as EstateDoc | undefined) ?? null
}
