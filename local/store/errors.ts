/**
 * Errors shaped like the TcbError the real transport throws ({code, message, requestId}), so the
 * unmodified SDK maps them to the same errCode it would in the cloud
 * (e.g. DATABASE_COLLECTION_NOT_EXIST → -502005, DATABASE_REQUEST_FAILED → -502001;
 * codes it does not know, like DATABASE_TRANSACTION_CONFLICT, become -501001).
 */
export type StoreErrorCode =
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  | 'DATABASE_REQUEST_FAILED'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'DATABASE_TRANSACTION_FAIL'
  | 'INVALID_PARAM'
  | 'STORAGE_FILE_NONEXIST'
  // Not a CloudBase code (the SDK maps it to -501001): a Tencent API the local cloud does not answer.
  | 'LOCAL_UNAVAILABLE'

export class StoreError extends Error {
  readonly code: StoreErrorCode
  requestId = ''
  constructor(code: StoreErrorCode, message: string) {
    super(message)
    this.name = 'StoreError'
    this.code = code
  }
}

export const collectionNotExist = (name: string): StoreError =>
  new StoreError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}`)

export const duplicateKey = (coll: string, id: unknown): StoreError =>
  new StoreError(
    'DATABASE_REQUEST_FAILED',
    `E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`,
  )

export const transactionConflict = (): StoreError =>
  new StoreError('DATABASE_TRANSACTION_CONFLICT', 'database transaction conflict')
