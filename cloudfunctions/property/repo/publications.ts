import { COL } from '../../shared/collections'
import type { Transaction } from '../../shared/db-types'
import type { PublicationDoc } from './shapes'
import { txPut, txUpdate } from '../../shared/store'

export const putPublicationInTx = (tx: Transaction, doc: PublicationDoc) => txPut(tx, COL.propertyPublications, doc)
export const updatePublicationInTx = (
  tx: Transaction,
  id: string,
  patch: Partial<Record<keyof PublicationDoc, unknown>>,
) => txUpdate(tx, COL.propertyPublications, id, patch)
