import { COL } from '../../shared/collections'
import type { Transaction } from '../../shared/db-types'
import { newId } from '../../shared/ids'
import type { RevisionDoc } from './shapes'

/** Keeps a superseded version (of a rating, answer, assessment or declaration) with who replaced it and when. */
export async function putRevisionInTx(tx: Transaction, revision: Omit<RevisionDoc, '_id'>): Promise<void> {
  await tx.collection(COL.propertyRevisions).add({ data: { _id: newId('rev'), ...revision } })
}
