import { COL } from '../../shared/collections'
import { txGetOrNull, type Transaction } from '../../shared/db-types'
import type { RuleDoc } from './shapes'
import { txPut } from '../../shared/store'

export const findRuleInTx = (tx: Transaction, id: string) => txGetOrNull<RuleDoc>(tx, COL.propertyRules, id)
export const putRuleInTx = (tx: Transaction, doc: RuleDoc) => txPut(tx, COL.propertyRules, doc)
