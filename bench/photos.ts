import { COL } from '../cloudfunctions/shared/collections'
import type { Database } from '../cloudfunctions/shared/db-types'
import { photoKey, type PhotoDoc } from '../cloudfunctions/shared/photos'

/** A 2 KB JPEG (signature + filler): what the bench uploads through each `photo.upload`. */
export const BENCH_JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7)]).toString(
  'base64',
)

/** Registers a photo as if `owner` had uploaded it, for scenarios whose caller has no upload row. */
export async function registerPhoto(db: Database, owner: string, fileId: string): Promise<void> {
  const doc: PhotoDoc = { _id: photoKey(fileId), fileId, owner, folder: 'bench', bytes: 2048, at: new Date() }
  await db.collection(COL.photos).add({ data: doc })
}
