import type { Page, PageInput } from '../../../types/common'
import type { WhistleRecordView } from '../../../types/grid'
import type { CommitmentView } from '../../../types/joint'
import type { Database } from '../../shared/cloud'
import { COL } from '../../shared/collections'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import { pageOf, txPut, txUpdate } from './store'

/**
 * One version of a unit's quarterly letter, `fl:<unit>:<quarter>:v<n>`, written once. A re-issue writes
 * version n+1 and marks version n superseded (only the `superseded*` fields), so an acknowledged version
 * keeps its rows and acknowledgement. The latest number is kept in `counters` (`ids.letterLatest`).
 */
export interface LetterDoc {
  _id: string
  version: number
  unitId: string
  unitName: string
  communityId: string
  communityName: string
  quarter: string
  rows: { memberId: string; name: string; minutes: number; activities: number; wishes: number }[]
  totalMinutes: number
  note?: string
  issuedAt: Date
  issuedBy: string
  issuedByName: string
  acknowledgedAt?: Date
  acknowledgedBy?: string
  acknowledgedByName?: string
  supersededAt?: Date
  supersededBy?: string
  supersededByName?: string
  /** 网格吹哨 record of the quarter (cloudfunctions/shared/whistle-record.ts), frozen with the letter. */
  whistles?: WhistleRecordView
  /** 联席会议 commitments of the unit in the quarter (cloudfunctions/shared/commitments.ts), as they stood at issue. */
  commitments?: CommitmentView[]
}

export interface LetterLatestDoc {
  _id: string
  latest: number
  updatedAt: Date
}

/** A page of the latest version of each quarter's letter to the unit, newest quarter first. */
export function listLatestLetters<V>(
  db: Database,
  unitId: string,
  input: PageInput,
  view: (l: LetterDoc) => V,
): Promise<Page<V>> {
  return pageOf(
    db,
    COL.svcLetters,
    { unitId, supersededAt: db.command.exists(false) },
    input,
    [['quarter', 'desc']],
    view,
  )
}

/** A page of every version of one quarter's letter to the unit, newest first. */
export function listLetterVersions<V>(
  db: Database,
  unitId: string,
  quarter: string,
  input: PageInput,
  view: (l: LetterDoc) => V,
): Promise<Page<V>> {
  return pageOf(db, COL.svcLetters, { unitId, quarter }, input, [['version', 'desc']], view)
}

export const findLetterInTx = (tx: Transaction, id: string) => txGetOrNull<LetterDoc>(tx, COL.svcLetters, id)
export const putLetterInTx = (tx: Transaction, doc: LetterDoc) => txPut(tx, COL.svcLetters, doc)
/** Only the superseded or acknowledged fields: a version's content is written once. */
export const updateLetterInTx = (
  tx: Transaction,
  id: string,
  patch:
    | Pick<LetterDoc, 'supersededAt' | 'supersededBy' | 'supersededByName'>
    | Pick<LetterDoc, 'acknowledgedAt' | 'acknowledgedBy' | 'acknowledgedByName'>,
) => txUpdate(tx, COL.svcLetters, id, patch)

export const findLetterLatestInTx = (tx: Transaction, id: string) => txGetOrNull<LetterLatestDoc>(tx, COL.counters, id)
export const putLetterLatestInTx = (tx: Transaction, doc: LetterLatestDoc) => txPut(tx, COL.counters, doc)
