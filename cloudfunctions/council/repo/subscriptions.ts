import { COL } from '../../shared/collections'
import type { Transaction } from '../../shared/db-types'
import type { SubscriptionDoc } from './docs'
import { findInTx, putInTx } from './tx'

export const findSubscriptionInTx = (tx: Transaction, id: string) => findInTx<SubscriptionDoc>(tx, COL.councilSubscriptions, id)
export const putSubscriptionInTx = (tx: Transaction, s: SubscriptionDoc) => putInTx(tx, COL.councilSubscriptions, s)
