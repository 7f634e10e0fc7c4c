import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import { findById } from '../../shared/store'
import { DEFAULT_SETTINGS, type GridSettings } from '../domain/rules'
import type { SettingsDoc } from './shapes'
import { txPut } from '../../shared/store'

/** The street's deadlines and whistle window (one read; the defaults until the street sets them). */
export async function settingsOf(db: Database, streetId: string): Promise<GridSettings> {
  const doc = await findById<SettingsDoc>(db, COL.gridSettings, streetId)
  return doc
    ? { urgentHours: doc.urgentHours, normalHours: doc.normalHours, whistleWindowHours: doc.whistleWindowHours }
    : DEFAULT_SETTINGS
}

export const findSettingsInTx = (tx: Transaction, streetId: string) =>
  txGetOrNull<SettingsDoc>(tx, COL.gridSettings, streetId)
export const putSettingsInTx = (tx: Transaction, doc: SettingsDoc) => txPut(tx, COL.gridSettings, doc)
