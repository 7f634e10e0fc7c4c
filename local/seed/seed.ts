import type { Database } from '../../cloudfunctions/shared/db-types'
import { COL } from '../../cloudfunctions/shared/collections'
import { insertAll } from './insert'
import { buildDemo, type DemoWorld } from './demo-data'
import { seedProperty } from './property'
import { seedJoint } from './joint'
import { serviceSeed } from './service'
import { councilSeed } from './council'
import { gridSeed } from './grid'
import { buildingsSeed } from './buildings'
import { careSeed } from './care'

export { seedInBulk } from './insert'

const MARKER = 'seed:demo'

const TARGETS: [keyof DemoWorld, string][] = [
  ['streets', COL.streets],
  ['communities', COL.communities],
  ['grids', COL.grids],
  ['estates', COL.estates],
  ['buildings', COL.buildings],
  ['households', COL.households],
  ['companies', COL.companies],
  ['units', COL.units],
  ['users', COL.users],
  ['bindings', COL.bindings],
  ['liaisonApplications', COL.liaisonApplications],
]

/** A module's demo data, written after the organisation tree (modules add theirs to MODULE_SEEDS). */
export type ModuleSeed = (db: Database, scale: number) => Promise<void>

/** Each module's demo data, in order (a module may rely on the ones before it). */
export const MODULE_SEEDS: ModuleSeed[] = [
  serviceSeed,
  councilSeed,
  seedProperty,
  gridSeed,
  seedJoint,
  buildingsSeed,
  careSeed,
]

/**
 * Seed the demo world once. Idempotent: a marker document records that it ran, so later starts
 * leave the data (and everything people did since) alone.
 */
export async function seedDemo(db: Database, scale = 1): Promise<{ seeded: boolean }> {
  const { data } = await db.collection(COL.counters).where({ _id: MARKER }).limit(1).get()
  if (data.length) return { seeded: false }
  const world = buildDemo(scale)
  for (const [key, collection] of TARGETS) await insertAll(db, collection, world[key])
  for (const seedModule of MODULE_SEEDS) await seedModule(db, scale)
  await db.collection(COL.counters).add({ data: { _id: MARKER, scale, at: new Date() } })
  return { seeded: true }
}
