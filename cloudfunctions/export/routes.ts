import type { ExportActions } from '../../types/export'
import type { Routes } from '../shared/dispatch'
import { councilVote } from './kinds/council'
import { gridStats } from './kinds/grid'
import { orgMyData } from './kinds/org'
import { propertyInputs, propertyPeriod, propertyRedProperty } from './kinds/property'
import { serviceLedgers, serviceLetter } from './kinds/service'

/**
 * The registry: one kind of file per action, each defined next to the module whose data it carries
 * (kinds/<module>.ts: its scope rule and reads, then its sheets). A new kind is one entry here, one
 * in types/export.ts and one `exportKind({...})`.
 */
export const routes: Routes<ExportActions> = {
  'org.mydata': orgMyData,
  'council.vote': councilVote,
  'property.period': propertyPeriod,
  'property.inputs': propertyInputs,
  'property.redProperty': propertyRedProperty,
  'service.ledgers': serviceLedgers,
  'service.letter': serviceLetter,
  'grid.stats': gridStats,
}
